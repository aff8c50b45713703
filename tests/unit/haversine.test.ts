import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/geo/haversine';

describe('haversineKm', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineKm(21.82, 75.61, 21.82, 75.61)).toBe(0);
    expect(haversineKm(21.82, 75.61, 26.77, 83.37)).toBeCloseTo(haversineKm(26.77, 83.37, 21.82, 75.61), 9);
  });

  it('gives a quarter meridian of π/2 × 6371.0088 km from equator to pole', () => {
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
  });

  it('gives 111.195 km for one degree of longitude on the equator', () => {
    expect(haversineKm(0, 77, 0, 78)).toBeCloseTo(111.195, 2);
  });

  it('puts Khargone about 960 km from Gorakhpur as the crow flies (≈1,200 km by road)', () => {
    const km = haversineKm(21.8229, 75.6139, 26.7663, 83.3689);
    expect(km).toBeGreaterThan(940);
    expect(km).toBeLessThan(980);
  });
});
