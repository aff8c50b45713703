import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM script without type declarations
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
// @ts-expect-error plain ESM script without type declarations
import { startServer } from '../../scripts/serve.mjs';

export const SCREENSHOTS = 'screenshots';

export interface Harness {
  browser: Browser;
  server: Server;
  origin: string;
  /** Requests that tried to leave 127.0.0.1 (all aborted). */
  outside: string[];
  /** A page whose requests outside 127.0.0.1 are aborted and recorded. */
  newPage(): Promise<Page>;
  /** A new page at `hash`, once it is ready. */
  open(hash: string): Promise<Page>;
  close(): Promise<void>;
}

/** The production build served on 127.0.0.1 and Debian's Chromium with every outside request aborted. */
export async function startHarness(): Promise<Harness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = (await startServer({ port: 0 })) as Server;
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const outside: string[] = [];
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    return page;
  };
  return {
    browser,
    server,
    origin,
    outside,
    newPage,
    async open(hash) {
      const page = await newPage();
      await page.goto(`${origin}/${hash}`);
      await waitReady(page);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function status(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.getElementById('root')?.dataset.status);
}

/** Waits for `ready`; a page that settles on `error` fails with its message. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = document.getElementById('root')?.dataset.status;
      return s === 'ready' || s === 'error';
    },
    null,
    { timeout: 60_000 },
  );
  if ((await status(page)) === 'error') {
    throw new Error(`dashboard error: ${await page.locator('[role=alert]').innerText()}`);
  }
}

/** After an action that changes the URL: wait for the change to be picked up and the views to settle. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await waitReady(page);
}

/**
 * Where an element shows one of `colors` (RGB, within `tolerance` on every channel): each such pixel's
 * position in CSS pixels from the element's top left.
 */
export async function coloredPixels(page: Page, selector: string, colors: [number, number, number][], tolerance = 40) {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(
    async ({ data, colors, tolerance }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const scale = window.devicePixelRatio;
      const found: [number, number][] = [];
      for (let i = 0; i < pixels.length; i += 4) {
        if (
          colors.some(
            ([r, g, b]) =>
              Math.abs(pixels[i] - r) <= tolerance && Math.abs(pixels[i + 1] - g) <= tolerance && Math.abs(pixels[i + 2] - b) <= tolerance,
          )
        ) {
          const at = i / 4;
          found.push([(at % bitmap.width) / scale, Math.floor(at / bitmap.width) / scale]);
        }
      }
      return found;
    },
    { data: [...png], colors, tolerance },
  );
}

/** How many pixels of an element show one of `colors`. */
export async function countColoredPixels(page: Page, selector: string, colors: [number, number, number][], tolerance = 40) {
  return (await coloredPixels(page, selector, colors, tolerance)).length;
}
