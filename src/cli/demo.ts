/**
 * `npm run demo [-- --rows N --name NAME --seed S --as-of YYYY-MM-DD --years Y --csv FILE --trend-free]` writes a
 * synthetic snapshot to data/snapshots/<name>/ and lists it in data/snapshots/index.json. Large
 * snapshots (1M, 10M) are spread over up to ten years and written through native DuckDB. `--trend-free` is the
 * null mode: every corridor keeps a constant rate (no growth, seasons, campaigns or growing corridors).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../data/manifest';
import { SCHEMA_VERSION } from '../data/schema';
import { townsFromFile } from '../geo/gazetteer';
import { casesToParquet } from '../import/snapshot-writer';
import { demoCsv } from './demo-csv';
import { CHUNK_ROWS, generateDemoCases, generateDemoChunks, type DemoOptions } from './generate-demo';
import { writeEngineFile } from './engine-file';
import { writeLargeSnapshot } from './large-snapshot';
import { nodeContext } from './node-context';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'demo' },
    rows: { type: 'string' },
    seed: { type: 'string', default: '20251130' },
    'as-of': { type: 'string', default: '2025-11-30' },
    years: { type: 'string', default: '3' },
    out: { type: 'string', default: 'data/snapshots' },
    csv: { type: 'string' },
    'trend-free': { type: 'boolean', default: false },
  },
});

const MAX_YEARS = 10;
const started = performance.now();
const { townFile, engine } = await nodeContext();
const seed = Number(values.seed);
const rows = values.rows ? Number(values.rows) : undefined;
const years = rows ? Math.min(MAX_YEARS, Math.max(Number(values.years), Math.ceil(rows / 11_500))) : Number(values.years);
const options: DemoOptions = { seed, asOf: values['as-of']!, years, rows, towns: townsFromFile(townFile), trend: !values['trend-free'] };
const dir = join(values.out!, values.name!);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'cases.parquet');

let count: number;
let firstMissing = '';
let lastMissing = '';
if ((rows ?? 0) > CHUNK_ROWS) {
  if (values.csv) throw new Error('--csv is for snapshots of up to 500,000 rows');
  const chunks = (function* tracked() {
    for (const chunk of generateDemoChunks(options)) {
      firstMissing ||= chunk[0].missing_date;
      lastMissing = chunk[chunk.length - 1].missing_date;
      yield chunk;
    }
  })();
  count = await writeLargeSnapshot(chunks, file, 1 << 17);
} else {
  const cases = generateDemoCases(options);
  writeFileSync(file, await casesToParquet(await engine(), cases, cases.length > 200_000 ? 1 << 17 : 8192));
  count = cases.length;
  firstMissing = cases[0].missing_date;
  lastMissing = cases[cases.length - 1].missing_date;
  if (values.csv) {
    writeFileSync(values.csv, demoCsv(cases));
    console.log(`${values.csv}: the same cases in the import format (CSV, day-first dates)`);
  }
}

const parquet = readFileSync(file);
const manifest: Manifest = {
  schemaVersion: SCHEMA_VERSION,
  name: values.name!,
  asOf: values['as-of']!,
  createdAt: new Date().toISOString(),
  synthetic: true,
  sources: [{ file: 'cases.parquet', sha256: createHash('sha256').update(parquet).digest('hex'), bytes: parquet.byteLength }],
  rows: { input: count, accepted: count, rejected: 0 },
  dateRange: { firstMissing, lastMissing },
  gazetteer: townFile.source,
  generator: { name: 'muskaan-atlas demo generator', seed },
  engineFile: await writeEngineFile(dir, { asOf: values['as-of']!, firstMissing }),
};
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `${dir}: ${count} synthetic cases over ${years} years, ${parquet.byteLength} bytes of Parquet, ` +
    `${manifest.engineFile!.bytes} bytes of engine file, ` +
    `${Math.round(performance.now() - started)} ms`,
);
