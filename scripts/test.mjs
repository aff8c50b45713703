/**
 * `npm test`: type-checks and builds the production bundle (the end-to-end tests drive it), checks lint
 * (ESLint) and format (Prettier), runs every vitest project (unit, sql, e2e) and ends with one line:
 * "N passed, N failed", where a lint or format violation counts as a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORT = 'test-results/vitest.json';
const extra = process.argv.slice(2);

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  console.error('The type check or production build failed; no tests were run.');
  process.exit(1);
}

// Lint and format are checks like any test: each that fails counts once, and the tests still run.
const style = [
  ['ESLint', ['eslint', '.']],
  ['Prettier', ['prettier', '--check', '.']],
].filter(([name, args]) => {
  const check = spawnSync('npx', args, { stdio: 'inherit' });
  if (check.status !== 0) console.error(`${name} found problems (npx ${args.join(' ')}).`);
  return check.status !== 0;
}).length;

mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${REPORT}`, ...extra], {
  stdio: 'inherit',
});

if (!existsSync(REPORT)) {
  console.log('0 passed, 1 failed');
  console.error('vitest wrote no report.');
  process.exit(1);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
// A test file that fails to load has no tests but must still count as a failure.
const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
const passed = report.numPassedTests;
const failed = report.numFailedTests + brokenFiles + style;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 || passed === 0 ? 1 : 0);
