/**
 * The planner's arithmetic on aggregated counts: expected still-missing children per destination and
 * town (with Poisson-binomial intervals), the greedy team plan, and the back-test scores against the
 * naive baseline. Pure functions; the counting is done in SQL.
 */
import { haversineKm } from '../geo/haversine';
import { ELSEWHERE_IN_MP, HOME, type Cell, type DestinationModel, type Distribution, type Destination } from './destination-model';
import { greedyMaxCoverage } from './max-coverage';
import { poissonBinomialInterval, type CountInterval } from './poisson-binomial';

/** Children still missing at the cut-off, of one cell and days-missing threshold. */
export interface PendingGroup extends Cell {
  threshold: number;
  count: number;
}

export interface Place {
  id: string;
  name: string;
  state: string;
  lat: number;
  lon: number;
}

export type TownDistribution = (district: string, destination: Destination) => Distribution;

export interface DestinationEstimate extends CountInterval {
  destination: Destination;
}

/** Expected children per destination, largest first, with 90% intervals. */
export function expectedByDestination(model: DestinationModel, pending: readonly PendingGroup[]): DestinationEstimate[] {
  const mixes = pending.map((g) => model.distribution(g, g.threshold));
  return model.destinations
    .map((destination) => {
      const trials = pending.map((g, i) => ({ p: mixes[i].get(destination) ?? 0, count: g.count }));
      return { destination, ...poissonBinomialInterval(trials) };
    })
    .sort((a, b) => b.expected - a.expected);
}

/**
 * Where the pending children may be, town by town: P(town) = P(destination) × P(town | destination,
 * district). Groups are summed by district before towns are visited, so the work grows with districts ×
 * destinations × towns, not with children.
 */
export interface TownLikelihood {
  /** Expected children per town. */
  expected: Map<string, number>;
  /** For a set of towns: the probability that a child of a given group is in one of them. */
  within(towns: readonly string[]): (group: Cell & { threshold: number }) => number;
}

/**
 * A set of towns' share of each destination's children, per origin district, by set (its towns in order, as the sums
 * run in that order). It depends on the fitted model and town mix alone, which outlive filter changes, so each fit
 * works out a set's shares once: the likely towns and the teams ask for the same sets change after change.
 */
type SharesBySet = Map<string, Map<string, [Destination, number][]>>;
const sharesByFit = new WeakMap<DestinationModel, WeakMap<TownDistribution, SharesBySet>>();

function sharesOfSets(model: DestinationModel, towns: TownDistribution): SharesBySet {
  let byTowns = sharesByFit.get(model);
  if (!byTowns) sharesByFit.set(model, (byTowns = new WeakMap()));
  let bySet = byTowns.get(towns);
  if (!bySet) byTowns.set(towns, (bySet = new Map()));
  return bySet;
}

export function townLikelihood(model: DestinationModel, towns: TownDistribution, pending: readonly PendingGroup[]): TownLikelihood {
  const byDistrict = new Map<string, Map<Destination, number>>();
  for (const g of pending) {
    const mix = byDistrict.get(g.district) ?? new Map<Destination, number>();
    for (const [destination, p] of model.distribution(g, g.threshold)) mix.set(destination, (mix.get(destination) ?? 0) + p * g.count);
    byDistrict.set(g.district, mix);
  }
  const expected = new Map<string, number>();
  for (const [district, mix] of byDistrict) {
    for (const [destination, children] of mix) {
      for (const [town, q] of towns(district, destination)) expected.set(town, (expected.get(town) ?? 0) + children * q);
    }
  }
  return {
    expected,
    within(set) {
      const members = new Set(set);
      const shareIn = (district: string, destination: Destination) => {
        let q = 0;
        // Whichever is shorter is walked: a team's few towns, or the destination's towns.
        const distribution = towns(district, destination);
        if (members.size < distribution.size) for (const town of members) q += distribution.get(town) ?? 0;
        else for (const [town, p] of distribution) if (members.has(town)) q += p;
        return q;
      };
      // Per origin district, the destinations with some of the set's towns and the share of their children there,
      // worked out once for the fit: a few towns lie in one or two destinations, so each group visits only those (in
      // the model's order, so the sum is the same as over every destination).
      const key = set.join('\u0001');
      const setsShares = sharesOfSets(model, towns);
      let shares = setsShares.get(key);
      if (!shares) setsShares.set(key, (shares = new Map()));
      const sharesOf = (district: string) => {
        let known = shares.get(district);
        if (!known) {
          known = model.destinations.map((d): [Destination, number] => [d, shareIn(district, d)]).filter(([, q]) => q > 0);
          shares.set(district, known);
        }
        return known;
      };
      return (group) => {
        const mix = model.distribution(group, group.threshold);
        let p = 0;
        for (const [destination, q] of sharesOf(group.district)) p += (mix.get(destination) ?? 0) * q;
        return Math.min(1, p);
      };
    },
  };
}

