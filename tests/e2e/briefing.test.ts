import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startHarness, waitReady, type Harness } from './browser';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const DEFAULT_SLIDES = ['headline', 'summary', 'corridors', 'emerging', 'leaderboard', 'survival', 'likely'];

async function present(hash: string, viewport = { width: 1920, height: 1080 }, briefing?: unknown): Promise<Page> {
  const page = await harness.browser.newPage({ viewport });
  if (briefing) {
    await page.addInitScript((text) => window.localStorage.setItem('muskaan-atlas.briefing', text), JSON.stringify(briefing));
  }
  await page.goto(`${harness.origin}/${hash}`);
  await waitReady(page);
  return page;
}

/** Presses a key and waits until slide `n` is shown and ready; returns the milliseconds it took. */
async function step(page: Page, key: string, n: number): Promise<number> {
  const start = Date.now();
  await page.keyboard.press(key);
  await page.waitForSelector(`[data-testid=slide][data-slide="${n}"]`);
  await page.waitForTimeout(30);
  await waitReady(page);
  return Date.now() - start;
}

/** A month shown or a readiness written by a playback slide, at the page's clock. */
type PlaybackEvent = { at: number; month?: string; status?: string };

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('briefing mode', () => {
  it('steps through the default "Monthly review" with the keyboard, every slide ready, in both languages and two screen sizes', async () => {
    for (const lang of ['en', 'hi'] as const) {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1024, height: 768 },
      ]) {
        const page = await present(`#/briefing/1${lang === 'hi' ? '?lang=hi' : ''}`, viewport);
        const times: number[] = [];
        for (let n = 1; n <= DEFAULT_SLIDES.length; n++) {
          if (n > 1) times.push(await step(page, 'ArrowRight', n));
          await expect(page.getByTestId('slide').getAttribute('data-panel')).resolves.toBe(DEFAULT_SLIDES[n - 1]);
          const footer = await page.getByTestId('slide-footer').innerText();
          expect(footer).toContain(lang === 'en' ? `Slide ${n} of ${DEFAULT_SLIDES.length}` : `स्लाइड ${n} / ${DEFAULT_SLIDES.length}`);
          expect(footer).toContain(lang === 'en' ? 'As of 30 Nov 2025' : '30 नव॰ 2025 की स्थिति');
          expect(footer).toContain(lang === 'en' ? 'Synthetic (demo) data' : 'कृत्रिम (डेमो) डेटा');
          expect(footer).toContain('<5');
          await page.screenshot({
            path: `${SCREENSHOTS}/briefing-${lang}-${viewport.width}x${viewport.height}-${n}-${DEFAULT_SLIDES[n - 1]}.png`,
          });
        }
        console.log(`briefing ${lang} ${viewport.width}×${viewport.height}: slide step ms ${times.join(', ')}`);
        if (viewport.width === 1920) {
          // Body type at least 28 px on a 1920 × 1080 projector.
          const size = await page.getByTestId('slide').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(size).toBeGreaterThanOrEqual(28);
        }
        await page.close();
      }
    }
  });

  it('answers PageDown, space, End, PageUp, Home and ←, and leaves on Esc', async () => {
    const page = await present('#/briefing/1');
    const last = DEFAULT_SLIDES.length;
    await step(page, 'PageDown', 2);
    await step(page, ' ', 3);
    await step(page, 'End', last);
    await step(page, 'ArrowRight', last);
    await step(page, 'PageUp', last - 1);
    await step(page, 'Home', 1);
    await step(page, 'ArrowLeft', 1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=slide-list]');
    expect(new URL(page.url()).hash).toBe('#/briefing');
    expect(await page.locator('[data-testid=slide-list] > li').count()).toBe(last);
    await page.close();
  });

  it('shows a filter of three children as "<5" everywhere, with no share', async () => {
    // Three girls of Alirajpur went missing in March 2023, all recovered, two in other states.
    const link = '#/corridors?from=2023-03-01&to=2023-03-31&sex=F&district=alirajpur';
    const slide = (panel: string, id: string) => ({
      id,
      panel,
      link: link.replace('#/corridors', panel === 'leaderboard' ? '#/districts' : '#/corridors'),
      title: { en: panel, hi: panel },
    });
    const briefing = {
      version: 1,
      title: { en: 'Small', hi: 'Small' },
      slides: [slide('headline', 'a'), slide('corridors', 'b'), slide('survival', 'c')],
    };
    const page = await present('#/briefing/1', { width: 1920, height: 1080 }, briefing);
    const kpi = (key: string) => page.getByTestId(`kpi-${key}`).locator('.kpi-value').innerText();
    expect(await kpi('reported')).toBe('<5');
    expect(await kpi('recovered')).toBe('<5');
    for (const share of ['rate', 'within30', 'within120', 'interstate']) expect(await kpi(share)).toBe('–');

    await step(page, 'ArrowRight', 2);
    const corridors = await page.locator('[data-testid=top-corridors] li').allInnerTexts();
    expect(corridors.length).toBeGreaterThan(0);
    for (const text of corridors) {
      expect(text).toContain('<5');
      expect(text).not.toMatch(/\d+ days/);
    }

    await step(page, 'ArrowRight', 3);
    await expect(page.getByTestId('small-groups-note').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('survival-chart').count()).toBe(0);
    await page.close();

    // The leaderboard (a slide shows its first ten rows; the desk with suppression on shows all 55).
    const desk = await harness.open('#/districts?from=2023-03-01&to=2023-03-31&sex=F&suppress=on');
    const cells = await desk.locator('[data-district=alirajpur] td').allInnerTexts();
    expect(cells[2]).toBe('<5');
    expect(cells.join(' ')).not.toMatch(/%/);
    await expect(desk.getByTestId('suppression-notice').isVisible()).resolves.toBe(true);
    await desk.close();
  });

  it('exports the corridor slide as one PNG at 2× and 4×, map, arcs and footer together', async () => {
    const page = await present('#/briefing/3', { width: 1280, height: 720 });
    const box = (await page.getByTestId('slide').boundingBox())!;
    const [width, height] = await page.getByTestId('slide').evaluate((el: HTMLElement) => [el.offsetWidth, el.offsetHeight]);
    const mapBox = (await page.getByTestId('corridor-map').boundingBox())!;
    for (const scale of [2, 4]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-png-${scale}`).click()]);
      const path = (await download.path())!;
      const bytes = readFileSync(path);
      const size = pngSize(bytes);
      expect(size).toEqual({ width: width * scale, height: height * scale });
      // Interstate arc ends (reddish purple) inside the map's area of the picture.
      const arcPixels = await page.evaluate(
        async ({ data, region }) => {
          const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(region.width, region.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, region.width, region.height);
          const pixels = ctx.getImageData(0, 0, region.width, region.height).data;
          let arcs = 0;
          let land = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
            if (Math.abs(r - 204) < 40 && Math.abs(g - 121) < 40 && Math.abs(b - 167) < 40) arcs++;
            if (r + g + b > 30) land++;
          }
          return { arcs, land };
        },
        {
          data: [...bytes],
          region: {
            x: Math.round((mapBox.x - box.x) * scale),
            y: Math.round((mapBox.y - box.y) * scale),
            width: Math.round(mapBox.width * scale),
            height: Math.round(mapBox.height * scale),
          },
        },
      );
      console.log(
        `PNG ${scale}×: ${size.width}×${size.height}, ${bytes.length} bytes; map region: ${arcPixels.arcs} arc pixels, ${arcPixels.land} non-black`,
      );
      expect(arcPixels.arcs).toBeGreaterThan(200 * scale * scale);
      expect(arcPixels.land).toBeGreaterThan(0.3 * mapBox.width * mapBox.height * scale * scale);
    }
    await page.close();
  });

  it('exports the whole briefing as a PDF of one page a slide', async () => {
    const page = await present('#/briefing/2', { width: 1280, height: 720 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-pdf').click()]);
    const path = (await download.path())!;
    const pdf = readFileSync(path).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    console.log(`PDF: ${pages.length} pages, ${statSync(path).size} bytes`);
    expect(pages.length).toBe(DEFAULT_SLIDES.length);
    // The presenter is back on the slide it was on.
    await expect(page.getByTestId('slide').getAttribute('data-slide')).resolves.toBe('2');
    await page.close();
  }, 240_000);

  it('has no accessibility violation of any impact on any slide in either language, and its text meets 7:1 contrast', async () => {
    for (const lang of ['en', 'hi'] as const) {
      // axe needs a page of its own browser context.
      const context = await harness.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.goto(`${harness.origin}/#/briefing/1${lang === 'hi' ? '?lang=hi' : ''}`);
      await waitReady(page);
      for (let n = 1; n <= DEFAULT_SLIDES.length; n++) {
        if (n > 1) await step(page, 'ArrowRight', n);
        const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
        console.log(`axe slide ${n} ${lang}: ${results.violations.length} violations, ${results.passes.length} rules passed`);
        expect(
          results.violations.map(
            (v) => `slide ${n} ${lang}: ${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
          ),
        ).toEqual([]);
        const contrast = await new AxeBuilder({ page }).include('[data-testid=slide]').withRules(['color-contrast-enhanced']).analyze();
        expect(contrast.violations.flatMap((v) => v.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`))).toEqual([]);
      }
      await context.close();
    }
  }, 240_000);
});

