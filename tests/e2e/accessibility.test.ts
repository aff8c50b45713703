import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitReady, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const VIEWS = ['corridors', 'districts', 'recovery', 'planner', 'summary', 'briefing', 'data'] as const;

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'hi'] as const) {
    for (const view of VIEWS) {
      it(`#/${view} in ${lang === 'en' ? 'English' : 'Hindi'} has no violation of any impact`, async () => {
        // axe needs a page of its own browser context.
        const context = await harness.browser.newContext({ viewport: { width: 1600, height: 1000 } });
        const page = await context.newPage();
        await page.goto(`${harness.origin}/#/${view}${lang === 'hi' ? '?lang=hi' : ''}`);
        await waitReady(page);
        // The map canvases are pictures; what they show is in the lists and tables beside them.
        const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
        console.log(`axe #/${view} ${lang}: ${results.violations.length} violations, ${results.passes.length} rules passed`);
        expect(
          results.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          ),
        ).toEqual([]);
        await context.close();
      });
    }
  }

  it('reaches a district with the keyboard alone, shows where the focus is, and filters with Enter', async () => {
    const page = await harness.open('#/districts');
    let onRow = false;
    for (let i = 0; i < 80 && !onRow; i++) {
      await page.keyboard.press('Tab');
      onRow = await page.evaluate(() => document.activeElement?.matches('tr[data-district]') ?? false);
    }
    expect(onRow).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const district = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.district);
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => decodeURIComponent(location.hash).includes(`district=${d}`), district);
    await page.close();
  });
});
