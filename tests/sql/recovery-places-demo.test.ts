import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { loadCases } from '../../src/data/snapshot';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { RECOVERY_PLACES, recoveryPlaceCountsQuery, survivalCountsQuery } from '../../src/queries/survival';
import { cumulativeIncidence, incidenceAtTimes } from '../../src/stats/cumulative-incidence';
import { kaplanMeier } from '../../src/stats/kaplan-meier';
import { nodeEngine } from '../support/engine';

/** R classified the demo's children from their raw columns and ran survfit (tests/reference/cumulative-incidence.R). */
const reference = JSON.parse(readFileSync('tests/reference/cumulative-incidence.json', 'utf8')) as {
  demo: {
    cases: number;
    times: { time: number; atRisk: number; states: Record<string, { value: number; se: number; lower: number; upper: number }> }[];
  };
};
const manifest = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8')) as {
  asOf: string;
  dateRange: { firstMissing: string };
};
const context = { asOf: manifest.asOf, firstMissing: manifest.dateRange.firstMissing };

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
  await loadCases(engine, readFileSync('data/snapshots/demo/cases.parquet'));
});
afterAll(() => engine.close());

describe('where the demo children were recovered, against R', () => {
  it("gives R's cumulative incidence by place and share still missing at 30, 90, 120 and 365 days", async () => {
    const counts = recoveryPlaceCountsQuery.decode(await engine.query(recoveryPlaceCountsQuery.sql(EMPTY_FILTER, context)));
    const ci = cumulativeIncidence(counts, RECOVERY_PLACES.length);
    expect(ci.n).toBe(reference.demo.cases);
    // All four days at once, as the view's table asks for them.
    const all = incidenceAtTimes(
      ci,
      reference.demo.times.map((t) => t.time),
    );
    for (const [i, expected] of reference.demo.times.entries()) {
      const at = all[i]!;
      expect(at.atRisk).toBe(expected.atRisk);
      const estimates = { missing: at.stillMissing, ...Object.fromEntries(RECOVERY_PLACES.map((p, k) => [p, at.incidence[k]])) };
      for (const [state, value] of Object.entries(expected.states)) {
        const actual = estimates[state as keyof typeof estimates];
        expect(actual.value, `${state} at ${expected.time}`).toBeCloseTo(value.value, 10);
        expect(actual.standardError, `${state} SE at ${expected.time}`).toBeCloseTo(value.se, 10);
        expect(actual.lower, `${state} lower at ${expected.time}`).toBeCloseTo(value.lower, 10);
        expect(actual.upper, `${state} upper at ${expected.time}`).toBeCloseTo(value.upper, 10);
      }
    }
  });

  it("keeps the girls' Kaplan–Meier median whatever outcome filter is set", async () => {
    const median = async (filter: Partial<typeof EMPTY_FILTER>) => {
      const sql = survivalCountsQuery('sex').sql({ ...EMPTY_FILTER, ...filter }, context);
      const rows = survivalCountsQuery('sex')
        .decode(await engine.query(sql))
        .filter((r) => r.group === 'F');
      return kaplanMeier(rows).median;
    };
    const girls = await median({});
    expect(girls).not.toBeNull();
    expect(await median({ status: 'recovered' })).toBe(girls);
    expect(await median({ scope: 'interstate' })).toBe(girls);
    expect(await median({ states: ['IN-GJ'], status: 'recovered' })).toBe(girls);
  });
});
