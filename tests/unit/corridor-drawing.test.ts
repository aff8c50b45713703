import { describe, expect, it } from 'vitest';
import { DAYS_COLOR_STOPS } from '../../src/theme';
import type { Corridor } from '../../src/queries/corridors';
import { arcAlpha, arcWidth, bubbleRadius, daysColor, destinationsOf } from '../../src/views/corridors/corridor-layers';
import { sortDistricts } from '../../src/views/districts/sort-districts';
import type { LeaderboardRow } from '../../src/views/districts/leaderboard';

describe('arc encoding', () => {
  it('grows width and opacity with the count, from a visible minimum to the maximum', () => {
    expect(arcWidth(0, 100)).toBe(1);
    expect(arcWidth(100, 100)).toBe(12);
    expect(arcWidth(25, 100)).toBeCloseTo(1 + 11 * 0.5);
    expect(arcAlpha(1, 100)).toBeGreaterThanOrEqual(70);
    expect(arcAlpha(100, 100)).toBe(255);
  });
});

describe('days colour scale', () => {
  it('hits each stop exactly and blends between stops', () => {
    for (const stop of DAYS_COLOR_STOPS) expect(daysColor(stop.days)).toEqual(stop.color);
    expect(daysColor(7.5)).toEqual([174, 216, 68]);
    expect(daysColor(10_000)).toEqual(DAYS_COLOR_STOPS[DAYS_COLOR_STOPS.length - 1].color);
  });
});

describe('destinations and bubbles', () => {
  const corridor = (origin: string, target: string, count: number) =>
    ({ origin, target, place: target, state: 'IN-GJ', lat: 21, lon: 72, count, interstate: true }) as Corridor;

  it('adds up corridors that end at the same destination, largest first', () => {
    const destinations = destinationsOf([corridor('dhar', 'Surat', 3), corridor('katni', 'Kota', 5), corridor('indore', 'Surat', 4)]);
    expect(destinations.map((d) => [d.target, d.count])).toEqual([
      ['Surat', 7],
      ['Kota', 5],
    ]);
  });

  it('gives bubbles an area proportional to the count and none for zero', () => {
    expect(bubbleRadius(0, 100)).toBe(0);
    expect(bubbleRadius(100, 100)).toBe(14);
    expect(bubbleRadius(25, 100)).toBeCloseTo(3 + 11 * 0.5);
  });
});

describe('sortDistricts', () => {
  const row = (name: string, reported: number, medianDays: number | null): LeaderboardRow => ({
    id: name.toLowerCase(),
    name,
    nameHi: name,
    reported,
    recovered: 0,
    recoveryRate: null,
    medianDays,
    stillMissing: 0,
    overAhtuDays: 0,
    interstateShare: null,
    rank: 1,
    previousReported: null,
    previousRank: null,
    change: null,
    rankChange: null,
    monthly: [],
    within30: { share: null, atRisk: 0 },
    within120: { share: null, atRisk: 0 },
  });
  const rows = [row('Bhind', 5, 20), row('Agar Malwa', 5, null), row('Dhar', 9, 3)];

  it('sorts by a number with ties broken by name', () => {
    expect(sortDistricts(rows, { key: 'reported', descending: true }).map((r) => r.name)).toEqual(['Dhar', 'Agar Malwa', 'Bhind']);
  });

  it('keeps empty values last in either direction', () => {
    expect(sortDistricts(rows, { key: 'medianDays', descending: false }).map((r) => r.name)).toEqual(['Dhar', 'Bhind', 'Agar Malwa']);
    expect(sortDistricts(rows, { key: 'medianDays', descending: true }).map((r) => r.name)).toEqual(['Bhind', 'Dhar', 'Agar Malwa']);
  });
});
