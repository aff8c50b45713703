import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, settle, startHarness, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
const survivalCases = (page: Page, group: string) =>
  page.locator(`[data-testid=survival-table] tr[data-group="${group}"] td:nth-child(2)`).innerText();

describe('linked analysis views', () => {
  it('filters the curves and the map from a leaderboard click, and back restores them', async () => {
    const page = await harness.open('#/recovery');
    const allGirls = await survivalCases(page, 'F');

    await page.getByTestId('nav-districts').click();
    await settle(page);
    await page.locator('tr[data-district=katni]').click();
    await settle(page);
    expect(hashOf(page)).toBe('#/districts?district=katni');

    await page.getByTestId('nav-recovery').click();
    await settle(page);
    const katniGirls = await survivalCases(page, 'F');
    expect(Number(katniGirls.replace(/,/g, ''))).toBeLessThan(Number(allGirls.replace(/,/g, '')) / 10);

    await page.getByTestId('nav-corridors').click();
    await settle(page);
    for (const route of await page.getByTestId('top-corridors').locator('.route').allInnerTexts()) expect(route).toMatch(/^Katni →/);

    await page.goBack();
    await settle(page);
    expect(hashOf(page)).toBe('#/recovery?district=katni');
    await page.goBack();
    await page.goBack();
    await settle(page);
    expect(hashOf(page)).toBe('#/districts');
    await page.goBack();
    await settle(page);
    expect(hashOf(page)).toBe('#/recovery');
    expect(await survivalCases(page, 'F')).toBe(allGirls);
    await page.close();
  });

  it('plays the months one after another', async () => {
    const page = await harness.open('#/corridors');
    await page.getByTestId('play').click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('from=2023-01-01&to=2023-01-31'), null, {
      timeout: 15_000,
    });
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('from=2023-02-01&to=2023-02-28'), null, {
      timeout: 15_000,
    });
    await page.getByTestId('play').click();
    await settle(page);
    expect(await page.getByTestId('timeline-range').innerText()).toMatch(/^(February|March) 2023$/);
    await page.close();
  });

  it('filters every view to a month when its bar on the timeline is clicked, and the brush moves to it', async () => {
    const page = await harness.open('#/corridors');
    const timeline = page.getByTestId('timeline');
    const bars = await timeline.locator('.recharts-bar-rectangle').count();
    const brush = async () => {
      const [whole, slide] = await Promise.all(
        ['.recharts-brush > rect', '.recharts-brush-slide'].map((selector) => timeline.locator(selector).first().boundingBox()),
      );
      return { start: (slide!.x - whole!.x) / whole!.width, width: slide!.width / whole!.width };
    };
    expect((await brush()).width).toBeGreaterThan(0.9);
    await timeline.locator('.recharts-bar-rectangle').nth(12).click();
    await settle(page);
    expect(hashOf(page)).toBe('#/corridors?from=2023-12-01&to=2023-12-31');
    expect(await page.getByTestId('timeline-range').innerText()).toBe('December 2023');
    // The brush follows the change once its answers are in: one month of the bars, the twelfth after the first.
    const moved = await brush();
    expect(moved.width).toBeLessThan(2 / bars);
    expect(moved.start).toBeCloseTo(12 / (bars - 1), 1);
    await page.close();
  });

  it('opens a side panel for a corridor with its count, and filters every view to it on request', async () => {
    const page = await harness.open('#/corridors?scope=interstate');
    const first = page.getByTestId('top-corridors').locator('.corridor-item').first();
    const detail = await first.locator('.detail').innerText();
    const count = detail.split(' · ')[1];
    await first.click();
    await settle(page);
    const panel = page.getByTestId('corridor-panel');
    expect(await panel.getByTestId('panel-cases').innerText()).toBe(count);
    await expect(panel.locator('h3').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Cases by month missing', 'Sex', 'Age', 'Recovered at']),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/corridor-panel.png` });
    await panel.getByTestId('panel-filter').click();
    await settle(page);
    expect(hashOf(page)).toMatch(/district=[a-z-]+&state=IN-[A-Z]{2}/);
    await page.close();
  });

  it('aggregates corridors to states and colours them by median days, with a legend', async () => {
    const page = await harness.open('#/corridors');
    await page.getByTestId('corridor-level').selectOption('state');
    await settle(page);
    await page.getByTestId('corridor-color').selectOption('days');
    await settle(page);
    expect(hashOf(page)).toBe('#/corridors?level=state&color=days');
    const routes = await page.getByTestId('top-corridors').locator('.route').allInnerTexts();
    expect(routes.some((r) => /→ (Gujarat|Rajasthan|Maharashtra|Delhi|Uttar Pradesh)$/.test(r.trim()))).toBe(true);
    expect(await page.getByTestId('legend').innerText()).toContain('Median days');
    await page.close();
  });

  it('splits the Kaplan–Meier curves by age band with medians, intervals and numbers at risk', async () => {
    const page = await harness.open('#/recovery?group=age');
    const rows = page.locator('[data-testid=survival-table] tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    await expect(page.getByTestId('survival-chart').locator('path.recharts-curve').count()).resolves.toBe(4);
    const firstRow = await rows.first().locator('td').allInnerTexts();
    expect(firstRow[0]).toBe('Age 0-5');
    expect(Number(firstRow[3].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(firstRow[4]).toMatch(/^\d+ – (\d+|not reached)$/);
    expect(firstRow[5]).toBe(firstRow[1]);
    await expect(page.getByTestId('days-histogram').locator('.recharts-bar-rectangle').count()).resolves.toBeGreaterThan(5);
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-age.png`, fullPage: true });
    await page.close();
  });

  it('exports the leaderboard as shown, as CSV', async () => {
    const page = await harness.open('#/districts?sex=F');
    await page.getByTestId('sort-name').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-districts').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '#,District,Reported,Change,Rank,Recovered,Recovered so far,Within 30 days,Within 120 days,' +
        'Median days to recovery,Still missing,Missing > 120 days,Recovered outside MP',
    );
    expect(lines).toHaveLength(56);
    expect(lines[1]).toMatch(/^1,Agar Malwa,/);
    await page.close();
  });

  it("keeps the girls' Kaplan–Meier median when an outcome filter is set, and says which filters it leaves out", async () => {
    const median = (page: Page) => page.locator('[data-testid=survival-table] tr[data-group="F"] td.median').innerText();
    const page = await harness.open('#/recovery');
    const girls = await median(page);
    expect(Number(girls)).toBeGreaterThan(0);
    await expect(page.getByTestId('outcome-filters-not-applied').count()).resolves.toBe(0);
    for (const hash of ['#/recovery?status=recovered', '#/recovery?scope=interstate', '#/recovery?state=IN-GJ&status=recovered']) {
      const filtered = await harness.open(hash);
      expect(await median(filtered), hash).toBe(girls);
      const notice = await filtered.getByTestId('outcome-filters-not-applied').first().innerText();
      expect(notice).toMatch(/^Not applied to these estimates: /);
      await filtered.close();
    }
    const interstate = await harness.open('#/recovery?scope=interstate');
    expect(await interstate.getByTestId('outcome-filters-not-applied').first().innerText()).toContain(
      'Recovered within MP / in another state',
    );
    await interstate.close();
    await page.close();
  });

  it('stacks where children were recovered with the share still missing to 100%, with intervals at 30 to 365 days', async () => {
    const page = await harness.open('#/recovery');
    const rows = page.locator('[data-testid=recovery-places-table] tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    for (const day of ['30', '90', '120', '365']) {
      const cells = await page.locator(`[data-testid=recovery-places-table] tr[data-day="${day}"] td[data-place]`).allInnerTexts();
      expect(cells).toHaveLength(4);
      const values = cells.map((c) => Number(/^([\d.]+)%/.exec(c)![1]));
      expect(Math.abs(values.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.3);
      for (const c of cells) expect(c).toMatch(/^[\d.]+% \([\d.]+%–[\d.]+%\)$/);
    }
    await expect(page.getByTestId('recovery-places-chart').locator('.recharts-area').count()).resolves.toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-places.png`, fullPage: true });
    await page.close();
  });

  it('draws a change on screen first and the sections below the fold in the background, ready once they show it too', async () => {
    const page = await harness.open('#/recovery');
    const histogram = page.getByTestId('days-histogram');
    const offscreen = (section: typeof histogram) => page.locator('[data-offscreen]', { has: section }).count();
    const bars = (chart: typeof histogram) =>
      chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
    expect(await offscreen(histogram)).toBe(1);
    expect(await offscreen(page.getByTestId('survival-chart'))).toBe(0);
    const everyone = await bars(histogram);
    await page.getByTestId('filter-sex-F').click();
    await settle(page);
    // Still below the fold, yet `ready` waited for it: it shows what the page opened on girls alone shows.
    expect(await offscreen(histogram)).toBe(1);
    const girls = await harness.open('#/recovery?sex=F');
    const girlsBars = await bars(girls.getByTestId('days-histogram'));
    await girls.close();
    expect(girlsBars).not.toEqual(everyone);
    expect(await bars(histogram)).toEqual(girlsBars);
    // Scrolled into view, the section counts as on screen and follows the next change at once.
    await histogram.scrollIntoViewIfNeeded();
    await expect.poll(() => offscreen(histogram)).toBe(0);
    await page.getByTestId('filter-sex-F').click();
    await settle(page);
    expect(await bars(histogram)).toEqual(everyone);
    await page.close();
  });

  it('ends the curves where the data ends: no numbers at risk past the last day followed', async () => {
    const page = await harness.open('#/recovery?from=2025-09-01');
    const cells = await page.locator('[data-testid=survival-table] tr[data-group="F"] td').allInnerTexts();
    expect(cells.slice(-2)).toEqual(['—', '—']);
    expect(await page.locator('[data-testid=recovery-places-table] tr[data-day="365"] td[data-place]').allInnerTexts()).toEqual([
      '—',
      '—',
      '—',
      '—',
    ]);
    await page.close();
  });

  it('shades the first months, whose recoveries miss children who went missing before the snapshot', async () => {
    const page = await harness.open('#/recovery');
    expect(await page.getByTestId('partial-months').innerText()).toMatch(/^Shaded, December 2022 to \w+ 20\d\d:/);
    await expect(page.getByTestId('monthly-trend').locator('.recharts-reference-area').count()).resolves.toBe(1);
    await page.close();
  });

  it('gives each district the Kaplan–Meier share recovered within 30 and 120 days, sortable, explained on hover', async () => {
    const page = await harness.open('#/districts');
    const indore = page.locator('tr[data-district=indore]');
    expect(await indore.locator('td.within30').innerText()).toMatch(/^\d+\.\d% \([\d,]+\)$/);
    expect(await page.getByTestId('sort-within120').locator('..').getAttribute('title')).toMatch(/Kaplan–Meier/);
    await page.getByTestId('sort-within30').click();
    const shares = (await page.locator('td.within30').allInnerTexts()).map((t) => Number(t.split('%')[0]));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(await page.getByTestId('kpi-within30').innerText()).toMatch(/\d+\.\d%\s+Recovered within 30 days/);
    await page.close();
  });

  it('says above the headline and the leaderboard which filters their Kaplan–Meier figures leave out', async () => {
    const page = await harness.open('#/districts?status=recovered');
    expect(await page.getByTestId('km-filters-not-applied').innerText()).toMatch(/^The Kaplan–Meier figures .* do not apply Status/);
    const unfiltered = await harness.open('#/districts');
    await expect(unfiltered.getByTestId('km-filters-not-applied').count()).resolves.toBe(0);
    await unfiltered.close();
    await page.close();
  });

  it('compares districts with the same period last year on request', async () => {
    const page = await harness.open('#/districts?from=2025-01-01&to=2025-06-30');
    expect(await page.getByTestId('comparison-note').innerText()).toContain('1 Jul 2024 to 31 Dec 2024');
    await page.getByTestId('district-compare').selectOption('year');
    await settle(page);
    expect(hashOf(page)).toBe('#/districts?from=2025-01-01&to=2025-06-30&compare=year');
    expect(await page.getByTestId('comparison-note').innerText()).toContain('1 Jan 2024 to 30 Jun 2024');
    await page.close();
  });

  it('draws corridors to cities that are their own district, and counts every recovered child not drawn', async () => {
    const page = await harness.open('#/corridors?level=district&scope=interstate');
    await expect(page.getByTestId('top-corridors').locator('.route').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/→ (Delhi|Mumbai)/)]),
    );
    const interstate = await harness.open('#/corridors?level=state');
    expect(await interstate.getByTestId('not-drawn').innerText()).toMatch(
      /^Counted but not drawn: [\d,]+ recovered in their home district; [\d,]+ at places not located; [\d,]+ recovered elsewhere in MP(; [\d,]+ on corridors beyond the 150 drawn)?\.$/,
    );
    await interstate.close();
    await page.close();
  });

  it('labels a corridor panel median as one among those recovered there', async () => {
    const page = await harness.open('#/corridors');
    await page.getByTestId('top-corridors').locator('.corridor-item').first().click();
    await settle(page);
    expect(await page.getByTestId('corridor-panel').innerText()).toContain('Median days among those recovered there');
    await page.close();
  });

  it('sent no request outside 127.0.0.1', () => {
    expect(harness.outside).toEqual([]);
  });
});
