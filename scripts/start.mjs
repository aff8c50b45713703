/** `npm start`: builds when the sources are newer than dist/, then serves the build on 127.0.0.1. */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'public', 'data/snapshots', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (built < Math.max(...INPUTS.map(newest))) {
  console.log('Building the dashboard…');
  execSync('npm run build', { stdio: 'inherit' });
}
await import('./serve.mjs').then(async ({ startServer }) => {
  const port = Number(process.env.PORT ?? 4173);
  await startServer({ port });
  console.log(`Muskaan Atlas is running at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
});
