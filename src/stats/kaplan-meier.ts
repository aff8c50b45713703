/**
 * Kaplan–Meier estimate of the share still missing against days since going missing. Children still
 * missing at the snapshot date are right-censored there: averaging only the recovered would leave out
 * exactly the slow cases. At a tied time, recoveries are counted before censorings (the usual convention).
 */

/** Cases aggregated at one time: how many were recovered then and how many were censored then. */
export interface SurvivalCount {
  time: number;
  events: number;
  censored: number;
}

/** A step of the product-limit estimate, with Greenwood's sum so far (the variance of log S). */
export interface EstimateStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  greenwood: number;
}

/** The Kaplan–Meier estimate without its intervals: what a table of medians and shares recovered reads. */
export interface SurvivalEstimate {
  n: number;
  events: number;
  /** One step per distinct time with an event or a censoring, in time order. */
  steps: EstimateStep[];
  /** Last time anyone was observed (recovered or censored): the curve says nothing beyond it. */
  lastTime: number | null;
  /** First time the curve is at or below 0.5; null if it never gets there. */
  median: number | null;
}

export interface SurvivalStep extends Omit<EstimateStep, 'greenwood'> {
  /** Greenwood standard error of `survival`. */
  standardError: number;
  /** 95% pointwise interval on the log(-log) scale, which stays inside [0, 1]. */
  lower: number;
  upper: number;
}

/** The estimate with its 95% band, as a drawn curve and its table show it. */
export interface SurvivalCurve extends Omit<SurvivalEstimate, 'steps'> {
  steps: SurvivalStep[];
  medianLower: number | null;
  medianUpper: number | null;
}

const Z95 = 1.959963984540054;

/**
 * The product-limit estimate alone. The intervals cost several times the estimate (a power and an exponential a
 * step), so the districts leaderboard, which reads 55 medians and shares a change, and the headline figures ask for
 * this; a drawn curve asks `kaplanMeier` for its band.
 */
export function productLimit(counts: readonly SurvivalCount[]): SurvivalEstimate {
  // In time order; counts at the same time are taken together below.
  const sorted = [...counts].sort((a, b) => a.time - b.time);
  const n = counts.reduce((sum, c) => sum + c.events + c.censored, 0);
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  let median: number | null = null;
  const steps: EstimateStep[] = [];
  for (let i = 0; i < sorted.length;) {
    const time = sorted[i].time;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && sorted[i].time === time; i++) {
      events += sorted[i].events;
      censored += sorted[i].censored;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
      totalEvents += events;
    }
    if (median === null && survival <= 0.5) median = time;
    steps.push({ time, atRisk, events, censored, survival, greenwood });
    atRisk -= events + censored;
  }
  return { n, events: totalEvents, steps, lastTime: steps.length ? steps[steps.length - 1].time : null, median };
}

export function kaplanMeier(counts: readonly SurvivalCount[], z = Z95): SurvivalCurve {
  const estimate = productLimit(counts);
  const steps = estimate.steps.map(({ greenwood, ...step }): SurvivalStep => {
    const [lower, upper] = logLogInterval(step.survival, greenwood, z);
    return { ...step, standardError: Number.isFinite(greenwood) ? step.survival * Math.sqrt(greenwood) : 0, lower, upper };
  });
  const firstAtOrBelowHalf = (pick: (s: SurvivalStep) => number) => steps.find((s) => pick(s) <= 0.5)?.time ?? null;
  return {
    ...estimate,
    steps,
    medianLower: firstAtOrBelowHalf((s) => s.lower),
    medianUpper: firstAtOrBelowHalf((s) => s.upper),
  };
}

function logLogInterval(survival: number, greenwood: number, z: number): [number, number] {
  if (survival <= 0) return [0, 0];
  if (survival >= 1 || greenwood === 0) return [survival, survival];
  if (!Number.isFinite(greenwood)) return [0, 1];
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return [survival ** Math.exp(z * se), survival ** Math.exp(-z * se)];
}

/** The curve's value at `time` (1 before the first event). */
export function survivalAt(curve: SurvivalEstimate | SurvivalCurve, time: number): number {
  let value = 1;
  for (const step of curve.steps) {
    if (step.time > time) break;
    value = step.survival;
  }
  return value;
}

/** Share recovered by `time` (1 − S), or null when no one in the group was followed that long. */
export function recoveredWithin(curve: SurvivalEstimate | SurvivalCurve, time: number): number | null {
  if (curve.lastTime === null || time > curve.lastTime) return null;
  return 1 - survivalAt(curve, time);
}

/** Cases still under observation (neither recovered nor censored) just before `time`. */
export function atRiskAt(curve: SurvivalEstimate | SurvivalCurve, time: number): number {
  const step = curve.steps.find((s) => s.time >= time);
  if (step) return step.atRisk;
  return 0;
}
