/**
 * `npm run snapshot -- <file.csv|.txt|.xlsx|.parquet> --name <name> [--as-of YYYY-MM-DD] [--sheet NAME] [--out <dir>]`
 * validates a case register and writes <dir or data/snapshots/<name>>/ with cases.parquet, its engine file
 * cases.duckdb, manifest.json and rejects.csv. Exits non-zero only when the file cannot be read at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readImportFile } from '../import/read-file';
import { casesToParquet, importManifest, rejectsCsv } from '../import/snapshot-writer';
import { ImportError, rejectCounts, validateTable } from '../import/validate';
import { writeEngineFile } from './engine-file';
import { nodeContext } from './node-context';
import { addToIndex } from './snapshot-index';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
    out: { type: 'string' },
    sheet: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`snapshot: ${message}`);
  process.exit(1);
}

const file = positionals[0];
if (!file)
  fail('usage: npm run snapshot -- <file.csv|.txt|.xlsx|.parquet> --name <name> [--as-of YYYY-MM-DD] [--sheet NAME] [--out <dir>]');
const name =
  values.name ??
  basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-');
if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(`--name may use letters, digits, - and _ only: ${name}`);
const asOf = values['as-of']!;
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) fail(`--as-of must be YYYY-MM-DD: ${asOf}`);

const started = performance.now();
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}
const context = await nodeContext();
let result;
try {
  const { table } = await readImportFile(bytes, values.sheet);
  result = validateTable(table, { asOf, towns: context.towns });
} catch (error) {
  if (error instanceof ImportError) fail(`${file}: ${error.message}`);
  throw error;
}

const engine = await context.engine();
const parquet = await casesToParquet(engine, result.accepted);
const dir = values.out ? resolve(values.out) : join('data/snapshots', name);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'cases.parquet'), parquet);
writeFileSync(join(dir, 'rejects.csv'), `\ufeff${rejectsCsv(result)}`);
const source = { file: basename(file), bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
const imported = importManifest(name, asOf, source, result, context.townFile.source);
const manifest = { ...imported, engineFile: await writeEngineFile(dir, { asOf, firstMissing: imported.dateRange.firstMissing }) };
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
if (!values.out) addToIndex('data/snapshots', manifest);
await engine.close();

const lines = [
  `${file} → ${dir}`,
  `  input rows ${result.inputRows}, accepted ${result.accepted.length}, rejected ${result.rejects.length}`,
  ...rejectCounts(result.rejects).map((c) => `    rejected, ${c.code}: ${c.rows}`),
  `  recoveries located: ${result.precision.place} at a place, ${result.precision.district} at a district HQ, ` +
    `${result.precision.state} in a state, ${result.precision.unlocated} unlocated`,
  ...result.unlocated
    .slice(0, 20)
    .map(
      (u) =>
        `    unlocated "${u.name}"${u.state ? ` (${u.state})` : ''}: ${u.rows} row(s)` +
        (u.suggestions.length ? `; suggestions: ${u.suggestions.join(', ')}` : ''),
    ),
  ...result.transliterated.map((t) => `    matched through transliteration: ${t.from} → ${t.to} (${t.rows} row(s))`),
  ...(result.ignoredColumns.length ? [`  columns ignored: ${result.ignoredColumns.join(', ')}`] : []),
  `  ${Math.round(performance.now() - started)} ms`,
];
console.log(lines.join('\n'));