/** Expected children among `pending` with the given probabilities, and a 90% interval. */
export function expectedIn(pending: readonly PendingGroup[], probability: (group: PendingGroup) => number): CountInterval {
  return poissonBinomialInterval(pending.map((g) => ({ p: probability(g), count: g.count })));
}

export interface Team extends CountInterval {
  base: Place;
  /** Towns this team adds (within its radius and not covered by an earlier team). */
  towns: string[];
  /** Every town within its radius, whether or not an earlier team covers it too. */
  area: readonly string[];
  /** Origin districts of the children it covers, most expected first. */
  origins: { district: string; expected: number }[];
  /** Mean distance from the covered children's origin HQs to the base, weighted by expected children. */
  km: number;
}

export interface TeamPlanInput {
  pending: readonly PendingGroup[];
  likelihood: TownLikelihood;
  places: ReadonlyMap<string, Place>;
  /** Candidate bases (towns) and the towns within the radius of each, from townsWithin. */
  reach: ReadonlyMap<string, readonly string[]>;
  teams: number;
  districtHq: (district: string) => { lat: number; lon: number };
}

/** Towns within `radiusKm` of each candidate base, the base itself included. */
export function townsWithin(candidates: readonly Place[], places: Iterable<Place>, radiusKm: number): Map<string, string[]> {
  const all = [...places];
  return new Map(candidates.map((c) => [c.id, all.filter((p) => haversineKm(c.lat, c.lon, p.lat, p.lon) <= radiusKm).map((p) => p.id)]));
}

/** K bases chosen greedily to cover the most expected still-missing children. */
export function planTeams(input: TeamPlanInput): Team[] {
  const { expected } = input.likelihood;
  const candidates = [...input.reach.keys()].sort((a, b) => (expected.get(b) ?? 0) - (expected.get(a) ?? 0));
  const chosen = greedyMaxCoverage(
    [...expected].map(([id, weight]) => ({ id, weight })),
    candidates.map((id) => ({ id, covers: input.reach.get(id)! })),
    input.teams,
  );
  return chosen.map((c) => {
    const base = input.places.get(c.id)!;
    const probability = input.likelihood.within(c.added);
    const byDistrict = new Map<string, number>();
    for (const g of input.pending) byDistrict.set(g.district, (byDistrict.get(g.district) ?? 0) + probability(g) * g.count);
    const origins = [...byDistrict].map(([district, e]) => ({ district, expected: e })).sort((a, b) => b.expected - a.expected);
    const total = origins.reduce((s, o) => s + o.expected, 0);
    const km =
      origins.reduce((s, o) => {
        const hq = input.districtHq(o.district);
        return s + o.expected * haversineKm(hq.lat, hq.lon, base.lat, base.lon);
      }, 0) / Math.max(total, 1e-12);
    return { base, towns: c.added, area: input.reach.get(c.id)!, origins, km, ...expectedIn(input.pending, probability) };
  });
}