describe('presenting', () => {
  it('plays a month range as an animated corridor slide, and switches language without leaving the slide', async () => {
    const briefing = {
      version: 1,
      title: { en: 'Playback', hi: 'Playback' },
      slides: [
        { id: 'p', panel: 'playback', link: '#/corridors?from=2025-06-01&to=2025-11-30', title: { en: 'Month by month', hi: 'माहवार' } },
      ],
    };
    const range = ['June 2025', 'July 2025', 'August 2025', 'September 2025', 'October 2025', 'November 2025'];
    const page = await present('#/briefing/1', { width: 1280, height: 720 }, briefing);
    // The slide holds its first month two seconds once drawn: on a slow machine it may have stepped on before this read.
    const first = await page.getByTestId('playback-month').innerText();
    expect(range).toContain(first);
    const next = await page.waitForFunction(
      (shown) => {
        const text = document.querySelector('[data-testid=playback-month]')?.textContent;
        return text !== shown && text;
      },
      first,
      { timeout: 10_000 },
    );
    expect(await next.jsonValue()).toBe(range[(range.indexOf(first) + 1) % range.length]);
    await page.getByTestId('slide-language').click();
    await page.waitForSelector('text=माहवार');
    expect(await page.getByTestId('slide-number').innerText()).toBe('स्लाइड 1 / 1');
    expect(new URL(page.url()).hash).toBe('#/briefing/1?lang=hi');
    await page.close();
  });

  it('holds each month of a playback two seconds from when it is drawn, however long the drawing takes', async () => {
    const briefing = {
      version: 1,
      title: { en: 'Playback', hi: 'Playback' },
      slides: [{ id: 'p', panel: 'playback', link: '#/corridors?from=2025-06-01&to=2025-11-30', title: { en: 'Months', hi: 'माह' } }],
    };
    const page = await present('#/briefing/1', { width: 1280, height: 720 }, briefing);
    // A slow projector PC: each month's answer and redraw take a good part of the two seconds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
    // Every month shown and every readiness written from now on, the ones on screen first.
    await page.evaluate(() => {
      const events: PlaybackEvent[] = [];
      (window as unknown as { playback: PlaybackEvent[] }).playback = events;
      const root = document.getElementById('root')!;
      const record = () => {
        const month = document.querySelector('[data-testid=playback-month]')?.textContent ?? '';
        if (events.findLast((e) => e.month !== undefined)?.month !== month) events.push({ at: performance.now(), month });
        const status = root.dataset.status;
        if (events.findLast((e) => e.status !== undefined)?.status !== status) events.push({ at: performance.now(), status });
      };
      record();
      new MutationObserver(record).observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-status'],
      });
    });
    const read = () => page.evaluate(() => (window as unknown as { playback: PlaybackEvent[] }).playback);
    // The month on screen, then three steps: the first two steps' months are measured from drawn to the next step.
    await expect
      .poll(async () => (await read()).filter((e) => e.month !== undefined).length, { timeout: 30_000, interval: 250 })
      .toBeGreaterThanOrEqual(4);
    const events = await read();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const monthSteps = events.filter((e) => e.month !== undefined);
    for (const i of [1, 2]) {
      const [from, to] = [monthSteps[i].at, monthSteps[i + 1].at];
      const between = events.filter((e) => e.status !== undefined && e.at > from && e.at < to);
      expect(between.map((e) => e.status)).toContain('loading');
      const drawn = between.findLast((e) => e.status === 'ready');
      expect(drawn).toBeDefined();
      // Its ready is written just after the clock starts: a few tens of milliseconds' leeway.
      expect(to - drawn!.at).toBeGreaterThanOrEqual(1_900);
    }
    await page.close();
  });
});

