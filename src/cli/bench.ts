/**
 * `npm run bench -- --snapshot <name> [--view corridors|districts|recovery|planner|all] [--json <file>]`: builds
 * and serves the app, opens headless Chromium on the snapshot and measures cold open (fetch, then attach the
 * engine file or decode and insert the Parquet), every dashboard query in the browser beside native DuckDB on the
 * same Parquet, and for each view a scripted sequence of filter changes: data time (until every result on screen
 * is decoded), paint time (from there until the screen has drawn it), when the sections off screen have caught up,
 * and, as the reference, native DuckDB
 * (2 threads) running the view's plain queries for the same filter; every plain query's rows in the page are
 * checked against native DuckDB's; last, a second open of the page, as an officer's browser opens it again.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { BenchHook } from '../data/bench-hook';
import type { Manifest } from '../data/manifest';
import { EMPTY_FILTER, type Filter } from '../filters/filter';
import { shiftMonths } from '../filters/dates';
import { DEFAULT_SETTINGS, formatLocation, VIEWS } from '../filters/url';
import { MP_DISTRICTS } from '../geo/mp-districts';
import { corridorDetailQuery, focusKey } from '../queries/corridor-detail';
import { corridorsQuery, corridorTotalsQuery } from '../queries/corridors';
import { districtMonthsQuery, districtsQuery, originCountsQuery } from '../queries/districts';
import { emergingCountsQuery, emergingKey } from '../queries/emerging';
import { overviewQuery } from '../queries/overview';
import {
  destinationMatrixQuery,
  plannerDestinationsQuery,
  plannerOutcomesQuery,
  plannerPendingQuery,
  plannerRecoveredQuery,
  plannerTownsQuery,
} from '../queries/planner';
import { comparableRows, querySql, type QueryContext, type QueryDef } from '../queries/query';
import { createCasesFromParquetSql, createDistrictsSql, duckdbMemorySql } from '../queries/snapshot-tables';
import { recoveryDaysQuery, recoveryPlaceCountsQuery, survivalCountsQuery } from '../queries/survival';
import { reportedMonthsQuery, timelineQuery } from '../queries/timeline';
import { DESK_VIEWS, viewQueries, type DeskView } from '../queries/view-queries';
import { openNativeDuckDB } from './native-duckdb';
// @ts-expect-error plain ESM scripts without type declarations
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';
// @ts-expect-error plain ESM script without type declarations
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
// @ts-expect-error plain ESM scripts without type declarations
import { startServer } from '../../scripts/serve.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string', default: 'demo' },
    json: { type: 'string' },
    repeats: { type: 'string', default: '5' },
    view: { type: 'string', default: 'corridors' },
  },
});
const views: DeskView[] =
  values.view === 'all' ? [...DESK_VIEWS] : [DESK_VIEWS.find((v) => v === values.view && VIEWS.includes(v)) ?? 'corridors'];
const name = values.snapshot!;
const repeats = Math.max(2, Number(values.repeats));
const parquetFile = `data/snapshots/${name}/cases.parquet`;
const manifest = JSON.parse(readFileSync(`data/snapshots/${name}/manifest.json`, 'utf8')) as Manifest;
const context: QueryContext = { asOf: manifest.asOf, firstMissing: manifest.dateRange.firstMissing };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x: number) => Math.round(x * 10) / 10;

/** The queries the dashboard's views run on open, with the default filter. */
const dashboardQueries = (asOf: string): [string, QueryDef<unknown>][] => [
  ['overview', overviewQuery],
  ['corridors (place)', corridorsQuery('place')],
  ['corridors (place, interstate)', corridorsQuery('place', 'interstate')],
  ['corridors (state)', corridorsQuery('state')],
  ['corridor totals', corridorTotalsQuery],
  ['origin counts', originCountsQuery],
  ['districts', districtsQuery('previous')],
  ['district months', districtMonthsQuery],
  ['survival by sex', survivalCountsQuery('sex')],
  ['survival by district', survivalCountsQuery('district')],
  ['survival overall', survivalCountsQuery('none')],
  ['recovery places', recoveryPlaceCountsQuery],
  ['recovery days', recoveryDaysQuery],
  ['timeline', timelineQuery],
  ['reported months', reportedMonthsQuery],
  ['corridor detail (origin)', corridorDetailQuery(focusKey({ kind: 'origin', origin: 'indore' }))],
  ['emerging (town)', emergingCountsQuery(emergingKey('place', 'interstate', 3))],
  ['planner recovered', plannerRecoveredQuery(asOf)],
  ['planner pending', plannerPendingQuery(asOf)],
  ['planner towns', plannerTownsQuery(asOf)],
  ['planner back-test outcomes', plannerOutcomesQuery(shiftMonths(asOf, 12))],
  ['planner destinations', plannerDestinationsQuery('state')],
  ['planner matrix', destinationMatrixQuery],
];

