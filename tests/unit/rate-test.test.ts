import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emergingCorridors } from '../../src/stats/emerging';
import { benjaminiHochberg, binomialUpperTail, rateIncreaseTest } from '../../src/stats/rate-test';

/** R's poisson.test and p.adjust on the same numbers (tests/reference/rate-tests.R). */
const reference = JSON.parse(readFileSync('tests/reference/rate-tests.json', 'utf8')) as {
  poisson: {
    recent: number;
    baseline: number;
    recentMonths: number;
    baselineMonths: number;
    p: number;
    ratio: number | 'Inf';
    lower: number;
    upper: number | 'Inf';
  }[];
  bh: { p: number[]; q: number[] };
};

describe('exact binomial tail', () => {
  it('matches values worked by hand', () => {
    // P(X ≥ 3 | n = 5, p = 0.2) = 10·0.2³·0.8² + 5·0.2⁴·0.8 + 0.2⁵ = 0.0512 + 0.0064 + 0.00032.
    expect(binomialUpperTail(3, 5, 0.2)).toBeCloseTo(0.05792, 12);
    expect(binomialUpperTail(0, 5, 0.2)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.2)).toBe(0);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 14);
  });
});

describe('exact conditional test for two Poisson rates, against R poisson.test', () => {
  for (const r of reference.poisson) {
    it(`${r.recent} in ${r.recentMonths} months against ${r.baseline} in ${r.baselineMonths}`, () => {
      const result = rateIncreaseTest(r);
      expect(result.pValue).toBeCloseTo(r.p, 10);
      if (r.ratio === 'Inf') expect(result.rateRatio).toBe(Infinity);
      else expect(result.rateRatio).toBeCloseTo(r.ratio, 10);
      expect(result.lower).toBeCloseTo(r.lower, 6);
      if (r.upper === 'Inf') expect(result.upper).toBe(Infinity);
      else expect(result.upper).toBeCloseTo(r.upper, 6);
    });
  }
});

describe('Benjamini–Hochberg', () => {
  it('adjusts the 15 p-values of Benjamini & Hochberg (1995) as R p.adjust does, rejecting four at 5%', () => {
    const q = benjaminiHochberg(reference.bh.p);
    q.forEach((value, i) => expect(value).toBeCloseTo(reference.bh.q[i], 12));
    expect(q.filter((value) => value <= 0.05)).toHaveLength(4);
  });

  it('keeps the input order and is monotone in p', () => {
    const p = [0.04, 0.001, 0.5, 0.03];
    const q = benjaminiHochberg(p);
    expect(q[1]).toBeCloseTo(0.004, 12);
    expect(q[3]).toBeCloseTo(0.0533333333, 8);
    expect(q[0]).toBeCloseTo(0.0533333333, 8);
    expect(q[2]).toBeCloseTo(0.5, 12);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('emerging corridors', () => {
  const rows = [
    { id: 'growing', recent: 26, baseline: 11 },
    { id: 'steady', recent: 5, baseline: 20 },
    { id: 'new', recent: 4, baseline: 0 },
    { id: 'new but single', recent: 1, baseline: 0 },
    { id: 'fading', recent: 0, baseline: 9 },
  ];

  it('alerts on a corridor whose recent rate rose, lists new ones apart, and tests only those with a baseline', () => {
    const result = emergingCorridors(rows, 3, 12);
    expect(result.tested).toBe(3);
    expect(result.alerts.map((a) => a.id)).toEqual(['growing']);
    expect(result.alerts[0].qValue).toBeCloseTo(3 * 5.47923500939559e-11, 18);
    expect(result.fresh.map((r) => r.id)).toEqual(['new']);
  });

  it('raises nothing when no rate changed', () => {
    expect(
      emergingCorridors(
        [
          { recent: 3, baseline: 12 },
          { recent: 1, baseline: 4 },
        ],
        3,
        12,
      ).alerts,
    ).toEqual([]);
  });
});
