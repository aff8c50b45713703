/**
 * Aalen–Johansen cumulative incidence for competing outcomes: a child still missing leaves that state
 * once, to one of several places of recovery (home district, elsewhere in MP, another state, …), or is
 * censored at the snapshot date. The share still missing is the overall Kaplan–Meier curve, and at
 * every day it and the cumulative incidences add up to 1. Standard errors are the infinitesimal
 * jackknife, as R's `survfit` reports for a multi-state outcome, and intervals are on the log scale
 * (R's default `conf.type = "log"`), so both can be checked against R.
 */

/** Cases that left observation on one day: recovered to `cause` (its index), or censored (`cause` null). */
export interface CompetingCount {
  time: number;
  cause: number | null;
  count: number;
}

interface Step {
  time: number;
  atRisk: number;
  /** Events on this day, one entry per cause. */
  events: number[];
  censored: number;
  /** Share still missing just after this day. */
  stillMissing: number;
  /** Cumulative incidence of each cause up to and including this day. */
  incidence: number[];
}

export interface CumulativeIncidence {
  causes: number;
  n: number;
  steps: Step[];
  /** Last day anyone in the group was observed (recovered or censored); the curves end there. */
  lastTime: number;
  /** Observation groups (same day, same outcome) with their sizes, for the jackknife. */
  groups: CompetingCount[];
}

export interface Estimate {
  value: number;
  standardError: number;
  /** 95% interval on the log scale, capped at 1. */
  lower: number;
  upper: number;
}

export interface IncidenceAt {
  time: number;
  atRisk: number;
  stillMissing: Estimate;
  /** One estimate per cause. */
  incidence: Estimate[];
}

const Z95 = 1.959963984540054;

export function cumulativeIncidence(counts: readonly CompetingCount[], causes: number): CumulativeIncidence {
  const byTime = new Map<number, { events: number[]; censored: number }>();
  const groups = new Map<string, CompetingCount>();
  for (const c of counts) {
    if (c.count <= 0) continue;
    const entry = byTime.get(c.time) ?? { events: new Array<number>(causes).fill(0), censored: 0 };
    if (c.cause === null) entry.censored += c.count;
    else entry.events[c.cause] += c.count;
    byTime.set(c.time, entry);
    const key = `${c.time}|${c.cause}`;
    const group = groups.get(key);
    if (group) group.count += c.count;
    else groups.set(key, { ...c });
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let atRisk = [...groups.values()].reduce((sum, g) => sum + g.count, 0);
  const n = atRisk;
  let stillMissing = 1;
  const incidence = new Array<number>(causes).fill(0);
  const steps: Step[] = [];
  for (const time of times) {
    const { events, censored } = byTime.get(time)!;
    const total = events.reduce((a, b) => a + b, 0);
    for (let k = 0; k < causes; k++) incidence[k] += (stillMissing * events[k]) / atRisk;
    stillMissing *= 1 - total / atRisk;
    steps.push({ time, atRisk, events, censored, stillMissing, incidence: [...incidence] });
    atRisk -= total + censored;
  }
  return { causes, n, steps, lastTime: times.length ? times[times.length - 1] : 0, groups: [...groups.values()] };
}

/**
 * Estimates at `time` with standard errors, or null past the group's last observed day. The jackknife
 * differentiates the estimator with respect to each case's weight; cases with the same day and outcome
 * share one influence, so the work is per group, not per case.
 */
export function incidenceAt(ci: CumulativeIncidence, time: number, z = Z95): IncidenceAt | null {
  if (time > ci.lastTime || ci.n === 0) return null;
  const steps = ci.steps.filter((s) => s.time <= time);
  const last = steps[steps.length - 1];
  const stillMissing = last?.stillMissing ?? 1;
  const incidence = last?.incidence ?? new Array<number>(ci.causes).fill(0);
  const variance = new Array<number>(ci.causes + 1).fill(0);
  for (const g of ci.groups) {
    let survival = 1;
    let dSurvival = 0;
    const dIncidence = new Array<number>(ci.causes).fill(0);
    for (const s of steps) {
      // A case no longer at risk moves no hazard, but its weight still moved the share left at risk.
      const atRisk = g.time >= s.time ? 1 : 0;
      const total = s.events.reduce((a, b) => a + b, 0);
      const hazard = total / s.atRisk;
      const own = g.time === s.time && g.cause !== null ? 1 : 0;
      const dHazard = (own - atRisk * hazard) / s.atRisk;
      for (let k = 0; k < ci.causes; k++) {
        const hazardK = s.events[k] / s.atRisk;
        const dHazardK = ((g.time === s.time && g.cause === k ? 1 : 0) - atRisk * hazardK) / s.atRisk;
        dIncidence[k] += dSurvival * hazardK + survival * dHazardK;
      }
      dSurvival = dSurvival * (1 - hazard) - survival * dHazard;
      survival *= 1 - hazard;
    }
    variance[0] += g.count * dSurvival * dSurvival;
    for (let k = 0; k < ci.causes; k++) variance[k + 1] += g.count * dIncidence[k] * dIncidence[k];
  }
  const estimate = (value: number, v: number): Estimate => {
    const standardError = Math.sqrt(v);
    if (value <= 0) return { value, standardError, lower: 0, upper: 0 };
    const spread = Math.exp((z * standardError) / value);
    return { value, standardError, lower: value / spread, upper: Math.min(1, value * spread) };
  };
  return {
    time,
    atRisk: ci.steps.find((s) => s.time >= time)?.atRisk ?? 0,
    stillMissing: estimate(stillMissing, variance[0]),
    incidence: incidence.map((value, k) => estimate(value, variance[k + 1])),
  };
}
