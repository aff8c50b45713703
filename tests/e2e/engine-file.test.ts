import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_FILE, writeEngineFile } from '../../src/cli/engine-file';
import type { BenchHook } from '../../src/data/bench-hook';
import { settle, startHarness, status, waitReady, type Harness } from './browser';

let harness: Harness;
let engineFile: Buffer;
let described: Awaited<ReturnType<typeof writeEngineFile>>;
beforeAll(async () => {
  harness = await startHarness();
  const dir = mkdtempSync(join(tmpdir(), 'demo-engine-file-'));
  copyFileSync('data/snapshots/demo/cases.parquet', join(dir, 'cases.parquet'));
  const { asOf, dateRange } = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
  described = await writeEngineFile(dir, { asOf, firstMissing: dateRange.firstMissing });
  engineFile = readFileSync(join(dir, ENGINE_FILE));
});
afterAll(async () => {
  await harness?.close();
});

/** A page on which the demo's manifest lists the engine file written here, served with these bytes. */
async function pageWithEngineFile(bytes: Buffer): Promise<Page> {
  const page = await harness.newPage();
  const manifest = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
  await page.route('**/data/snapshots/demo/manifest.json', (route) => route.fulfill({ json: { ...manifest, engineFile: described } }));
  await page.route(`**/data/snapshots/demo/${ENGINE_FILE}`, (route) =>
    route.fulfill({ body: bytes, contentType: 'application/octet-stream' }),
  );
  return page;
}

/** The demo opened from an engine file with these bytes. */
async function demoWithEngineFile(bytes: Buffer): Promise<Page> {
  const page = await pageWithEngineFile(bytes);
  await page.goto(`${harness.origin}/?bench#/districts`);
  await waitReady(page);
  await settle(page);
  return page;
}

/** The demo at `hash` as if it had been written without an engine file: its manifest lists none. */
async function demoFromParquet(hash: string): Promise<Page> {
  const page = await harness.newPage();
  const { engineFile: _, ...manifest } = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
  await page.route('**/data/snapshots/demo/manifest.json', (route) => route.fulfill({ json: manifest }));
  await page.goto(`${harness.origin}/?bench${hash}`);
  await waitReady(page);
  await settle(page);
  expect(await source(page)).toBe('parquet');
  return page;
}

const source = (page: Page) =>
  page.evaluate(() => ((window as unknown as { muskaanBench: BenchHook }).muskaanBench.load() as { source: string }).source);
const reported = (page: Page) => page.getByTestId('kpi-reported').locator('.kpi-value').innerText();

describe("a snapshot's engine file in the browser", () => {
  it('opens the snapshot from its engine file, with the same figures as from its Parquet', async () => {
    const fromParquet = await demoFromParquet('#/districts');
    const page = await demoWithEngineFile(engineFile);
    expect(await status(page)).toBe('ready');
    expect(await source(page)).toBe('engine file');
    expect(await reported(page)).toBe(await reported(fromParquet));
    expect(await page.locator('[data-testid=leaderboard] tbody').innerText()).toBe(
      await fromParquet.locator('[data-testid=leaderboard] tbody').innerText(),
    );
    await page.close();
    await fromParquet.close();
  });

  it('shares the queries with a second engine holding the same file, with the same answers', async () => {
    const page = await demoWithEngineFile(engineFile);
    await page.waitForFunction(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load()?.secondEngine !== 'starting');
    const load = await page.evaluate(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load()!);
    expect(load.secondEngine).toBe('answering');
    expect(load.engines).toBe(2);
    const sql = "SELECT origin_district, count(*) AS n FROM cases WHERE sex = 'F' GROUP BY ALL ORDER BY ALL";
    const [first, second] = JSON.parse(
      await page.evaluate((s) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.rows(s), sql),
    ) as { n: number }[][];
    expect(first.length).toBeGreaterThan(40);
    expect(second).toEqual(first);
    // A filter change's queries, answered by both engines, show what the Parquet alone shows.
    const hash = '#/districts?sex=F&age=15-17';
    await page.evaluate((h) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.change(h), hash);
    const fromParquet = await demoFromParquet(hash);
    expect(await reported(page)).toBe(await reported(fromParquet));
    expect(await page.locator('[data-testid=leaderboard] tbody').innerText()).toBe(
      await fromParquet.locator('[data-testid=leaderboard] tbody').innerText(),
    );
    await page.close();
    await fromParquet.close();
  });

  it('falls back to the Parquet when the engine file is damaged', async () => {
    const page = await demoWithEngineFile(engineFile.subarray(0, 4096));
    expect(await status(page)).toBe('ready');
    expect(await source(page)).toBe('parquet');
    expect((await page.evaluate(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load()))?.engines).toBe(1);
    expect(await reported(page)).toBe('34,596');
    await page.close();
  });

  it('stops the Parquet download it fell back to when another snapshot is opened meanwhile', async () => {
    const page = await pageWithEngineFile(engineFile.subarray(0, 4096));
    let parquetRequested!: () => void;
    const requested = new Promise<void>((resolve) => (parquetRequested = resolve));
    // Held unanswered: the fallback's download is still running when the next open starts.
    await page.route('**/data/snapshots/demo/cases.parquet', () => parquetRequested());
    const failed = new Promise<string>((resolve) =>
      page.on('requestfailed', (request) => request.url().endsWith('/cases.parquet') && resolve(request.failure()?.errorText ?? '')),
    );
    await page.goto(`${harness.origin}/?bench#/districts`);
    await requested;
    await page.evaluate(() => (location.hash = '#/districts?snapshot=no-such-snapshot'));
    expect(await failed).toBe('net::ERR_ABORTED');
    await page.close();
  });
});
