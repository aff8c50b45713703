import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROWING_CORRIDORS, generateDemoCases } from '../../src/cli/generate-demo';
import { townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { DISTRICT_BY_ID } from '../../src/geo/mp-districts';
import { kaplanMeier, type SurvivalCount } from '../../src/stats/kaplan-meier';

const towns = townsFromFile(JSON.parse(readFileSync('src/geo/data/towns.json', 'utf8')) as TownFile);
const options = { seed: 7, asOf: '2025-11-30', years: 3, towns };
const cases = generateDemoCases(options);
const share = (predicate: (c: (typeof cases)[number]) => boolean, of = cases) => of.filter(predicate).length / of.length;

describe('demo generator', () => {
  it('is deterministic for a seed', () => {
    expect(generateDemoCases({ ...options, rows: 500 })).toEqual(generateDemoCases({ ...options, rows: 500 }));
    expect(generateDemoCases({ ...options, rows: 500, seed: 8 })).not.toEqual(generateDemoCases({ ...options, rows: 500 }));
  });

  it('runs at MP scale over three years, sorted by missing date, ending at the as-of date', () => {
    expect(cases.length).toBeGreaterThan(33_000);
    expect(cases.length).toBeLessThan(36_000);
    expect(cases.every((c, i) => i === 0 || cases[i - 1].missing_date <= c.missing_date)).toBe(true);
    expect(cases.every((c) => c.missing_date <= '2025-11-30' && (c.recovered_date ?? '') <= '2025-11-30')).toBe(true);
    expect(new Set(cases.map((c) => c.origin_district)).size).toBe(55);
    expect(cases.every((c) => DISTRICT_BY_ID.has(c.origin_district))).toBe(true);
  });

  it('matches the published mix: ~75% girls, mostly 15–17', () => {
    expect(share((c) => c.sex === 'F')).toBeCloseTo(0.75, 1);
    expect(share((c) => (c.age_years ?? 0) >= 15)).toBeGreaterThan(0.5);
  });

  it('recovers about 70% within a year and about 80% of them inside MP', () => {
    const old = cases.filter((c) => c.missing_date <= '2024-11-30');
    const withinYear = share(
      (c) => c.recovered_date !== null && Date.parse(c.recovered_date) - Date.parse(c.missing_date) <= 365 * 86_400_000,
      old,
    );
    expect(withinYear).toBeGreaterThan(0.65);
    expect(withinYear).toBeLessThan(0.78);
    const recovered = cases.filter((c) => c.recovered_date !== null);
    expect(share((c) => c.recovery_state === 'IN-MP', recovered)).toBeGreaterThan(0.75);
    expect(share((c) => c.recovery_state === 'IN-MP', recovered)).toBeLessThan(0.87);
  });

  it('sends interstate recoveries to the real destinations, located at their towns', () => {
    const places = new Set(cases.filter((c) => c.recovery_state && c.recovery_state !== 'IN-MP').map((c) => c.recovery_place));
    for (const place of ['Surat', 'Kota', 'Gorakhpur', 'Mumbai', 'Delhi', 'Alwar', 'Bhilwara']) expect(places).toContain(place);
  });

  const days = (c: (typeof cases)[number]) => (Date.parse(c.recovered_date ?? '2025-11-30') - Date.parse(c.missing_date)) / 86_400_000;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const kmMedian = (of: typeof cases) =>
    kaplanMeier(
      of.map((c): SurvivalCount => ({
        time: days(c),
        events: c.recovered_date ? 1 : 0,
        censored: c.recovered_date ? 0 : 1,
      })),
    ).median!;
  const recovered = cases.filter((c) => c.recovered_date !== null);

  it('recovers children found in another state later than those found in their home district', () => {
    const home = recovered.filter((c) => c.recovery_state === 'IN-MP' && c.recovery_district === c.origin_district);
    const interstate = recovered.filter((c) => c.recovery_state !== 'IN-MP');
    expect(median(interstate.map(days))).toBeGreaterThan(3 * median(home.map(days)));
  });

  it('finds children missing longer more often out of state', () => {
    const outOfState = (lo: number, hi: number) =>
      share(
        (c) => c.recovery_state !== 'IN-MP',
        recovered.filter((c) => days(c) >= lo && days(c) < hi),
      );
    expect(outOfState(0, 8)).toBeLessThan(outOfState(60, 365));
    expect(outOfState(60, 365)).toBeLessThan(outOfState(365, 10_000));
  });

  it('recovers girls of 15–17 more slowly than children under 6 (Kaplan–Meier medians)', () => {
    const olderGirls = kmMedian(cases.filter((c) => c.sex === 'F' && (c.age_years ?? 0) >= 15));
    const young = kmMedian(cases.filter((c) => c.age_years !== null && c.age_years <= 5));
    expect(olderGirls).toBeGreaterThan(2 * young);
  });

  it('has cities report more than their share of people, as Indore (~8%) and Bhopal (~6%) do', () => {
    expect(share((c) => c.origin_district === 'indore')).toBeGreaterThan(0.07);
    expect(share((c) => c.origin_district === 'indore')).toBeLessThan(0.09);
    expect(share((c) => c.origin_district === 'bhopal')).toBeGreaterThan(0.05);
    expect(share((c) => c.origin_district === 'bhopal')).toBeLessThan(0.07);
  });

  it('sends children to destinations in at least 22 other states, with a mix that depends on the origin district', () => {
    const interstate = recovered.filter((c) => c.recovery_state !== 'IN-MP');
    expect(new Set(interstate.map((c) => c.recovery_state)).size).toBeGreaterThanOrEqual(22);
    const topState = (district: string) => {
      const tally = new Map<string, number>();
      for (const c of interstate.filter((x) => x.origin_district === district))
        tally.set(c.recovery_state!, (tally.get(c.recovery_state!) ?? 0) + 1);
      return [...tally].sort((a, b) => b[1] - a[1])[0][0];
    };
    // Border districts lean to their neighbours: Khargone to Maharashtra or Gujarat, Rewa to Uttar Pradesh.
    expect(new Set(['khargone', 'rewa', 'morena', 'balaghat', 'jhabua'].map(topState)).size).toBeGreaterThanOrEqual(3);
  });

  it('plants corridors that grow over the last six months against their previous twelve', () => {
    for (const { origin, destination } of GROWING_CORRIDORS) {
      const on = recovered.filter((c) => c.origin_district === origin && c.recovery_place === destination);
      const recent = on.filter((c) => c.recovered_date! > '2025-05-31').length / 6;
      const before = on.filter((c) => c.recovered_date! > '2024-05-31' && c.recovered_date! <= '2025-05-31').length / 12;
      expect(recent, `${origin} → ${destination}`).toBeGreaterThan(3 * Math.max(before, 0.5));
    }
  });
});