/** Children pending at the cut-off and recovered after it: where they were found. */
export interface Outcome extends Cell {
  threshold: number;
  destination: Destination;
  lat: number | null;
  lon: number | null;
  count: number;
}

export interface Score {
  /** Mean −log P(actual destination). */
  logLoss: number;
  /** Among children later found in another state: share whose state was the first / among the first three. */
  top1: number;
  top3: number;
  /** Children later found in another state. */
  outOfState: number;
}

/**
 * Where `destination` ranks among the other states by probability, 0 the likeliest (ties in the distribution's
 * order, as a stable sort puts them); -1 when the distribution does not hold it. Counted, not sorted: a back-test
 * asks it of every outcome under every prior strength tried.
 */
function rankAmongOtherStates(distribution: Distribution, destination: Destination): number {
  const p = distribution.get(destination);
  if (p === undefined) return -1;
  let rank = 0;
  let before = true;
  for (const [d, q] of distribution) {
    if (d === destination) before = false;
    else if (d !== HOME && d !== ELSEWHERE_IN_MP && (q > p || (q === p && before))) rank++;
  }
  return rank;
}

/** −log P for where a child was found; a place the model gives no chance costs as much as one in a million million. */
const surprise = (p: number | undefined) => -Math.log(Math.max(p ?? 0, 1e-12));

/** Mean −log P(actual destination) alone: what the prior-strength search minimises, without the ranks. */
export function logLoss<T extends { count: number }>(outcomes: readonly T[], probability: (o: T) => number | undefined): number {
  let n = 0;
  let loss = 0;
  for (const o of outcomes) {
    n += o.count;
    loss += o.count * surprise(probability(o));
  }
  return n ? loss / n : NaN;
}

/** How well `predict` did on what happened after the cut-off. */
export function scoreOutcomes(outcomes: readonly Outcome[], predict: (o: Outcome) => Distribution): Score {
  let n = 0;
  let loss = 0;
  let outOfState = 0;
  let top1 = 0;
  let top3 = 0;
  for (const o of outcomes) {
    const distribution = predict(o);
    n += o.count;
    loss += o.count * surprise(distribution.get(o.destination));
    if (o.destination !== HOME && o.destination !== ELSEWHERE_IN_MP) {
      const rank = rankAmongOtherStates(distribution, o.destination);
      outOfState += o.count;
      if (rank === 0) top1 += o.count;
      if (rank >= 0 && rank < 3) top3 += o.count;
    }
  }
  return {
    logLoss: n ? loss / n : NaN,
    top1: outOfState ? top1 / outOfState : NaN,
    top3: outOfState ? top3 / outOfState : NaN,
    outOfState,
  };
}

export interface CalibrationRow {
  destination: Destination;
  expected: number;
  baseline: number;
  actual: number;
}

/** Expected (model and baseline) against actual children per destination. */
export function calibration(outcomes: readonly Outcome[], model: (o: Outcome) => Distribution, baseline: Distribution): CalibrationRow[] {
  const rows = new Map<Destination, CalibrationRow>();
  const row = (d: Destination) => {
    let r = rows.get(d);
    if (!r) rows.set(d, (r = { destination: d, expected: 0, baseline: 0, actual: 0 }));
    return r;
  };
  for (const o of outcomes) {
    for (const [d, p] of model(o)) row(d).expected += p * o.count;
    for (const [d, p] of baseline) row(d).baseline += p * o.count;
    row(o.destination).actual += o.count;
  }
  return [...rows.values()].sort((a, b) => b.actual - a.actual || b.expected - a.expected);
}

/** Share of children found within `radiusKm` of any of the bases. */
export function coverageOf(outcomes: readonly Outcome[], bases: readonly Place[], radiusKm: number): number {
  let n = 0;
  let covered = 0;
  for (const o of outcomes) {
    n += o.count;
    if (o.lat !== null && o.lon !== null && bases.some((b) => haversineKm(b.lat, b.lon, o.lat!, o.lon!) <= radiusKm)) covered += o.count;
  }
  return n ? covered / n : NaN;
}