/** Rows in one form for both engines: dates as epoch ms, integers as numbers, reals to 9 significant digits. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** At least 20 distinct filter changes a user makes: dates, brushing, sex, age, districts, states, scope, status. */
function filterSequence(): Filter[] {
  const year = Number(manifest.asOf.slice(0, 4)) - 1;
  const f = (change: Partial<Filter>): Filter => ({ ...EMPTY_FILTER, ...change });
  return [
    f({ sex: ['F'] }),
    f({ sex: ['F'], ageBands: ['15-17'] }),
    f({ sex: ['F'], ageBands: ['15-17'], from: `${year}-01-01`, to: `${year}-12-31` }),
    f({ districts: ['indore'] }),
    f({ districts: ['khargone', 'dhar'] }),
    f({ states: ['IN-GJ'] }),
    f({ scope: 'interstate' }),
    f({ status: 'missing' }),
    f({ from: `${year - 2}-04-01`, to: `${year - 2}-09-30` }),
    f({ from: `${year - 2}-05-01`, to: `${year - 2}-10-31` }),
    f({ from: `${year}-03-01`, to: `${year}-03-31` }),
    f({ from: `${year}-04-01`, to: `${year}-04-30` }),
    f({ from: `${year}-05-01`, to: `${year}-05-31` }),
    f({ sex: ['M'] }),
    f({ ageBands: ['0-5', '6-11'] }),
    f({ districts: ['bhopal'], scope: 'within' }),
    f({ states: ['IN-RJ', 'IN-UP'] }),
    f({ from: `${year - 1}-01-01` }),
    f({ districts: ['jabalpur'], status: 'recovered' }),
    f({ sex: ['T'] }),
    f({ districts: ['sagar'], ageBands: ['12-14'] }),
    f({ from: `${year}-06-01`, to: `${year}-11-30`, sex: ['F'] }),
    f({ states: ['IN-MH'], sex: ['F'] }),
    f({ sex: ['U'] }),
  ];
}

/** A view's changes: data and paint on screen, then the sections off screen caught up (`settled`). */
function summarise(data: number[], ready: number[], settled: number[], nativePlain: number[]) {
  const paint = ready.map((r, i) => r - data[i]);
  const p = (xs: number[], q: number) => Math.round(percentile(xs, q));
  return {
    n: ready.length,
    p50Ms: p(ready, 50),
    p95Ms: p(ready, 95),
    dataP50Ms: p(data, 50),
    dataP95Ms: p(data, 95),
    paintP50Ms: p(paint, 50),
    paintP95Ms: p(paint, 95),
    settledP50Ms: p(settled, 50),
    settledP95Ms: p(settled, 95),
    nativePlainP50Ms: p(nativePlain, 50),
    nativePlainP95Ms: p(nativePlain, 95),
    dataMs: data.map(Math.round),
    paintMs: paint.map(Math.round),
    settledMs: settled.map(Math.round),
    nativePlainMs: nativePlain.map(Math.round),
  };
}

