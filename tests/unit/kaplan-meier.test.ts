import { describe, expect, it } from 'vitest';
import { atRiskAt, kaplanMeier, productLimit, recoveredWithin, survivalAt, type SurvivalCount } from '../../src/stats/kaplan-meier';

/**
 * Freireich et al. (1963), 6-MP arm: weeks in remission for 21 leukaemia patients, + = censored.
 * 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+
 * Published Kaplan–Meier values with Greenwood standard errors (Kalbfleisch & Prentice; Klein &
 * Moeschberger, Table 4.1A; Kleinbaum & Klein, ch. 2): median 23 weeks.
 */
const SIX_MP: [number, boolean][] = [
  [6, true],
  [6, true],
  [6, true],
  [6, false],
  [7, true],
  [9, false],
  [10, true],
  [10, false],
  [11, false],
  [13, true],
  [16, true],
  [17, false],
  [19, false],
  [20, false],
  [22, true],
  [23, true],
  [25, false],
  [32, false],
  [32, false],
  [34, false],
  [35, false],
];
const counts: SurvivalCount[] = SIX_MP.map(([time, event]) => ({ time, events: event ? 1 : 0, censored: event ? 0 : 1 }));

const PUBLISHED: [week: number, survival: number, se: number, atRisk: number][] = [
  [6, 0.8571, 0.0764, 21],
  [7, 0.8067, 0.0869, 17],
  [10, 0.7529, 0.0963, 15],
  [13, 0.6902, 0.1068, 12],
  [16, 0.6275, 0.1141, 11],
  [22, 0.5378, 0.1282, 7],
  [23, 0.4482, 0.1346, 6],
];

describe('Kaplan–Meier on the Freireich 6-MP data', () => {
  const curve = kaplanMeier(counts);

  it('matches the published survival, Greenwood standard errors and numbers at risk', () => {
    for (const [week, survival, se, atRisk] of PUBLISHED) {
      const step = curve.steps.find((s) => s.time === week)!;
      expect(step.survival, `S(${week})`).toBeCloseTo(survival, 4);
      expect(step.standardError, `SE(${week})`).toBeCloseTo(se, 4);
      expect(step.atRisk, `n(${week})`).toBe(atRisk);
    }
  });

  it('counts recoveries before censorings at the same time (week 6: three events, one censored)', () => {
    const week6 = curve.steps.find((s) => s.time === 6)!;
    expect([week6.atRisk, week6.events, week6.censored]).toEqual([21, 3, 1]);
    expect(week6.survival).toBeCloseTo(18 / 21, 10);
  });

  it('gives the published median of 23 weeks, with a 95% interval from 13 weeks and no upper limit', () => {
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
    expect(curve.median).toBe(23);
    expect(curve.medianLower).toBe(13);
    expect(curve.medianUpper).toBeNull();
  });

  it('keeps the log(-log) interval inside [0, 1] and around the estimate', () => {
    for (const step of curve.steps) {
      expect(step.lower).toBeGreaterThanOrEqual(0);
      expect(step.upper).toBeLessThanOrEqual(1);
      expect(step.lower).toBeLessThanOrEqual(step.survival);
      expect(step.upper).toBeGreaterThanOrEqual(step.survival);
    }
  });

  it('reads the step function and the risk set at any time', () => {
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 12)).toBeCloseTo(0.7529, 4);
    expect(survivalAt(curve, 40)).toBeCloseTo(0.4482, 4);
    expect(atRiskAt(curve, 0)).toBe(21);
    expect(atRiskAt(curve, 12)).toBe(12);
    expect(atRiskAt(curve, 36)).toBe(0);
  });
});

describe('the estimate without its intervals (the leaderboard and headline figures read it)', () => {
  const estimate = productLimit(counts);

  it('gives the published survival, numbers at risk and median of 23 weeks', () => {
    for (const [week, survival, , atRisk] of PUBLISHED) {
      const step = estimate.steps.find((s) => s.time === week)!;
      expect(step.survival, `S(${week})`).toBeCloseTo(survival, 4);
      expect(step.atRisk, `n(${week})`).toBe(atRisk);
    }
    expect([estimate.n, estimate.events, estimate.median, estimate.lastTime]).toEqual([21, 9, 23, 35]);
  });

  it('reads the published step function, share recovered and risk set at any week, and nothing past the last', () => {
    expect(survivalAt(estimate, 12)).toBeCloseTo(0.7529, 4);
    expect(recoveredWithin(estimate, 16)).toBeCloseTo(1 - 0.6275, 4);
    expect(recoveredWithin(estimate, 36)).toBeNull();
    expect([atRiskAt(estimate, 0), atRiskAt(estimate, 12), atRiskAt(estimate, 23)]).toEqual([21, 12, 6]);
  });
});

describe('Kaplan–Meier edge cases', () => {
  it('without censoring is the empirical survival function', () => {
    const curve = kaplanMeier([
      { time: 1, events: 1, censored: 0 },
      { time: 2, events: 2, censored: 0 },
      { time: 5, events: 1, censored: 0 },
    ]);
    expect(curve.steps.map((s) => s.survival)).toEqual([0.75, 0.25, 0]);
    expect(curve.median).toBe(2);
  });

  it('has no median when fewer than half are ever recovered', () => {
    const curve = kaplanMeier([
      { time: 3, events: 1, censored: 0 },
      { time: 10, events: 0, censored: 4 },
    ]);
    expect(curve.median).toBeNull();
    expect(survivalAt(curve, 100)).toBeCloseTo(0.8, 10);
  });

  it('is empty for no cases', () => {
    expect(kaplanMeier([])).toMatchObject({ n: 0, events: 0, steps: [], median: null });
  });
});
