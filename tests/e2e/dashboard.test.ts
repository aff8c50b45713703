import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CORRIDOR_COLORS } from '../../src/theme';
import { coloredPixels, countColoredPixels, SCREENSHOTS, settle, startHarness, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Destination ends of arcs; origin yellow is left out because origin bubbles share it. */
const ARC_COLORS = [CORRIDOR_COLORS.withinMp, CORRIDOR_COLORS.interstate];
const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`).locator('.kpi-value').innerText();
const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  ts: number;
}

describe('dashboard on the demo snapshot', () => {
  it('opens offline to ready, labelled synthetic, under a same-origin Content-Security-Policy', async () => {
    const started = Date.now();
    const page = await harness.newPage();
    const response = await page.goto(`${harness.origin}/#/corridors`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval' ");
    await settle(page);
    console.log(`demo: page open to ready in ${Date.now() - started} ms`);
    await expect(page.getByTestId('synthetic-badge').innerText()).resolves.toMatch(/Synthetic/);
    expect(await kpi(page, 'reported')).toBe('34,596');
    expect(harness.outside).toEqual([]);
    await page.close();
  });

  it('says ready on opening only once the view first shown has drawn its data, never before', async () => {
    const page = await harness.newPage();
    // Every value `#root[data-status]` takes while the page opens, including one that is written and at once replaced.
    await page.addInitScript(() => {
      const written: string[] = [];
      (window as unknown as { written: string[] }).written = written;
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.getElementById('root')!;
        new MutationObserver((records) => {
          for (const r of records) written.push(`${r.oldValue ?? ''}>`);
          written.push(root.dataset.status ?? '');
        }).observe(root, { attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
      });
    });
    // A link that names its snapshot, as shared links do: opened so, the old page wrote a `ready` the views undid at once.
    await page.goto(`${harness.origin}/#/corridors?snapshot=demo`);
    await settle(page);
    const written = await page.evaluate(() => (window as unknown as { written: string[] }).written);
    // No value was `ready` before the last one: it was never followed by `loading`.
    expect(written.filter((w) => w === 'ready>')).toEqual([]);
    expect(written.at(-1)).toBe('ready');
    const [ready, loaded] = await page.evaluate(() =>
      ['muskaan:ready', 'muskaan:loaded'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
    );
    expect(ready).toBeGreaterThan(loaded);
    await page.close();
  });

  it('says ready only once the maps it drew are on the page: no map canvas is taken in after it', async () => {
    // WebGL draws asynchronously; the browser reads a canvas back into the page (software compositing) at the
    // commit after the frame, waiting for the drawing to finish. The old page said ready in the frame itself.
    for (const hash of ['#/corridors', '#/planner']) {
      const page = await harness.newPage();
      await harness.browser.startTracing(page, { categories: ['gpu', 'blink.user_timing'] });
      await page.goto(`${harness.origin}/${hash}`);
      await settle(page);
      await page.waitForTimeout(2_000);
      const events = (JSON.parse((await harness.browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      const ready = events.filter((e) => e.name === 'muskaan:ready').at(-1)!;
      const readBack = events.filter((e) => e.name === 'GLES2::ReadPixels' && e.ph === 'X' && e.pid === ready.pid);
      const afterReady = readBack.filter((e) => e.ts >= ready.ts).map((e) => `${Math.round((e.ts - ready.ts) / 1000)} ms after`);
      console.log(`${hash}: ${readBack.length} map canvases read back into the page, after ready: ${afterReady.join(', ') || 'none'}`);
      expect(readBack.length).toBeGreaterThan(0);
      expect(afterReady).toEqual([]);
      await page.close();
    }
  });

  it('draws corridor arcs on the map, and none when no child was recovered', async () => {
    const page = await harness.open('#/corridors');
    const withArcs = await countColoredPixels(page, '[data-testid=corridor-map]', ARC_COLORS);
    await page.screenshot({ path: `${SCREENSHOTS}/corridors.png` });
    await page.getByTestId('filter-status').selectOption('missing');
    await settle(page);
    const withoutArcs = await countColoredPixels(page, '[data-testid=corridor-map]', ARC_COLORS);
    console.log(`arc pixels: ${withArcs} with recoveries, ${withoutArcs} with none`);
    expect(withArcs).toBeGreaterThan(1_000);
    expect(withoutArcs).toBeLessThan(withArcs / 20);
    await expect(page.getByTestId('top-corridors').locator('li').count()).resolves.toBe(0);
    await page.close();
  });

  it('marks a selected district on the corridor map in the same redraw as the corridors for it', async () => {
    const page = await harness.open('#/corridors');
    const before = await page.getByTestId('arcs-drawn').innerText();
    // Every DOM change from here on: the districts the map marks, and the corridors it says it draws.
    await page.evaluate(() => {
      const seen: [string | null, string | null | undefined][] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() =>
        seen.push([
          document.querySelector('[data-testid=corridor-map]')!.getAttribute('data-selected'),
          document.querySelector('[data-testid=arcs-drawn]')?.textContent,
        ]),
      ).observe(document.body, { subtree: true, attributes: true, characterData: true, childList: true });
      window.location.hash = '#/corridors?district=indore';
    });
    await settle(page);
    const after = await page.getByTestId('arcs-drawn').innerText();
    expect(after).not.toBe(before);
    const seen = await page.evaluate(() => (window as unknown as { seen: [string | null, string | null][] }).seen);
    const marked = seen.filter(([selected]) => selected === 'indore');
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.map(([, drawn]) => drawn)).toEqual(marked.map(() => after));
    await page.close();
  });

  it('shows a tooltip with the count and median days when hovering a corridor', async () => {
    const page = await harness.open('#/corridors?arcs=1000');
    const box = (await page.getByTestId('corridor-map').boundingBox())!;
    // Rest the pointer on pixels drawn in an arc's colours (not a ring or a bubble), a spread of them, until
    // one brings up a corridor's tooltip; deck.gl picks on the next frame, which a busy machine delays.
    let onArcs: [number, number][] = [];
    await expect
      .poll(async () => (onArcs = await coloredPixels(page, '[data-testid=corridor-map]', ARC_COLORS, 12)).length)
      .toBeGreaterThan(100);
    const corridorTip = page.getByRole('tooltip').filter({ hasText: '→' });
    let text = '';
    let tries = 0;
    for (; tries < 24 && !text; tries++) {
      const [x, y] = onArcs[Math.floor(((tries + 0.5) * onArcs.length) / 24)];
      await page.mouse.move(box.x + x, box.y + y);
      text = await corridorTip.innerText({ timeout: 1_000 }).catch(() => '');
    }
    console.log(`corridor tooltip after ${tries} of 24 arc pixels: ${JSON.stringify(text)}`);
    expect(text).toMatch(/→/);
    expect(text).toMatch(/Recovered: \d+/);
    expect(text).toMatch(/Median days among those recovered there: \d+ days/);
    await page.close();
  });

  it('lists the 55 districts and filters every view when one is clicked', async () => {
    const page = await harness.open('#/districts');
    await expect(page.locator('[data-testid=leaderboard] tbody tr').count()).resolves.toBe(55);
    const before = await kpi(page, 'reported');
    await page.locator('tr[data-district=khargone]').click();
    await settle(page);
    expect(hashOf(page)).toContain('district=khargone');
    const after = await kpi(page, 'reported');
    expect(after).not.toBe(before);
    await expect(page.locator('tr[data-district=khargone]').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('[data-testid=leaderboard] tbody tr').count()).resolves.toBe(55);

    await page.getByTestId('nav-corridors').click();
    await settle(page);
    expect(hashOf(page)).toMatch(/^#\/corridors\?.*district=khargone/);
    expect(await kpi(page, 'reported')).toBe(after);
    const routes = await page.getByTestId('top-corridors').locator('.route').allInnerTexts();
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route).toMatch(/^Khargone →/);
    await page.close();
  });

  it('sorts the leaderboard by a clicked column', async () => {
    const page = await harness.open('#/districts');
    await page.getByTestId('sort-name').click();
    const names = await page.locator('[data-testid=leaderboard] tbody tr td:nth-child(2)').allInnerTexts();
    expect(names[0]).toBe('Agar Malwa');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.close();
  });

  it('reproduces the same view from a link with filters, after a reload', async () => {
    const link = '#/districts?from=2024-01-01&to=2024-12-31&sex=F&age=15-17&scope=interstate';
    const page = await harness.open(link);
    const figures = await Promise.all(['reported', 'recovered', 'stillMissing'].map((k) => kpi(page, k)));
    const firstRows = await page.locator('[data-testid=leaderboard] tbody tr').first().innerText();
    await page.reload();
    await settle(page);
    expect(await Promise.all(['reported', 'recovered', 'stillMissing'].map((k) => kpi(page, k)))).toEqual(figures);
    expect(await page.locator('[data-testid=leaderboard] tbody tr').first().innerText()).toBe(firstRows);
    await expect(page.getByTestId('filter-from').inputValue()).resolves.toBe('01/01/2024');
    await expect(page.getByTestId('filter-sex-F').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(figures[0]).not.toBe('34,596');
    await page.close();
  });

  it('switches the headings to Hindi and back', async () => {
    const page = await harness.open('#/corridors');
    expect(await page.locator('main h2').first().innerText()).toMatch(/^Corridors/);
    await page.getByTestId('lang-switch').click();
    await settle(page);
    expect(hashOf(page)).toContain('lang=hi');
    expect(await page.locator('main h2').first().innerText()).toContain('मार्ग');
    expect(await page.getByTestId('nav-districts').innerText()).toBe('जिले');
    expect(await page.getByTestId('synthetic-badge').innerText()).toContain('कृत्रिम (डेमो) डेटा');
    await page.screenshot({ path: `${SCREENSHOTS}/corridors-hi.png` });
    await page.getByTestId('lang-switch').click();
    await settle(page);
    expect(await page.locator('main h2').first().innerText()).toMatch(/^Corridors/);
    await page.close();
  });

  it('shows the monthly trend and the snapshot manifest', async () => {
    const page = await harness.open('#/recovery');
    await expect(page.getByTestId('monthly-trend').locator('path.recharts-curve').count()).resolves.toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/recovery.png` });
    await page.getByTestId('nav-data').click();
    await settle(page);
    const manifest = await page.getByTestId('manifest').innerText();
    expect(manifest).toContain('30 Nov 2025');
    expect(manifest).toContain('34,596');
    await page.screenshot({ path: `${SCREENSHOTS}/data.png` });
    await page.close();
  });

  it('goes back through filter changes with the browser history', async () => {
    const page = await harness.open('#/districts');
    await page.getByTestId('filter-sex-M').click();
    await settle(page);
    const boys = await kpi(page, 'reported');
    await page.goBack();
    await settle(page);
    expect(await kpi(page, 'reported')).toBe('34,596');
    await page.goForward();
    await settle(page);
    expect(await kpi(page, 'reported')).toBe(boys);
    await page.close();
  });

  it('sent no request outside 127.0.0.1 in any test', () => {
    expect(harness.outside).toEqual([]);
  });
});
