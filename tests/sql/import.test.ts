import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { loadCases } from '../../src/data/snapshot';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { TownGazetteer, townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { readImportFile } from '../../src/import/read-file';
import { casesToParquet, rejectsCsv } from '../../src/import/snapshot-writer';
import { rejectCounts, validateTable, type ImportResult } from '../../src/import/validate';
import { overviewQuery } from '../../src/queries/overview';
import { nodeEngine } from '../support/engine';

const DIR = 'tests/fixtures/import';
interface Expected {
  error?: string;
  input?: number;
  accepted?: number;
  rejected?: number;
  reasons?: Record<string, number>;
  unlocated?: number;
  transliterated?: number;
  precision?: Record<string, number>;
}
const { asOf, files } = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { asOf: string; files: Record<string, Expected> };
const towns = new TownGazetteer(townsFromFile(JSON.parse(readFileSync('src/geo/data/towns.json', 'utf8')) as TownFile));
const importFile = async (name: string): Promise<ImportResult> =>
  validateTable((await readImportFile(readFileSync(join(DIR, name)))).table, { asOf, towns });

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});
afterAll(() => engine.close());

describe('the import corpus', () => {
  it('has an expected outcome for every file', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f !== 'expected.json')
        .sort(),
    ).toEqual(Object.keys(files).sort());
  });

  for (const [name, expected] of Object.entries(files)) {
    it(`${name}: ${expected.error ? `fails with "${expected.error}"` : `${expected.accepted} accepted, ${expected.rejected} rejected`}`, async () => {
      if (expected.error) {
        await expect(importFile(name)).rejects.toThrow(new RegExp(expected.error));
        return;
      }
      const result = await importFile(name);
      expect(result.inputRows).toBe(expected.input);
      expect(result.accepted.length + result.rejects.length).toBe(result.inputRows);
      expect(result.accepted).toHaveLength(expected.accepted!);
      expect(result.rejects).toHaveLength(expected.rejected!);
      expect(Object.fromEntries(rejectCounts(result.rejects).map((c) => [c.code, c.rows]))).toEqual(expected.reasons);
      expect(result.unlocated.reduce((n, u) => n + u.rows, 0)).toBe(expected.unlocated);
      if (expected.transliterated !== undefined)
        expect(result.transliterated.reduce((n, t) => n + t.rows, 0)).toBe(expected.transliterated);
      if (expected.precision) expect(result.precision).toEqual(expected.precision);
    });
  }
});

describe('what an import keeps', () => {
  it('records the row number, column, reason and original values of each reject', async () => {
    const { rejects } = await importFile('every-reject.csv');
    expect(rejects[0]).toEqual({
      row: 2,
      column: 'case_id',
      code: 'missing-case-id',
      reason: 'case_id is empty',
      values: ['', 'Khargone', '2025-01-01', '', 'F', '16', '', ''],
    });
    expect(rejects.find((r) => r.code === 'unknown-district' && r.values[1] === 'Khargonee')!.reason).toBe(
      '"Khargonee" is not one of the 55 MP districts; did you mean Khargone?',
    );
    expect(rejects.find((r) => r.code === 'recovered-before-missing')!.row).toBe(8);
  });

  it('reads Hindi names, Devanagari digits and header aliases', async () => {
    const [h1, h2] = (await importFile('aliases-hindi.csv')).accepted;
    expect(h1).toMatchObject({
      origin_district: 'khargone',
      missing_date: '2025-01-10',
      recovered_date: '2025-01-20',
      recovery_state: 'IN-UP',
      recovery_district: 'Gorakhpur',
      recovery_precision: 'place',
      sex: 'F',
      age_years: 16,
      pocso: true,
    });
    expect(h2).toMatchObject({ origin_district: 'barwani', recovery_place: 'सूरत', recovery_state: 'IN-GJ', sex: 'M', pocso: false });
  });

  it('places origins at the named police station inside the district, else at the district HQ', async () => {
    const accepted = (await importFile('aliases-hindi.csv')).accepted;
    expect(accepted.find((c) => c.case_id === 'H-3')).toMatchObject({
      origin_district: 'narmadapuram',
      origin_precision: 'station',
      origin_station: 'Itarsi PS',
    });
    expect(accepted.find((c) => c.case_id === 'H-4')).toMatchObject({
      origin_district: 'khandwa',
      origin_precision: 'district',
      origin_lat: 21.8243,
    });
  });

  it('lets recovery coordinates inside India win over names', async () => {
    const v4 = (await importFile('valid-crlf-bom.csv')).accepted.find((c) => c.case_id === 'V-4')!;
    expect(v4).toMatchObject({ recovery_lat: 21.17, recovery_lon: 72.83, recovery_precision: 'place' });
  });

  it('keeps hostile text as data and neutralises formulas in the rejects file', async () => {
    const result = await importFile('hostile.csv');
    expect(result.accepted[0].recovery_place).toBe('<img src=x onerror=alert(1)>');
    expect(result.accepted.map((c) => c.case_id)).toContain('=HYPERLINK("http://evil.example","x")');
    expect(result.accepted.find((c) => c.case_id === '+X-5')!.origin_station).toBe('Kotwali, "Old" City\nsecond line');
    const csv = rejectsCsv(result);
    expect(csv).toContain(",'=1+2");
    expect(csv).not.toMatch(/(^|,)=1\+2/m);
  });

  it('writes accepted cases to Parquet that loads as a snapshot, hostile strings intact', async () => {
    const result = await importFile('hostile.csv');
    const { rows } = await loadCases(engine, await casesToParquet(engine, result.accepted));
    expect(rows).toBe(4);
    const overview = overviewQuery.decode(await engine.query(overviewQuery.sql(EMPTY_FILTER, { asOf, firstMissing: '2025-01-10' })));
    expect(overview.reported).toBe(4);
    const places = (await engine.query("SELECT recovery_place FROM cases WHERE case_id = 'X-2'")).get(0)!.toJSON();
    expect(places.recovery_place).toBe("Kota'); DELETE FROM cases; --");
  });

  it('reads a snapshot Parquet back through the same rules', async () => {
    const result = await importFile('snapshot-v1.parquet');
    expect(result.ignoredColumns).toEqual(expect.arrayContaining(['origin_lat', 'source_row']));
    expect(result.accepted.find((c) => c.case_id === 'EX-2025-002')).toMatchObject({
      origin_district: 'khargone',
      recovery_state: 'IN-UP',
    });
  });
});