describe('keeping a briefing', () => {
  it('adds a view as a slide, and takes a briefing file back only when it is valid', async () => {
    const page = await harness.open('#/districts?sex=F');
    await page.getByTestId('add-to-briefing').click();
    await expect(page.getByTestId('added-to-briefing').innerText()).resolves.toContain(String(DEFAULT_SLIDES.length + 1));
    await page.goto(`${harness.origin}/#/briefing`);
    await waitReady(page);
    const items = page.locator('[data-testid=slide-list] > li');
    expect(await items.count()).toBe(DEFAULT_SLIDES.length + 1);
    await expect(items.last().locator('a').getAttribute('href')).resolves.toBe('#/districts?sex=F');

    await page.getByTestId('briefing-import').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":1,"slides":[{"id":"x","panel":"nowhere"}]}'),
    });
    await expect(page.getByTestId('briefing-message').innerText()).resolves.toMatch(/not imported.*slides\[0\]/);
    expect(await items.count()).toBe(DEFAULT_SLIDES.length + 1);

    const good = {
      version: 1,
      title: { en: 'Two', hi: 'दो' },
      slides: [
        { id: 'a', panel: 'trend', link: '#/recovery', title: { en: 'Trend', hi: 'रुझान' } },
        { id: 'b', panel: 'places', link: '#/recovery', title: { en: 'Places', hi: 'स्थान' } },
      ],
    };
    await page
      .getByTestId('briefing-import')
      .setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=slide-list] > li').length === 2);
    await expect(page.getByTestId('briefing-message').innerText()).resolves.toBe('Briefing imported: 2 slides.');
    await page.close();
  });
});

