import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { startServer } from '../../scripts/serve.mjs';

let server: Server;
let port: number;
beforeAll(async () => {
  server = (await startServer({ port: 0 })) as Server;
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Sends raw bytes, as a careless or hostile client would, and returns the status line and headers. */
function raw(request: string): Promise<{ status: number; headers: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(2000, () => reject(new Error(`no answer to ${JSON.stringify(request.slice(0, 60))}`)));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), headers: data.split('\r\n\r\n')[0] });
    socket.on('end', done);
    // A server that stops reading a request too large to accept may reset the rest of it: its answer still counts.
    socket.on('error', () => (data ? done() : reject(new Error(`connection failed for ${JSON.stringify(request.slice(0, 60))}`))));
    socket.on('close', done);
    socket.write(request);
  });
}

const get = (path: string, method = 'GET', extra = '') =>
  raw(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

const TRAVERSALS = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '..%2f..', '..%5c..', '%2e%2e%2f%2e%2e', '..%252f..'];
const CORPUS: [path: string, method: string, allowed: number[]][] = [
  ['/%zz', 'GET', [400]],
  ['/%', 'GET', [400]],
  ['/%E0%A4%A', 'GET', [400]],
  ['/%C0%AF', 'GET', [400]],
  ['/assets/%00.js', 'GET', [400]],
  ['/data/%00/x', 'GET', [400]],
  ['/data/snapshots/demo/cases.parquet%00.txt', 'GET', [400]],
  ...TRAVERSALS.flatMap((t): [string, string, number[]][] => [
    [`/data/${t}/package.json`, 'GET', [400, 403, 404]],
    [`/data/${t}%2Fdata-other/x`, 'GET', [400, 403, 404]],
    [`/${t}/${t}/etc/passwd`, 'GET', [400, 403, 404]],
    [`/assets/${t}/${t}/package.json`, 'GET', [400, 403, 404]],
  ]),
  ['/data/snapshots/..\\..\\package.json', 'GET', [400, 404]],
  [`/${'a'.repeat(10_000)}`, 'GET', [414]],
  [`/?${'q'.repeat(5_000)}`, 'GET', [414]],
  ...['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'FOO'].map((m): [string, string, number[]] => [
    '/',
    m,
    [400, 405],
  ]),
];

describe("npm start's server under malformed and hostile requests", () => {
  it(`answers each of ${CORPUS.length + 3} bad requests with a 4xx and the security headers, then keeps serving`, async () => {
    for (const [path, method, allowed] of CORPUS) {
      const { status, headers } = await get(path, method);
      expect(allowed, `${method} ${path.slice(0, 60)} → ${status}`).toContain(status);
      expect(headers, `${method} ${path.slice(0, 40)}`).toMatch(/Content-Security-Policy: default-src 'self'/);
    }
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET\r\n\r\n', `GET / HTTP/1.1\r\nHost: x\r\nX-Long: ${'y'.repeat(20_000)}\r\n\r\n`]) {
      expect([400, 431]).toContain((await raw(garbage)).status);
    }
    const home = await get('/data/snapshots/index.json');
    expect(home.status).toBe(200);
    expect(home.headers).toMatch(/Content-Security-Policy: default-src 'self'/);
    expect((await get('/data/snapshots/demo/manifest.json')).status).toBe(200);
  });

  it('serves only GET and HEAD, HEAD without a body', async () => {
    const head = await get('/data/snapshots/demo/manifest.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers).toMatch(/Content-Length: \d+/);
    const post = await get('/data/snapshots/demo/manifest.json', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers).toMatch(/Allow: GET, HEAD/);
  });

  it.runIf(existsSync('dist/index.html'))('sends the precompressed build to browsers that accept it', async () => {
    const index = await get('/', 'GET', 'Accept-Encoding: gzip, deflate, br\r\n');
    expect(index.status).toBe(200);
    const wasm = /assets\/duckdb-eh-[\w-]+\.wasm/.exec(await (await fetch(`http://127.0.0.1:${port}/`)).text());
    const asset = wasm ? `/${wasm[0]}` : undefined;
    if (asset) {
      expect((await get(asset, 'GET', 'Accept-Encoding: gzip, br\r\n')).headers).toMatch(/Content-Encoding: br/);
      expect((await get(asset, 'GET', 'Accept-Encoding: gzip\r\n')).headers).toMatch(/Content-Encoding: gzip/);
      expect((await get(asset, 'GET')).headers).not.toMatch(/Content-Encoding/);
    }
  });
});
