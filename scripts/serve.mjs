/** Serves the production build on 127.0.0.1 with the app's Content-Security-Policy. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp.mjs';
import { snapshotIndex } from './snapshot-index.mjs';

const ROOT = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
/** Snapshots are served from data/ itself, so a newly generated snapshot needs no rebuild. */
const DATA = resolve(fileURLToPath(new URL('../data', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
};

export function startServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const base = path.startsWith('/data/') ? DATA : ROOT;
    let file = normalize(join(base, path.startsWith('/data/') ? path.slice('/data'.length) : path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (path === '/data/snapshots/index.json') {
      const body = JSON.stringify(snapshotIndex(join(DATA, 'snapshots')));
      response.writeHead(200, {
        'Content-Type': TYPES['.json'], 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache',
      }).end(body);
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(ROOT, 'index.html'))) {
    console.error('No production build in dist/: run `npm run build` (or `npm start`, which builds when needed).');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4173);
  await startServer({ port });
  console.log(`Muskaan Atlas: http://127.0.0.1:${port}/`);
}
