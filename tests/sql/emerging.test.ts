import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCases, GROWING_CORRIDORS } from '../../src/cli/generate-demo';
import type { Engine } from '../../src/data/engine';
import { loadCases } from '../../src/data/snapshot';
import { casesToParquet } from '../../src/import/snapshot-writer';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { BASELINE_MONTHS, EMERGING_LEVELS, emergingCountsQuery, emergingKey, emergingWindows } from '../../src/queries/emerging';
import { emergingCorridors } from '../../src/stats/emerging';
import { engineWith, nodeEngine } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

const filter = (change: Partial<Filter> = {}): Filter => ({ ...EMPTY_FILTER, ...change });

describe('emerging-corridor windows', () => {
  it('ends on the as-of date, in whole calendar months when it is a month end', () => {
    expect(emergingWindows(filter(), { asOf: '2025-11-30', firstMissing: '2022-12-01' }, 3)).toEqual({
      recent: { from: '2025-09-01', to: '2025-11-30' },
      baseline: { from: '2024-09-01', to: '2025-08-31' },
    });
  });

  it('keeps months of the same day when the as-of date falls mid-month', () => {
    expect(emergingWindows(filter(), { asOf: '2025-11-15', firstMissing: '2022-12-01' }, 3)).toEqual({
      recent: { from: '2025-08-16', to: '2025-11-15' },
      baseline: { from: '2024-08-16', to: '2025-08-15' },
    });
  });

  it("follows the date filter's end, never past the as-of date", () => {
    const context = { asOf: '2025-11-30', firstMissing: '2022-12-01' };
    expect(emergingWindows(filter({ to: '2025-06-30' }), context, 1).recent).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(emergingWindows(filter({ to: '2026-06-30' }), context, 1).recent).toEqual({ from: '2025-11-01', to: '2025-11-30' });
  });
});

describe('emerging-corridor counts on the hand-checked cases', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWith(FIXTURE_CASES);
  });
  afterAll(() => engine.close());

  const run = async (asOf: string, level: 'state' | 'place', flows: 'interstate' | 'all', f: Partial<Filter> = {}) => {
    const query = emergingCountsQuery(emergingKey(level, flows, 3));
    return query.decode(await engine.query(query.sql(filter(f), { asOf, firstMissing: '2024-12-20' })));
  };

  it('counts drawn recoveries by recovery date in the recent three months and the twelve before', async () => {
    // As of 31 August: recent = June–August (s1 on 15 Aug); baseline = June 2024–May 2025 (k1, k2, t1).
    const rows = await run('2025-08-31', 'state', 'interstate');
    expect(rows.map((r) => [r.origin, r.target, r.recent, r.baseline])).toEqual([
      ['shivpuri', 'IN-GJ', 1, 0],
      ['katni', 'IN-RJ', 0, 1],
      ['khargone', 'IN-UP', 0, 2],
    ]);
  });

  it('moves the window with a mid-month as-of date: a recovery one day after it is left out', async () => {
    // As of 14 August: recent = 15 May–14 August, so s1 (15 August) is not yet counted; t2 (5 May) is baseline.
    const rows = await run('2025-08-14', 'place', 'all');
    expect(rows.map((r) => [r.origin, r.place, r.recent, r.baseline])).toEqual([
      ['bhopal', 'Indore', 0, 1],
      ['katni', 'Jabalpur', 0, 1],
      ['katni', 'Kota', 0, 1],
      ['khargone', 'Gorakhpur', 0, 2],
    ]);
  });

  it('ignores the date filter on missing dates except for where the window ends', async () => {
    expect(await run('2025-11-30', 'state', 'interstate', { from: '2025-07-01', to: '2025-08-31' })).toEqual(
      await run('2025-08-31', 'state', 'interstate'),
    );
  });
});

const towns = townsFromFile(JSON.parse(readFileSync('src/geo/data/towns.json', 'utf8')) as TownFile);

async function alertsOn(engine: Engine, asOf: string, firstMissing: string) {
  return Promise.all(
    EMERGING_LEVELS.map(async (level) => {
      const query = emergingCountsQuery(emergingKey(level, 'interstate', 3));
      const rows = query.decode(await engine.query(query.sql(EMPTY_FILTER, { asOf, firstMissing })));
      return { level, ...emergingCorridors(rows, 3, BASELINE_MONTHS) };
    }),
  );
}

describe('emerging corridors on generated snapshots', () => {
  it('finds every corridor the demo generator plants', async () => {
    const engine = await nodeEngine();
    await loadCases(engine, readFileSync('data/snapshots/demo/cases.parquet'));
    const manifest = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
    const [, towns] = await alertsOn(engine, manifest.asOf, manifest.dateRange.firstMissing);
    for (const { origin, destination } of GROWING_CORRIDORS) {
      const alert = towns.alerts.find((a) => a.origin === origin && a.place === destination);
      const fresh = towns.fresh.find((a) => a.origin === origin && a.place === destination);
      console.log(
        `planted ${origin} → ${destination}: ${alert ? `q = ${alert.qValue.toExponential(2)}, ${alert.recent} vs ${alert.baseline}` : fresh ? `new, ${fresh.recent}` : 'missed'}`,
      );
      expect(alert ?? fresh, `${origin} → ${destination}`).toBeDefined();
    }
    console.log(`demo: ${towns.tested} town corridors tested, ${towns.alerts.length} alerts, ${towns.fresh.length} new`);
    await engine.close();
  }, 60_000);

  it('raises a false alert in about the nominal share of trend-free snapshots, or fewer', async () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    let runsWithAlert = 0;
    for (const seed of seeds) {
      const cases = generateDemoCases({ seed, asOf: '2025-11-30', years: 1.5, towns, trend: false });
      const engine = await nodeEngine();
      await loadCases(engine, await casesToParquet(engine, cases, 8192));
      const levels = await alertsOn(engine, '2025-11-30', cases[0].missing_date);
      if (levels.some((l) => l.alerts.length > 0)) runsWithAlert++;
      await engine.close();
    }
    console.log(`trend-free: ${runsWithAlert} of ${seeds.length} snapshots had any alert (nominal false-discovery rate 10%)`);
    // Under no change at all BH keeps P(any alert) at 10%; 4 or more of 10 would happen by chance about 1% of the time.
    expect(runsWithAlert).toBeLessThanOrEqual(3);
  }, 120_000);
});
