/**
 * The planner's model (DESIGN.md §7): for a child still missing d days, where were children like her
 * found, when they were found? "Like her" = recovered children of the same origin district, age band
 * and sex who had been missing at least d days (d taken at a few thresholds and capped, so the
 * comparison set stays large). Their destinations — the home district, elsewhere in MP, each other
 * state — are shrunk towards the district's mix and that towards the state-wide mix (additive,
 * Dirichlet pseudo-counts): p_cell = (n_cell + α·p_district) / (N_cell + α), p_district =
 * (n_district + β·p_all) / (N_district + β). It says where children like these were found, not where
 * a child will be.
 */

/** Days-missing thresholds: a child missing d days is compared with children recovered after ≥ the largest one ≤ d. */
export const DAY_THRESHOLDS = [0, 30, 90, 180, 365] as const;

/** The comparison threshold for a child missing `days` days (capped at the last threshold). */
export function thresholdFor(days: number): number {
  let chosen = 0;
  for (const t of DAY_THRESHOLDS) if (days >= t) chosen = t;
  return chosen;
}

/** Destinations: the child's home district, elsewhere in MP, or another state's ISO code. */
export type Destination = string;
export const HOME = 'home';
export const ELSEWHERE_IN_MP = 'mp';

export interface Cell {
  district: string;
  band: string;
  sex: string;
}

/** Recovered children who had been missing at least `threshold` days, of one cell, found at one destination. */
export interface RecoveredCount extends Cell {
  threshold: number;
  destination: Destination;
  count: number;
}

export interface PriorStrengths {
  /** Pseudo-count pulling a child's cell towards its district's mix (α). */
  cell: number;
  /** Pseudo-count pulling a district towards the state-wide mix (β). */
  district: number;
}

/** A small even pseudo-count on the state-wide mix, so a destination seen nowhere at a threshold keeps some mass. */
const BASE_PSEUDO_COUNT = 0.5;

export type Distribution = Map<Destination, number>;

export interface DestinationModel {
  destinations: Destination[];
  /** P(destination) for a child of this cell missing at least `threshold` days. */
  distribution(cell: Cell, threshold: number): Distribution;
  /** The state-wide mix of all recoveries, whatever the time missing (the naive baseline). */
  overall(): Distribution;
}

function add(map: Map<string, Map<Destination, number>>, key: string, destination: Destination, count: number) {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  inner.set(destination, (inner.get(destination) ?? 0) + count);
}

function normalize(counts: Map<Destination, number>): Distribution {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return new Map([...counts].map(([k, n]) => [k, n / total]));
}

/** Each set of counts is summed once, however many mixes and prior strengths read it. */
const totals = new WeakMap<Map<Destination, number>, number>();

function totalOf(counts: Map<Destination, number> | undefined): number {
  if (!counts) return 0;
  let total = totals.get(counts);
  if (total === undefined) totals.set(counts, (total = [...counts.values()].reduce((a, b) => a + b, 0)));
  return total;
}

/** Where a district's and a cell's recoveries at a threshold are kept. */
const districtKey = (threshold: number, district: string) => `${threshold}|${district}`;
const cellKey = (threshold: number, c: Cell) => `${threshold}|${c.district}|${c.band}|${c.sex}`;

/** The state-wide mix is shrunk towards an even one: each of `n` destinations' share, and the pseudo-counts it weighs. */
const evenShare = (n: number) => 1 / Math.max(1, n);
const basePseudoCounts = (n: number) => BASE_PSEUDO_COUNT * n;

/** A share: `n` recoveries plus `strength` pseudo-counts spread as `p`, over `total` recoveries plus `strength`. */
const shrunk = (n: number, total: number, p: number, strength: number) => (n + strength * p) / (total + strength);

function shrink(counts: Map<Destination, number> | undefined, prior: Distribution, strength: number): Distribution {
  const total = totalOf(counts);
  const out: Distribution = new Map();
  for (const [d, p] of prior) out.set(d, shrunk(counts?.get(d) ?? 0, total, p, strength));
  return out;
}

/** Recoveries by threshold and destination, state-wide, per district and per cell: what every prior strength shrinks. */
export interface DestinationCounts {
  destinations: Destination[];
  all: Map<string, Map<Destination, number>>;
  district: Map<string, Map<Destination, number>>;
  cell: Map<string, Map<Destination, number>>;
}

