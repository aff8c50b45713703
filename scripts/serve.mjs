/**
 * Serves the production build on 127.0.0.1 with the app's Content-Security-Policy. Every request is
 * answered, a malformed one with a 4xx, and the server keeps serving; paths resolve strictly inside
 * dist/ and data/; large assets go out precompressed (brotli or gzip files written by the build).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp.mjs';
import { snapshotIndex } from './snapshot-index.mjs';

const ROOT = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
/** Snapshots are served from data/ itself, so a newly generated snapshot needs no rebuild. */
const DATA = resolve(fileURLToPath(new URL('../data', import.meta.url)));
const MAX_URL_LENGTH = 4096;

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

/** Headers on every response, errors included. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Precompressed files the build writes beside an asset, best first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** The file a URL path names, strictly inside its folder (compared with a separator), or null. */
export function resolveInside(base, relative) {
  const file = resolve(base, `.${relative}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

function fail(response, status, headers = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(`${status}\n`);
}

function handle(request, response) {
  const method = request.method ?? '';
  if (method !== 'GET' && method !== 'HEAD') return fail(response, 405, { Allow: 'GET, HEAD' });
  const url = request.url ?? '/';
  if (url.length > MAX_URL_LENGTH) return fail(response, 414);
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return fail(response, 400);
  }
  // A NUL byte or a path that still climbs after decoding is never a file of ours.
  if (path.includes('\0') || path.split('/').includes('..') || path.includes('\\')) return fail(response, 400);
  const inData = path.startsWith('/data/');
  const file0 = inData ? resolveInside(DATA, path.slice('/data'.length)) : resolveInside(ROOT, path);
  if (!file0) return fail(response, 403);
  if (path === '/data/snapshots/index.json') {
    const body = JSON.stringify(snapshotIndex(join(DATA, 'snapshots')));
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-cache' });
    return response.end(method === 'HEAD' ? undefined : body);
  }
  let file = file0;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return fail(response, 404);

  const accepted = String(request.headers['accept-encoding'] ?? '');
  const [encoding, suffix] = ENCODINGS.find(([name, ext]) => new RegExp(`\\b${name}\\b`).test(accepted) && existsSync(file + ext)) ?? [
    undefined,
    '',
  ];
  const sent = file + suffix;
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(sent).size,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    Vary: 'Accept-Encoding',
    'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  if (method === 'HEAD') return response.end();
  const stream = createReadStream(sent);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** The security headers as raw header lines, for answers written straight to a socket. */
const RAW_HEADERS = Object.entries(SECURITY_HEADERS)
  .map(([k, v]) => `${k}: ${v}\r\n`)
  .join('');

export function startServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      // Whatever went wrong with one request, the server answers it and keeps serving the next.
      if (!response.headersSent) fail(response, 500);
      else response.destroy();
    }
  });
  // CONNECT and upgrade requests bypass the request handler: refuse them the same way.
  const refuse = (_request, socket) =>
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\n${RAW_HEADERS}Connection: close\r\n\r\n`);
  server.on('connect', refuse);
  server.on('upgrade', refuse);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\n${RAW_HEADERS}Connection: close\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
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
