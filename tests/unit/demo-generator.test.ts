import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoCases } from '../../src/cli/generate-demo';
import { townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { DISTRICT_BY_ID } from '../../src/geo/mp-districts';

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
    const withinYear = share((c) => c.recovered_date !== null
      && Date.parse(c.recovered_date) - Date.parse(c.missing_date) <= 365 * 86_400_000, old);
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
});
