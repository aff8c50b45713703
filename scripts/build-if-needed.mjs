/**
 * Builds the production bundle, and writes the demo snapshot (`npm run build` does both), when any source is newer
 * than dist/index.html or the demo has not been written.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];
const DEMO_MANIFEST = 'data/snapshots/demo/manifest.json';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs);
}

export function buildIfNeeded() {
  const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
  if (built < Math.max(...INPUTS.map(newest)) || !existsSync(DEMO_MANIFEST)) {
    console.log('Building the dashboard…');
    execSync('npm run build', { stdio: 'inherit' });
  }
}
