import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startHarness, status, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('a page that cannot be stuck', () => {
  it('keeps a WebGL failure inside the map view, with a message and a retry, while other views work', async () => {
    const page = await harness.newPage();
    // A browser without WebGL: MapLibre cannot create its context.
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return type.startsWith('webgl') ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${harness.origin}/#/corridors`);
    await page.getByTestId('view-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('view-error').innerText()).toContain('This view stopped working');
    await expect(page.getByTestId('view-retry').count()).resolves.toBe(1);
    await page.getByTestId('nav-districts').click();
    await settle(page);
    expect(await status(page)).toBe('ready');
    await expect(page.locator('[data-testid=leaderboard] tbody tr').count()).resolves.toBe(55);
    await page.close();
  });

  it('shows the newest of several quick snapshot opens, never a stale one', async () => {
    const page = await harness.open('#/districts');
    await page.evaluate(() => {
      location.hash = '#/districts?snapshot=no-such-snapshot';
      location.hash = '#/districts?snapshot=demo&sex=F';
    });
    await page.waitForTimeout(300);
    await settle(page);
    expect(await status(page)).toBe('ready');
    expect(await page.getByTestId('kpi-reported').locator('.kpi-value').innerText()).not.toBe('34,596');
    await page.close();
  });

  it('says why a snapshot could not be opened, and a link to another opens it', async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.origin}/#/districts?snapshot=no-such-snapshot`);
    await page.getByTestId('load-error').waitFor();
    expect(await page.getByTestId('load-error').innerText()).toContain('There is no snapshot called "no-such-snapshot"');
    await page.evaluate(() => {
      location.hash = '#/districts';
    });
    await settle(page);
    expect(await status(page)).toBe('ready');
    await page.close();
  });

  it('retries a database engine that failed to start, from the error message', async () => {
    const page = await harness.newPage();
    let blocked = 0;
    // The first engine start cannot fetch its WebAssembly module; the retry can.
    await page.route(/duckdb-(eh|mvp)-[^/]*\.wasm/, (route) => (blocked++ === 0 ? route.abort() : route.continue()));
    await page.goto(`${harness.origin}/#/districts`);
    await page.getByTestId('load-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('load-error').innerText()).toMatch(/The database engine (failed to start|did not start within 30 s)/);
    await page.getByTestId('load-retry').click();
    await settle(page);
    expect(await status(page)).toBe('ready');
    await expect(page.locator('[data-testid=leaderboard] tbody tr').count()).resolves.toBe(55);
    await page.close();
  });

  it('says the engine is still starting when the snapshot has downloaded first, not a finished download', async () => {
    const page = await harness.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The engine's WebAssembly arrives only once the test has read the panel.
    await page.route(/duckdb-(eh|mvp)-[^/]*\.wasm/, async (route) => {
      await held;
      await route.continue();
    });
    const downloaded = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/cases.duckdb'));
    await page.goto(`${harness.origin}/#/districts`);
    await downloaded;
    const panel = page.locator('.status-panel[role=status]');
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toBe('Starting the database engine…');
    release();
    await settle(page);
    expect(await status(page)).toBe('ready');
    await page.close();
  });
});
