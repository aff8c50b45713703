import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, fuzzFiles } from '../../src/cli/fuzz-registers';
import { loadCases } from '../../src/data/snapshot';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { TownGazetteer, townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { readImportFile } from '../../src/import/read-file';
import { crc32 } from '../../src/import/zip-check';
import { overviewQuery } from '../../src/queries/overview';
import { engineWith } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

const CORPUS = 'tests/fixtures/import';
const seeds = readdirSync(CORPUS)
  .filter((f) => f !== 'expected.json')
  .map((f) => new Uint8Array(readFileSync(join(CORPUS, f))));
const towns = new TownGazetteer(townsFromFile(JSON.parse(readFileSync('src/geo/data/towns.json', 'utf8')) as TownFile));

describe('fuzzed registers', () => {
  it('300 mutated registers: no crash or hang, input = accepted + rejected, accepted rows fit the schema, rejects say why', async () => {
    let rows = 0;
    for (const file of fuzzFiles(seeds, 300, 7)) {
      const outcome = await checkFile(file.bytes, { asOf: '2025-11-30', towns });
      expect(outcome.failures, file.label).toEqual([]);
      rows += outcome.result?.inputRows ?? 0;
    }
    expect(rows).toBeGreaterThan(100);
  }, 60_000);

  it('refuses a damaged Excel file quickly instead of handing it to the spreadsheet reader', async () => {
    const workbook = new Uint8Array(readFileSync(join(CORPUS, 'register.xlsx')));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const damaged = fc.sample(fc.tuple(fc.nat(workbook.length - 1), fc.integer({ min: 0, max: 255 }), fc.boolean()), {
      numRuns: 100,
      seed: 3,
    });
    for (const [at, value, truncate] of damaged) {
      const bytes = truncate ? workbook.slice(0, at) : workbook.slice();
      if (!truncate) bytes[at] = value;
      const started = performance.now();
      await readImportFile(bytes).catch((error: Error) => expect(error.name).toBe('ImportError'));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('keeps the loaded snapshot whole when a damaged snapshot file is opened', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    const reported = async () =>
      overviewQuery.decode(await engine.query(overviewQuery.sql(EMPTY_FILTER, { asOf: '2025-11-30', firstMissing: '2024-12-20' })))
        .reported;
    const snapshot = new Uint8Array(readFileSync(join(CORPUS, 'snapshot-v1.parquet')));
    for (const [at, value] of fc.sample(fc.tuple(fc.nat(snapshot.length - 1), fc.integer({ min: 0, max: 255 })), {
      numRuns: 25,
      seed: 11,
    })) {
      const bytes = snapshot.slice();
      bytes[at] = value;
      const before = await reported();
      let loaded = false;
      try {
        await loadCases(engine, bytes);
        loaded = true;
      } catch {
        // The damaged file was refused: what was loaded before is still there, whole.
        expect(await reported()).toBe(before);
      }
      // A flip the reader cannot notice may load: then the engine holds that file, whole.
      if (loaded) expect(await reported()).toBe(8);
    }
    await engine.close();
  }, 60_000);
});