async function heapMB(page: Page, cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  void page;
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

buildIfNeeded();
const server = await startServer({ port: 0 });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// An officer's browser: a profile on disk, whose HTTP cache and compiled code a second open reads (an incognito
// context keeps no compiled WebAssembly). Requests are watched, not intercepted: Playwright turns the HTTP cache off
// while it intercepts. 10M rows need more than the default JS heap.
const profile = mkdtempSync(join(tmpdir(), 'muskaan-bench-'));
const officerBrowser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096'],
  viewport: { width: 1600, height: 1000 },
});
try {
  const page = officerBrowser.pages()[0] ?? (await officerBrowser.newPage());
  const outside: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') outside.push(request.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  const startHash = formatLocation({ view: views[0], filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS, lang: 'en', snapshot: name });
  const started = Date.now();
  await page.goto(`${origin}/?bench${startHash}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('root')?.dataset.status ?? ''), null, {
    timeout: 600_000,
    polling: 50,
  });
  const coldOpenMs = Date.now() - started;
  if ((await page.evaluate(() => document.getElementById('root')?.dataset.status)) === 'error') {
    throw new Error(`the dashboard failed to load: ${await page.locator('[role=alert]').innerText()} ${errors.join('; ')}`);
  }
  const load = (await page.evaluate(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load())) as {
    rows: number;
    source: string;
    attachMs: number;
    engineMs: number;
    fetchMs: number;
    decodeMs: number;
    insertMs: number;
    compressMs: number;
    bytes: number;
    readyAfterEngineMs: number;
    answeredAfterEngineMs: number;
  };
  let peakHeapMB = await heapMB(page, cdp);

  const native = await openNativeDuckDB();
  await native.run('SET threads = 2');
  await native.run(createCasesFromParquetSql(parquetFile));
  await native.run(createDistrictsSql(MP_DISTRICTS));
  // The filter changes are timed once the second engine answers too and the engines have run their warm-up (the
  // time each takes is reported).
  await page.waitForFunction(
    () => {
      const load = (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load();
      return load !== undefined && load.secondEngine !== 'starting' && !load.warming;
    },
    null,
    { timeout: 600_000, polling: 50 },
  );
  const engines = (await page.evaluate(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load()))!;
  // The page's queries as the views send them: from the snapshot's cubes where they can be.
  const pageContext: QueryContext = { ...context, cubes: new Set(engines.cubes) };

  const perView: Record<string, ReturnType<typeof summarise>> = {};
  let checked = 0;
  const mismatches: string[] = [];
  for (const [i, benchView] of views.entries()) {
    if (i > 0) {
      const hash = formatLocation({ view: benchView, filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS, lang: 'en', snapshot: name });
      await page.evaluate((h) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.change(h), hash);
    }
    const data: number[] = [];
    const ready: number[] = [];
    const settled: number[] = [];
    const nativePlain: number[] = [];
    // Native DuckDB runs them plain, over the raw `cases` table (no cubes): its time is the reference for the view's
    // data time, and its rows the check of what the page answers, from the cubes or answers where the page reads them.
    const plain = viewQueries(benchView, context.asOf);
    // Each query's rows as the page sends it (from a cube or a stored answer where it can) on every engine, against
    // native's over the cases; returns native's time.
    const check = async (filter: Filter, hash: string): Promise<number> => {
      let nativeMs = 0;
      for (const q of plain) {
        const t = performance.now();
        const nativeRows = await native.rows(q.sql(filter, context));
        nativeMs += performance.now() - t;
        const perEngine = JSON.parse(
          await page.evaluate(
            (s) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.rows(s),
            querySql(q, filter, pageContext),
          ),
        ) as unknown[][];
        for (const [e, pageRows] of perEngine.entries()) {
          checked++;
          if (
            JSON.stringify(comparableRows(q, canonical(pageRows) as unknown[])) !==
            JSON.stringify(comparableRows(q, canonical(nativeRows) as unknown[]))
          )
            mismatches.push(`${benchView} ${q.name} engine ${e + 1} ${hash}`);
        }
      }
      return nativeMs;
    };
    // The view as it opened, unfiltered, checked once; this pass also keeps native DuckDB's first-query costs out.
    await check(
      EMPTY_FILTER,
      formatLocation({ view: benchView, filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS, lang: 'en', snapshot: name }),
    );
    for (const filter of filterSequence()) {
      const hash = formatLocation({ view: benchView, filter, settings: DEFAULT_SETTINGS, lang: 'en', snapshot: name });
      const change = await page.evaluate((h) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.change(h), hash);
      data.push(change.dataMs);
      ready.push(change.readyMs);
      settled.push(change.settledMs);
      peakHeapMB = Math.max(peakHeapMB, await heapMB(page, cdp));
      nativePlain.push(await check(filter, hash));
    }
    perView[benchView] = summarise(data, ready, settled, nativePlain);
  }
  const queries: { name: string; browserMs: number; nativeMs: number; ratio: number }[] = [];
  for (const [label, query] of dashboardQueries(context.asOf)) {
    const browserTimes = await page.evaluate(
      ([s, n]) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.time(s as string, n as number),
      [query.sql(EMPTY_FILTER, pageContext), repeats] as const,
    );
    const nativeTimes: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      await native.rows(query.sql(EMPTY_FILTER, context));
      nativeTimes.push(performance.now() - t);
    }
    const browserMs = median(browserTimes.slice(1));
    const nativeMs = median(nativeTimes.slice(1));
    queries.push({ name: label, browserMs: round(browserMs), nativeMs: round(nativeMs), ratio: round(browserMs / nativeMs) });
  }
  native.close();
  const duckdbMB =
    (await page.evaluate((s) => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.duckdbBytes(s), duckdbMemorySql())) /
    1024 /
    1024;
  peakHeapMB = Math.max(peakHeapMB, await heapMB(page, cdp));

  // A second open of the page after this session's work, as an officer opens it again: its files in the HTTP cache,
  // and DuckDB's WebAssembly compiled code in the browser's code cache (written once the session's hot code was).
  const reopened = Date.now();
  await page.reload();
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('root')?.dataset.status ?? ''), null, {
    timeout: 600_000,
    polling: 50,
  });
  const warmOpenMs = Date.now() - reopened;
  const warm = (await page.evaluate(() => (window as unknown as { muskaanBench: BenchHook }).muskaanBench.load())) as typeof load;
  peakHeapMB = Math.max(peakHeapMB, await heapMB(page, cdp));
  if (outside.length) throw new Error(`the page asked for files outside 127.0.0.1: ${outside.slice(0, 5).join(', ')}`);

  const result = {
    snapshot: name,
    views,
    rows: load.rows,
    parquetMB: round(statSync(parquetFile).size / 1024 / 1024),
    source: load.source,
    fetchedMB: round(load.bytes / 1024 / 1024),
    coldOpenMs,
    engineMs: Math.round(load.engineMs),
    fetchMs: Math.round(load.fetchMs),
    decodeMs: Math.round(load.decodeMs),
    insertMs: Math.round(load.insertMs),
    compressMs: Math.round(load.compressMs),
    attachMs: Math.round(load.attachMs),
    readyAfterEngineMs: Math.round(load.readyAfterEngineMs),
    answeredAfterEngineMs: Math.round(load.answeredAfterEngineMs),
    warmOpen: {
      openMs: warmOpenMs,
      engineMs: Math.round(warm.engineMs),
      readyAfterEngineMs: Math.round(warm.readyAfterEngineMs),
      answeredAfterEngineMs: Math.round(warm.answeredAfterEngineMs),
    },
    engines: engines.engines,
    cubes: engines.cubes.length,
    secondEngineAfterReadyMs: engines.engines > 1 ? Math.round(engines.secondEngineAfterReadyMs) : null,
    warmAfterReadyMs: Number.isNaN(engines.warmAfterReadyMs) ? null : Math.round(engines.warmAfterReadyMs),
    queries,
    filterChange: { ...perView[views[0]], views: perView },
    check: { compared: checked, mismatches },
    peakHeapMB: Math.round(peakHeapMB),
    duckdbMB: Math.round(duckdbMB),
  };

  console.log(
    `\nSnapshot ${name}: ${load.rows.toLocaleString('en-IN')} cases, ${result.parquetMB} MB Parquet; opened from its ${load.source} (${result.fetchedMB} MB)`,
  );
  console.log(
    `Cold open to ready ${coldOpenMs} ms (engine ${result.engineMs}, fetch ${result.fetchMs}, ` +
      (load.source === 'parquet'
        ? `decode ${result.decodeMs}, insert ${result.insertMs}, compress ${result.compressMs}; `
        : `attach and check ${result.attachMs}; `) +
      `the view's queries answered ${result.answeredAfterEngineMs} and the view drawn ${result.readyAfterEngineMs} ms after the engine started)`,
  );
  console.log(
    `Second open after the session, HTTP and code caches warm: ${warmOpenMs} ms (engine ${result.warmOpen.engineMs}; answered ${result.warmOpen.answeredAfterEngineMs}, drawn ${result.warmOpen.readyAfterEngineMs} ms after the engine started)`,
  );
  console.log(`Cubes in the snapshot: ${result.cubes} (the page's queries read them where the filter allows)`);
  console.log(
    engines.engines > 1
      ? `Second engine answering ${result.secondEngineAfterReadyMs} ms after ready`
      : `One engine (second engine: ${engines.secondEngine})`,
  );
  console.log(
    result.warmAfterReadyMs === null
      ? 'No warm-up (a snapshot without an engine file)'
      : `Engines warmed up ${result.warmAfterReadyMs} ms after ready (the filter changes below are timed from then)`,
  );
  for (const [v, f] of Object.entries(perView)) {
    console.log(
      `Filter change #/${v} (${f.n} changes): data p50 ${f.dataP50Ms} / p95 ${f.dataP95Ms} ms, paint p50 ${f.paintP50Ms} / p95 ${f.paintP95Ms} ms, ` +
        `data + paint p50 ${f.p50Ms} / p95 ${f.p95Ms} ms, the sections off screen caught up p50 ${f.settledP50Ms} / p95 ${f.settledP95Ms} ms; ` +
        `native plain queries p50 ${f.nativePlainP50Ms} / p95 ${f.nativePlainP95Ms} ms`,
    );
  }
  console.log(
    `Check: ${checked} query results compared with native DuckDB, ${mismatches.length} differ${mismatches.length ? `: ${mismatches.slice(0, 5).join('; ')}` : ''}`,
  );
  console.log(`Memory: JS heap peak ${result.peakHeapMB} MB, DuckDB ${result.duckdbMB} MB\n`);
  console.log('query                          browser ms   native ms   ratio');
  for (const q of queries) {
    console.log(
      `${q.name.padEnd(30)} ${String(q.browserMs).padStart(10)} ${String(q.nativeMs).padStart(11)} ${String(q.ratio).padStart(7)}`,
    );
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await officerBrowser.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();
}
