import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The tests read the demo snapshot, which the build writes (`npm run build`; `npm test` builds first): a run of
 * vitest on its own, on a fresh clone, writes it here.
 */
export default function setup(): void {
  if (!existsSync('data/snapshots/demo/manifest.json')) execSync('npx tsx src/cli/demo.ts', { stdio: 'inherit' });
}
