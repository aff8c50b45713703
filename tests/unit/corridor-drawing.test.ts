import { describe, expect, it } from 'vitest';
import { arcAlpha, arcWidth } from '../../src/views/corridors/corridor-layers';
import { sortDistricts } from '../../src/views/districts/sort-districts';
import type { DistrictRow } from '../../src/queries/districts';

describe('arc encoding', () => {
  it('grows width and opacity with the count, from a visible minimum to the maximum', () => {
    expect(arcWidth(0, 100)).toBe(1);
    expect(arcWidth(100, 100)).toBe(12);
    expect(arcWidth(25, 100)).toBeCloseTo(1 + 11 * 0.5);
    expect(arcAlpha(1, 100)).toBeGreaterThanOrEqual(70);
    expect(arcAlpha(100, 100)).toBe(255);
  });
});

describe('sortDistricts', () => {
  const row = (name: string, reported: number, medianDays: number | null): DistrictRow => ({
    id: name.toLowerCase(), name, nameHi: name, reported, recovered: 0, recoveryRate: null, medianDays, stillMissing: 0,
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