describe('the monthly summary', () => {
  it('gives the public version in aggregates with small counts suppressed, and the internal one with case lines', async () => {
    const page = await harness.open('#/summary?month=2025-10');
    const summary = page.getByTestId('monthly-summary');
    await expect(summary.getAttribute('data-month')).resolves.toBe('2025-10');
    expect(await summary.locator('h2').innerText()).toBe('Monthly summary — October 2025');
    expect(await page.getByTestId('summary-reported-current').innerText()).toMatch(/^[\d,]+$/);
    expect(await page.getByTestId('summary-cases').count()).toBe(0);
    const routeCounts = await page.locator('[data-testid=summary-routes] tbody tr td:nth-child(3)').allInnerTexts();
    expect(routeCounts).toContain('<5');
    expect(routeCounts.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    await expect(page.getByTestId('suppression-note').isVisible()).resolves.toBe(true);

    await page.getByTestId('summary-edition-select').selectOption('internal');
    await page.waitForSelector('[data-testid=summary-cases]');
    await page.waitForFunction(() => document.getElementById('root')?.dataset.status === 'ready');
    const firstCase = await page.locator('[data-testid=summary-cases] tbody tr').first().locator('td').allInnerTexts();
    expect(firstCase[0]).toMatch(/\S/);
    expect(await page.getByTestId('summary-edition').innerText()).toContain('police use only');
    expect(await page.getByTestId('suppression-note').count()).toBe(0);
    await page.close();
  });
});
