import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, settle, startHarness, status, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}`).locator('.kpi-value').innerText();

/** Drops a file on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, path: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  await page.getByTestId('drop-zone').evaluate(
    (zone, { bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, name: basename(path) },
  );
}

async function setAsOf(page: Page, date: string): Promise<void> {
  await page.getByTestId('import-as-of').fill(date);
}

describe('importing a case register in the browser', () => {
  it('keeps the loaded snapshot and says why when a broken file is dropped', async () => {
    const page = await harness.open('#/data');
    for (const [file, message] of [
      ['tests/fixtures/import/truncated.parquet', /truncated or damaged/],
      ['tests/fixtures/import/missing-columns.csv', /Required columns missing: district, missing_date/],
      ['tests/fixtures/import/binary.bin', /neither Parquet, Excel \(.xlsx\) nor UTF-8 or UTF-16 text|binary data/],
    ] as const) {
      await dropFile(page, file);
      await page.getByTestId('import-error').waitFor();
      expect(await page.getByTestId('import-error').innerText()).toMatch(message);
      await settle(page);
      expect(await status(page)).toBe('ready');
      expect(await kpi(page, 'reported')).toBe('34,596');
    }
    await page.close();
  });

  it('shows the report, then replaces the snapshot only when the user confirms', async () => {
    const page = await harness.open('#/data');
    await setAsOf(page, '2025-11-30');
    await page.getByTestId('import-file').setInputFiles('data/examples/cases-example.csv');
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-input').innerText()).toBe('14');
    expect(await page.getByTestId('import-accepted').innerText()).toBe('8');
    expect(await page.getByTestId('import-rejected').innerText()).toBe('6');
    expect(await page.getByTestId('import-unlocated').innerText()).toContain('Did you mean: Gorakhpur (Gorakhpur, IN-UP)?');
    expect(await kpi(page, 'reported')).toBe('34,596');
    await page.screenshot({ path: `${SCREENSHOTS}/import-report.png`, fullPage: true });

    const [rejects] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
    expect(
      readFileSync((await rejects.path())!, 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(7);

    await page.getByTestId('import-open').click();
    await page.getByTestId('import-opened').waitFor();
    await settle(page);
    expect(await kpi(page, 'reported')).toBe('8');
    expect(await page.getByTestId('import-badge').innerText()).toContain('cases-example.csv');
    await expect(page.getByTestId('synthetic-badge').count()).resolves.toBe(0);
    expect(await page.getByTestId('manifest').innerText()).toContain('cases-example.csv');

    await page.getByTestId('nav-districts').click();
    await settle(page);
    expect(await page.locator('tr[data-district=khargone] td').nth(2).innerText()).toBe('2');
    await page.close();
  });

  it('renders hostile text as text: no script runs, no element is injected', async () => {
    const page = await harness.open('#/data');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await setAsOf(page, '2025-11-30');
    await dropFile(page, 'tests/fixtures/import/hostile.csv');
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-unlocated').innerText()).toContain('<img src=x onerror=alert(1)>');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-opened').waitFor();
    await settle(page);
    expect(await kpi(page, 'reported')).toBe('4');
    await page.getByTestId('nav-corridors').click();
    await settle(page);
    await page.getByTestId('nav-districts').click();
    await settle(page);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('imports the files police export from Excel: a workbook, "Unicode text" and semicolon-separated CSV', async () => {
    for (const file of ['unicode-text.txt', 'semicolon.csv']) {
      const page = await harness.open('#/data');
      await setAsOf(page, '2025-11-30');
      await dropFile(page, `tests/fixtures/import/${file}`);
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-open').innerText(), file).toBe('Open these 5 cases');
      await page.close();
    }
    const page = await harness.open('#/data');
    await setAsOf(page, '2025-11-30');
    await dropFile(page, 'tests/fixtures/import/register.xlsx');
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-open').innerText()).toBe('Open these 5 cases');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-opened').waitFor();
    await settle(page);
    expect(await kpi(page, 'reported')).toBe('5');
    await page.close();
  });

  it('sent no request outside 127.0.0.1', () => {
    expect(harness.outside).toEqual([]);
  });
});
