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
  return incidenceAtTimes(ci, [time], z)[0];
}

/**
 * `incidenceAt` for several days at once (a table's rows), in time linear in the steps and groups. A group's
 * influence follows the same path as every group still at risk until its own day (computed once, `atRiskPath`),
 * takes its own outcome on that day, and afterwards only carries its share-missing influence into the incidences
 * as the hazards do; that carry has a closed form in the estimates themselves, so no group walks the steps.
 */
export function incidenceAtTimes(ci: CumulativeIncidence, times: readonly number[], z = Z95): (IncidenceAt | null)[] {
  const { steps, causes } = ci;
  const shown = times
    .map((time, index) => ({ time, index }))
    .filter(({ time }) => time <= ci.lastTime && ci.n > 0)
    .sort((a, b) => a.time - b.time);
  // Steps on or before each requested day.
  const stepsUpTo: number[] = [];
  let p = 0;
  for (const { time } of shown) {
    while (p < steps.length && steps[p].time <= time) p++;
    stepsUpTo.push(p);
  }
  // Share still missing and incidences before step i (after i steps).
  const survivalBefore = (i: number) => (i === 0 ? 1 : steps[i - 1].stillMissing);
  const incidenceBefore = (i: number, k: number) => (i === 0 ? 0 : steps[i - 1].incidence[k]);
  const hazard = (i: number) => steps[i].events.reduce((a, b) => a + b, 0) / steps[i].atRisk;
  // Influence of a case still at risk, before each step: d(share missing), d(incidence of each cause).
  const walked = stepsUpTo.length ? stepsUpTo[stepsUpTo.length - 1] : 0;
  const atRiskPath: { dSurvival: number; dIncidence: number[] }[] = [{ dSurvival: 0, dIncidence: new Array<number>(causes).fill(0) }];
  for (let i = 0; i < walked; i++) {
    const { dSurvival, dIncidence } = atRiskPath[i];
    const s = steps[i];
    const survival = survivalBefore(i);
    const h = hazard(i);
    atRiskPath.push({
      dSurvival: dSurvival * (1 - h) + (survival * h) / s.atRisk,
      dIncidence: dIncidence.map((d, k) => {
        const hk = s.events[k] / s.atRisk;
        return d + dSurvival * hk - (survival * hk) / s.atRisk;
      }),
    });
  }
  const stepOf = new Map(steps.map((s, i) => [s.time, i]));
  const variances = shown.map(() => new Array<number>(causes + 1).fill(0));
  const add = (i: number, count: number, dSurvival: number, dIncidence: readonly number[]) => {
    const variance = variances[i];
    variance[0] += count * dSurvival * dSurvival;
    for (let k = 0; k < causes; k++) variance[k + 1] += count * dIncidence[k] * dIncidence[k];
  };
  // Cases observed after the last requested day were at risk throughout: one path, their counts summed.
  let laterCount = 0;
  for (const g of ci.groups) {
    const own = stepOf.get(g.time)!;
    if (own >= walked) {
      laterCount += g.count;
      continue;
    }
    // Its own day: a case at risk that left, by recovery to its cause or by censoring.
    const before = atRiskPath[own];
    const s = steps[own];
    const survival = survivalBefore(own);
    const h = hazard(own);
    const dHazard = ((g.cause !== null ? 1 : 0) - h) / s.atRisk;
    const dSurvivalOwn = before.dSurvival * (1 - h) - survival * dHazard;
    const dIncidenceOwn = before.dIncidence.map((d, k) => {
      const hk = s.events[k] / s.atRisk;
      return d + before.dSurvival * hk + (survival * ((g.cause === k ? 1 : 0) - hk)) / s.atRisk;
    });
    stepsUpTo.forEach((m, i) => {
      if (m <= own) add(i, g.count, atRiskPath[m].dSurvival, atRiskPath[m].dIncidence);
      else if (m === own + 1) add(i, g.count, dSurvivalOwn, dIncidenceOwn);
      else {
        // After its day: dS ← dS(1 − h), dI_k ← dI_k + dS·h_k, summed in closed form through S and I.
        const start = survivalBefore(own + 1);
        const dIncidence = dIncidenceOwn.map((d, k) => d + (dSurvivalOwn * (incidenceBefore(m, k) - incidenceBefore(own + 1, k))) / start);
        add(i, g.count, (dSurvivalOwn * survivalBefore(m)) / start, dIncidence);
      }
    });
  }
  stepsUpTo.forEach((m, i) => add(i, laterCount, atRiskPath[m].dSurvival, atRiskPath[m].dIncidence));
  const estimate = (value: number, v: number): Estimate => {
    const standardError = Math.sqrt(v);
    if (value <= 0) return { value, standardError, lower: 0, upper: 0 };
    const spread = Math.exp((z * standardError) / value);
    return { value, standardError, lower: value / spread, upper: Math.min(1, value * spread) };
  };
  const results: (IncidenceAt | null)[] = times.map(() => null);
  shown.forEach(({ time, index }, i) => {
    const last = stepsUpTo[i] > 0 ? ci.steps[stepsUpTo[i] - 1] : undefined;
    const incidence = last?.incidence ?? new Array<number>(ci.causes).fill(0);
    results[index] = {
      time,
      atRisk: ci.steps.find((s) => s.time >= time)?.atRisk ?? 0,
      stillMissing: estimate(last?.stillMissing ?? 1, variances[i][0]),
      incidence: incidence.map((value, k) => estimate(value, variances[i][k + 1])),
    };
  });
  return results;
}
