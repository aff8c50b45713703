/**
 * `npm run fuzz -- [--n 10000] [--seed S]`: mutates the import corpus into N registers and checks that
 * the importer neither crashes nor hangs on any, that input rows = accepted + rejected, that every
 * accepted row fits the schema and every rejected row has a reason. Exits non-zero on any failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFile, fuzzFiles } from './fuzz-registers';
import { nodeContext } from './node-context';

const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' }, seed: { type: 'string', default: '20261130' } } });
const n = Number(values.n);
const seed = Number(values.seed);
const CORPUS = 'tests/fixtures/import';
const ASOF = '2025-11-30';

const { towns } = await nodeContext();
const seeds = readdirSync(CORPUS)
  .filter((f) => f !== 'expected.json')
  .map((f) => new Uint8Array(readFileSync(join(CORPUS, f))));
const started = performance.now();
const files = fuzzFiles(seeds, n, seed);
const generatedMs = performance.now() - started;
let rows = 0;
let accepted = 0;
let refused = 0;
let slowest = 0;
const failures: string[] = [];
for (const [i, file] of files.entries()) {
  const outcome = await checkFile(file.bytes, { asOf: ASOF, towns });
  slowest = Math.max(slowest, outcome.ms);
  if (outcome.refused) refused++;
  if (outcome.result) {
    rows += outcome.result.inputRows;
    accepted += outcome.result.accepted.length;
  }
  for (const f of outcome.failures) failures.push(`file ${i} (${file.label}): ${f}`);
  if ((i + 1) % 1000 === 0) process.stdout.write(`\r  ${i + 1} of ${files.length} files`);
}
process.stdout.write('\n');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${files.length} registers (seed ${seed}, generated in ${(generatedMs / 1000).toFixed(1)} s): ${rows} rows read, ` +
    `${accepted} accepted, ${rows - accepted} rejected with a reason; ${refused} files refused as unreadable; ` +
    `slowest file ${Math.round(slowest)} ms; ${seconds} s in all; ${failures.length} failures`,
);
for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
process.exit(failures.length ? 1 : 0);
