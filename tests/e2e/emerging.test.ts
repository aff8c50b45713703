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
const map = (page: Page) => page.getByTestId('corridor-map');

describe('emerging corridors and a map that reads at a glance', () => {
  it('lists the corridors the demo plants, and an alert click draws it out and filters every view', async () => {
    const page = await harness.open('#/corridors');
    await page.screenshot({ path: `${SCREENSHOTS}/corridors-default.png` });
    const alerts = page.getByTestId('emerging-alerts').locator('.route');
    const routes = await alerts.allInnerTexts();
    expect(routes).toEqual(expect.arrayContaining(['Khargone → Gorakhpur', 'Dhar → Morbi']));
    expect(await page.getByTestId('emerging').innerText()).toMatch(
      /Benjamini–Hochberg at a 10% false-discovery rate over [\d,]+ corridors/,
    );
    await page.getByTestId('emerging-alerts').locator('[data-origin=khargone]').first().click();
    await settle(page);
    expect(hashOf(page)).toBe('#/corridors?district=khargone&state=IN-UP');
    expect(await map(page).getAttribute('data-highlight')).toMatch(/^khargone>Gorakhpur\|/);
    await page.screenshot({ path: `${SCREENSHOTS}/corridors-emerging.png` });
    await page.getByTestId('nav-districts').click();
    await settle(page);
    expect(await page.locator('tr[data-district=khargone]').getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('follows the recent window from the URL', async () => {
    const page = await harness.open('#/corridors?recent=1');
    expect(await page.getByTestId('emerging-months').inputValue()).toBe('1');
    expect(await page.getByTestId('emerging').innerText()).toContain('Recoveries 1 Nov 2025 to 30 Nov 2025');
    await page.close();
  });

  it('opens on interstate corridors, draws at most the chosen number of arcs and says what they carry', async () => {
    const page = await harness.open('#/corridors');
    expect(Number(await map(page).getAttribute('data-arcs'))).toBe(150);
    expect(await page.getByTestId('arcs-drawn').innerText()).toMatch(
      /^Drawing the 150 largest of [\d,]+ corridors, carrying [\d,]+ of [\d,]+ recoveries \([\d.]+%\)/,
    );
    const interstateOnly = await page.getByTestId('top-corridors').locator('.detail').allInnerTexts();
    expect(interstateOnly.some((d) => d.startsWith('Madhya Pradesh'))).toBe(false);
    await page.getByTestId('corridor-arcs').selectOption('50');
    await settle(page);
    expect(Number(await map(page).getAttribute('data-arcs'))).toBe(50);
    await page.getByTestId('corridor-flows').click();
    await settle(page);
    expect(await page.getByTestId('corridor-flows').isChecked()).toBe(true);
    expect(hashOf(page)).toBe('#/corridors?flows=all&arcs=50');
    const withMp = await page.getByTestId('top-corridors').locator('.detail').allInnerTexts();
    expect(withMp.some((d) => d.startsWith('Madhya Pradesh'))).toBe(true);
    await page.close();
  });

  it('moves the map to the presets and keeps the view across filter changes', async () => {
    const page = await harness.open('#/corridors');
    await page.getByTestId('preset-mp').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=corridor-map]')?.getAttribute('data-zoom'));
    const mp = Number(await map(page).getAttribute('data-zoom'));
    await page.getByTestId('preset-india').click();
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=corridor-map]')?.getAttribute('data-zoom')) < z, mp);
    const india = Number(await map(page).getAttribute('data-zoom'));
    expect(mp).toBeGreaterThan(india + 1);
    await page.getByTestId('preset-region').click();
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=corridor-map]')?.getAttribute('data-zoom')) > z, india);
    const region = Number(await map(page).getAttribute('data-zoom'));
    await page.getByTestId('filter-sex-F').click();
    await settle(page);
    expect(Number(await map(page).getAttribute('data-zoom'))).toBe(region);
    await page.close();
  });

  it("keeps the planner's alerts below the fold up with a change in the background, ready once they show it", async () => {
    const page = await harness.open('#/planner');
    const alerts = page.getByTestId('emerging');
    expect(await page.locator('[data-offscreen]', { has: alerts }).count()).toBe(1);
    const everyone = await alerts.innerText();
    await page.getByTestId('filter-sex-M').click();
    await settle(page);
    expect(await page.locator('[data-offscreen]', { has: alerts }).count()).toBe(1);
    const boys = await harness.open('#/planner?sex=M');
    const boysAlerts = await boys.getByTestId('emerging').innerText();
    await boys.close();
    expect(boysAlerts).not.toBe(everyone);
    expect(await alerts.innerText()).toBe(boysAlerts);
    await page.close();
  });

  it('lists the alerts in Hindi', async () => {
    const page = await harness.open('#/corridors?lang=hi');
    const panel = await page.getByTestId('emerging').innerText();
    expect(panel).toContain('उभरते मार्ग');
    expect(panel).toContain('खरगोन → Gorakhpur');
    expect(panel).not.toMatch(/Recoveries|months|corridors/);
    await page.close();
  });
});