/** Counted once for a set of recoveries: the back-test's search over prior strengths fits many models on the same counts. */
export function destinationCounts(recovered: readonly RecoveredCount[]): DestinationCounts {
  const counts: DestinationCounts = {
    destinations: [...new Set(recovered.map((r) => r.destination))].sort(),
    all: new Map(),
    district: new Map(),
    cell: new Map(),
  };
  for (const r of recovered) {
    add(counts.all, String(r.threshold), r.destination, r.count);
    add(counts.district, districtKey(r.threshold, r.district), r.destination, r.count);
    add(counts.cell, cellKey(r.threshold, r), r.destination, r.count);
  }
  return counts;
}

/** Looks `key` up in `memo`, making and keeping it the first time. */
function memoised<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = make()));
  return value;
}

export function destinationModel(counts: DestinationCounts, priors: PriorStrengths): DestinationModel {
  const { destinations, all, district, cell } = counts;
  const even: Distribution = new Map(destinations.map((d) => [d, evenShare(destinations.length)]));
  // Each mix is worked out once per model: a district's is shared by all its cells.
  const stateWideMixes = new Map<string, Distribution>();
  const stateWide = (threshold: number) =>
    memoised(stateWideMixes, String(threshold), () => shrink(all.get(String(threshold)), even, basePseudoCounts(destinations.length)));
  const districtMixes = new Map<string, Distribution>();
  const cellMixes = new Map<string, Distribution>();
  return {
    destinations,
    distribution(c, threshold) {
      // Asked for every child group and every outcome scored: a mix already worked out costs one key.
      const key = cellKey(threshold, c);
      const known = cellMixes.get(key);
      if (known) return known;
      const ofDistrict = districtKey(threshold, c.district);
      const districtMix = memoised(districtMixes, ofDistrict, () =>
        shrink(district.get(ofDistrict), stateWide(threshold), priors.district),
      );
      const mix = shrink(cell.get(key), districtMix, priors.cell);
      cellMixes.set(key, mix);
      return mix;
    },
    overall: () => stateWide(0),
  };
}

/** What one destination's share for a cell is made of, whatever the prior strengths: its recoveries and all of them, at each level. */
export interface ShareCounts {
  stateWide: number;
  stateWideTotal: number;
  district: number;
  districtTotal: number;
  cell: number;
  cellTotal: number;
  /** The number of destinations, whose even mix the state-wide one is shrunk towards. */
  destinations: number;
}

/** The counts behind P(destination) for a child of this cell missing at least `threshold` days; none for a place never seen. */
export function shareCounts(counts: DestinationCounts, c: Cell, threshold: number, destination: Destination): ShareCounts | undefined {
  if (!counts.destinations.includes(destination)) return undefined;
  const all = counts.all.get(String(threshold));
  const district = counts.district.get(districtKey(threshold, c.district));
  const cell = counts.cell.get(cellKey(threshold, c));
  return {
    stateWide: all?.get(destination) ?? 0,
    stateWideTotal: totalOf(all),
    district: district?.get(destination) ?? 0,
    districtTotal: totalOf(district),
    cell: cell?.get(destination) ?? 0,
    cellTotal: totalOf(cell),
    destinations: counts.destinations.length,
  };
}

/**
 * `destinationModel(counts, priors).distribution(cell, threshold).get(destination)`, bit for bit, from its share
 * counts: the prior-strength search asks it of every child found, under every pair of strengths, and needs no other
 * destination's share.
 */
export function shareOf(s: ShareCounts, priors: PriorStrengths): number {
  const stateWide = shrunk(s.stateWide, s.stateWideTotal, evenShare(s.destinations), basePseudoCounts(s.destinations));
  const district = shrunk(s.district, s.districtTotal, stateWide, priors.district);
  return shrunk(s.cell, s.cellTotal, district, priors.cell);
}

/** Recovered children of one origin district found at one place (a town, with the destination it lies in). */
export interface TownCount {
  district: string;
  destination: Destination;
  town: string;
  count: number;
}

/**
 * P(town | destination) for a child of `district`: the district's own towns in that destination,
 * shrunk towards all MP districts' towns there (the home district has no state-wide mix: its towns are
 * the district's own).
 */
export function townModel(towns: readonly TownCount[], strength: number) {
  const byDistrict = new Map<string, Map<Destination, number>>();
  const byDestination = new Map<string, Map<Destination, number>>();
  for (const t of towns) {
    add(byDistrict, `${t.district}|${t.destination}`, t.town, t.count);
    if (t.destination !== HOME) add(byDestination, t.destination, t.town, t.count);
  }
  const mixes = new Map<string, Distribution>();
  return (district: string, destination: Destination): Distribution => {
    const key = `${district}|${destination}`;
    return memoised(mixes, key, () => {
      const own = byDistrict.get(key);
      const wide = destination === HOME ? own : byDestination.get(destination);
      return wide ? shrink(own, normalize(wide), destination === HOME ? 0 : strength) : new Map();
    });
  };
}
