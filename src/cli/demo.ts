/**
 * `npm run demo [-- --rows N --name NAME --seed S --as-of YYYY-MM-DD --years Y]` writes a synthetic
 * snapshot to data/snapshots/<name>/ and lists it in data/snapshots/index.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../data/manifest';
import { SCHEMA_VERSION } from '../data/schema';
import { townsFromFile } from '../geo/gazetteer';
import { casesToParquet } from '../import/snapshot-writer';
import { generateDemoCases } from './generate-demo';
import { nodeContext } from './node-context';
import { addToIndex } from './snapshot-index';
import { demoCsv } from './demo-csv';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'demo' },
    rows: { type: 'string' },
    seed: { type: 'string', default: '20251130' },
    'as-of': { type: 'string', default: '2025-11-30' },
    years: { type: 'string', default: '3' },
    out: { type: 'string', default: 'data/snapshots' },
    csv: { type: 'string' },
  },
});

const started = performance.now();
const { townFile, engine } = await nodeContext();
const seed = Number(values.seed);
const rows = values.rows ? Number(values.rows) : undefined;
const years = rows ? Math.max(Number(values.years), Math.ceil(rows / 11_500)) : Number(values.years);
const cases = generateDemoCases({ seed, asOf: values['as-of']!, years, rows, towns: townsFromFile(townFile) });
const parquet = await casesToParquet(await engine(), cases, cases.length > 200_000 ? 1 << 17 : 8192);

const dir = join(values.out!, values.name!);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'cases.parquet'), parquet);
const manifest: Manifest = {
  schemaVersion: SCHEMA_VERSION,
  name: values.name!,
  asOf: values['as-of']!,
  createdAt: new Date().toISOString(),
  synthetic: true,
  sources: [{ file: 'cases.parquet', sha256: createHash('sha256').update(parquet).digest('hex'), bytes: parquet.byteLength }],
  rows: { input: cases.length, accepted: cases.length, rejected: 0 },
  dateRange: { firstMissing: cases[0].missing_date, lastMissing: cases[cases.length - 1].missing_date },
  gazetteer: townFile.source,
  generator: { name: 'muskaan-atlas demo generator', seed },
};
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
addToIndex(values.out!, manifest);
console.log(`${dir}: ${cases.length} synthetic cases, ${parquet.byteLength} bytes of Parquet, ` +
  `${Math.round(performance.now() - started)} ms`);
if (values.csv) {
  writeFileSync(values.csv, demoCsv(cases));
  console.log(`${values.csv}: the same cases in the import format (CSV, day-first dates)`);
}
