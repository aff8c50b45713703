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

describe('planner', () => {
  it('reaches ready with the likely places, a team plan, and the back-test beside its baseline', async () => {
    const started = Date.now();
    const page = await harness.open('#/planner');
    console.log(`planner: page open to ready in ${Date.now() - started} ms`);
    expect(await page.getByTestId('planner-what').innerText()).toMatch(/^For the [\d,]+ children still missing/);
    expect(await page.getByTestId('planner-synthetic').innerText()).toContain('synthetic');
    await expect(page.getByTestId('team-table').locator('tbody tr').count()).resolves.toBe(5);
    const line = await page.getByTestId('backtest-line').innerText();
    expect(line).toMatch(/^Of the [\d,]+ children pending on 30 Nov 2024 and found since, [\d.]+% .* \(baseline [\d.]+%\)\.$/);
    console.log(`planner back-test: ${line}`);
    console.log(`planner back-test table: ${(await page.getByTestId('backtest-table').innerText()).replace(/\s+/g, ' ')}`);
    expect(Number(await page.getByTestId('team-map').getAttribute('data-bases'))).toBe(5);
    await page.screenshot({ path: `${SCREENSHOTS}/planner.png`, fullPage: true });
    await page.close();
  });

  it('changes the number of teams in the table and the link', async () => {
    const page = await harness.open('#/planner');
    await page.getByTestId('planner-teams').fill('3');
    await settle(page);
    expect(hashOf(page)).toBe('#/planner?teams=3');
    await expect(page.getByTestId('team-table').locator('tbody tr').count()).resolves.toBe(3);
    const linked = await harness.open('#/planner?teams=6&radius=75');
    await expect(linked.getByTestId('team-table').locator('tbody tr').count()).resolves.toBe(6);
    expect(await linked.getByTestId('planner-radius').inputValue()).toBe('75');
    await linked.close();
    await page.close();
  });

  it('filters every view from a matrix cell, and the corridor map follows', async () => {
    const page = await harness.open('#/planner');
    await page.locator('[data-cell="indore|IN-GJ"] button').click();
    await settle(page);
    expect(hashOf(page)).toBe('#/planner?district=indore&state=IN-GJ');
    await page.getByTestId('nav-corridors').click();
    await settle(page);
    const details = await page.getByTestId('top-corridors').locator('.detail').allInnerTexts();
    const routes = await page.getByTestId('top-corridors').locator('.route').allInnerTexts();
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route).toMatch(/^Indore →/);
    for (const detail of details) expect(detail).toMatch(/^Gujarat/);
    await page.close();
  });

  it('downloads a team packet: pending cases of the filtered district, most likely first, no names', async () => {
    const page = await harness.open('#/planner?district=khargone');
    const stillMissing = Number((await page.getByTestId('kpi-stillMissing').locator('.kpi-value').innerText()).replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('packet-1').click()]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Case ID,Origin district,Police station,Missing date,Days missing,Age band,Sex,Probability of being in the area');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(stillMissing);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    for (const r of rows) expect(r[1]).toBe('Khargone');
    const probabilities = rows.map((r) => Number(r[r.length - 1].replace('%', '')));
    expect(probabilities.every((p) => p >= 1)).toBe(true);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    console.log(`team packet 1 for Khargone: ${rows.length} of ${stillMissing} pending cases`);
    await page.close();
  });

  it('has no English left in the Hindi planner', async () => {
    const page = await harness.open('#/planner?lang=hi');
    const labels = await page
      .locator('.planner')
      .locator('h2, h3, th, label, .note, .notice, .headline, button:not(.link):not(.corridor-item)')
      .allInnerTexts();
    const english = labels.map((text) => text.replace(/\b(CSV|AHTU|q)\b/g, '')).filter((text) => /[A-Za-z]{3,}/.test(text));
    expect(english).toEqual([]);
    await page.close();
  });
});
