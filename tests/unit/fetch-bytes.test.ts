import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBytes, type LoadProgress } from '../../src/data/snapshot';

afterEach(() => {
  vi.unstubAllGlobals();
});

const FILE = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + (i >> 8)) % 251);

/** Serves `FILE` in pieces of `piece` bytes, announcing `announced` bytes when given, compressed when `encoding` says. */
function serve(piece: number, announced?: number, status = 200, encoding?: string) {
  vi.stubGlobal('fetch', async () => {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= FILE.length) return controller.close();
        controller.enqueue(FILE.slice(offset, offset + piece));
        offset += piece;
      },
    });
    const headers: Record<string, string> = {};
    if (announced !== undefined) headers['Content-Length'] = String(announced);
    if (encoding) headers['Content-Encoding'] = encoding;
    return new Response(body, { status, headers });
  });
}

describe('fetchBytes: a snapshot file fetched into one buffer or two', () => {
  it('fills every copy with the whole file as it arrives, reporting the bytes so far', async () => {
    serve(4096, FILE.length);
    const progress: LoadProgress[] = [];
    const [bytes, copy] = await fetchBytes('/cases.duckdb', { onProgress: (p) => progress.push(p), copies: 2 });
    expect(bytes).toEqual(FILE);
    expect(copy).toEqual(FILE);
    copy[0] ^= 1;
    expect(bytes[0]).toBe(FILE[0]);
    expect(progress).toHaveLength(Math.ceil(FILE.length / 4096));
    expect(progress.at(-1)).toEqual({ phase: 'fetch', bytes: FILE.length, fraction: 1 });
  });

  it('grows past a length announced short, and keeps no spare room', async () => {
    serve(3000, 1000);
    const [bytes] = await fetchBytes('/cases.duckdb');
    expect(bytes).toEqual(FILE);
    expect(bytes.buffer.byteLength).toBe(FILE.length);
  });

  it("counts a compressed response's progress against the length its manifest gives, never past the whole", async () => {
    serve(3000, 1000, 200, 'gzip');
    const progress: LoadProgress[] = [];
    const [bytes] = await fetchBytes('/cases.duckdb', { onProgress: (p) => progress.push(p), bytes: FILE.length });
    expect(bytes).toEqual(FILE);
    expect(bytes.buffer.byteLength).toBe(FILE.length);
    expect(progress.map((p) => p.fraction)).toEqual(progress.map((p) => p.bytes! / FILE.length));
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it('reports a compressed response of unknown length as bytes alone, not as a share of its compressed length', async () => {
    serve(3000, 1000, 200, 'br');
    const progress: LoadProgress[] = [];
    const [bytes] = await fetchBytes('/cases.parquet', { onProgress: (p) => progress.push(p) });
    expect(bytes).toEqual(FILE);
    expect(progress.at(-1)?.bytes).toBe(FILE.length);
    expect(progress.every((p) => p.fraction === undefined)).toBe(true);
  });

  it('reads a file whose length is not announced', async () => {
    serve(65_536);
    const [bytes] = await fetchBytes('/cases.parquet');
    expect(bytes).toEqual(FILE);
    expect(bytes.buffer.byteLength).toBe(FILE.length);
  });

  it('stops downloading when its signal aborts, as a superseded open or a failed engine does', async () => {
    let pieces = 0;
    // An endless body that fails once the fetch's signal aborts, as the browser's does.
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
        pull(controller) {
          pieces++;
          controller.enqueue(new Uint8Array(4096));
        },
      });
      return new Response(body);
    });
    const download = new AbortController();
    const stopAt = 10 * 4096;
    const fetching = fetchBytes('/cases.duckdb', {
      onProgress: (p) => p.bytes! >= stopAt && download.abort(),
      copies: 2,
      signal: download.signal,
    });
    await expect(fetching).rejects.toThrow(/abort/i);
    expect(pieces).toBeLessThan(20);
  });

  it('fails on an HTTP error rather than returning the error page', async () => {
    serve(4096, FILE.length, 404);
    await expect(fetchBytes('/cases.duckdb')).rejects.toThrow('Could not fetch /cases.duckdb: HTTP 404');
  });
});
