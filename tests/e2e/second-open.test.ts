import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
// @ts-expect-error plain ESM script without type declarations
import { startServer } from '../../scripts/serve.mjs';
import { waitReady } from './browser';

// An officer's browser keeps a profile on disk: its HTTP cache and its cache of compiled code (an incognito context,
// like the other tests' pages, keeps no compiled WebAssembly, and a page whose requests are intercepted no HTTP cache).
let server: Server;
let origin: string;
let profile: string;
let context: BrowserContext;
beforeAll(async () => {
  server = (await startServer({ port: 0 })) as Server;
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'second-open-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await new Promise((resolve) => server?.close(resolve));
});

interface TraceEvent {
  name: string;
  args?: { url?: string };
}

describe('a second open of the page', () => {
  it("takes DuckDB's compiled WebAssembly from the browser's code cache instead of compiling it again", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const outside: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname !== '127.0.0.1') outside.push(request.url());
    });
    await page.goto(`${origin}/#/districts`);
    await waitReady(page);
    const browser = context.browser()!;
    // V8 writes a module's code to the cache once its optimized code has stopped growing for 2 s (or grew by 1 MB):
    // the officer's next open comes later than these few seconds, so a few reloads are allowed.
    let hits: TraceEvent[] = [];
    for (let attempt = 0; attempt < 4 && hits.length === 0; attempt++) {
      await page.waitForTimeout(3000);
      await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
      await page.reload();
      await waitReady(page);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      hits = traceEvents.filter((e) => e.name === 'v8.wasm.moduleCacheHit' && /\/duckdb-(eh|mvp)-[^/]*\.wasm$/.test(e.args?.url ?? ''));
    }
    expect(hits.length).toBeGreaterThan(0);
    await expect(page.getByTestId('kpi-reported').locator('.kpi-value').innerText()).resolves.toMatch(/\d/);
    expect(outside).toEqual([]);
  });
});
