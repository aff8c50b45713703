/**
 * The number of children, out of many each with their own probability, who are at a place: a sum of
 * independent Bernoulli trials (the Poisson-binomial distribution). Children in the same group share a
 * probability, so the input is (probability, count) pairs.
 */
export interface Trials {
  p: number;
  count: number;
}

export interface CountInterval {
  expected: number;
  lower: number;
  upper: number;
}

/**
 * Beyond this children × support the interval is the normal approximation. The rule dates from when the exact
 * distribution cost that many steps; it is kept so the planner's figures stay what they were (the README states it).
 */
export const EXACT_WORK = 4_000_000;

const Z = { 0.9: 1.6448536269514722, 0.95: 1.959963984540054 } as const;

/**
 * Central interval of the count: exact for up to EXACT_WORK children × support, else the normal approximation
 * with a continuity correction, which is within one child once the count is that spread out.
 */
export function poissonBinomialInterval(trials: readonly Trials[], level: 0.9 | 0.95 = 0.9): CountInterval {
  const expected = trials.reduce((s, t) => s + t.p * t.count, 0);
  const variance = trials.reduce((s, t) => s + t.p * (1 - t.p) * t.count, 0);
  const n = trials.reduce((s, t) => s + t.count, 0);
  const tail = (1 - level) / 2;
  const support = Math.min(n, Math.ceil(expected + 12 * Math.sqrt(variance) + 12));
  if (n * support <= EXACT_WORK) {
    const dist = exactDistribution(trials, support);
    return { expected, lower: quantile(dist, tail), upper: quantile(dist, 1 - tail) };
  }
  const sd = Math.sqrt(variance);
  return {
    expected,
    lower: Math.max(0, Math.floor(expected - Z[level] * sd + 0.5)),
    upper: Math.min(n, Math.ceil(expected + Z[level] * sd - 0.5)),
  };
}

/**
 * Children up to this likely to be at a place enter the distribution through its generating function; likelier
 * ones are added one at a time. Below it the power series of the generating function's logarithm shrinks at
 * least fourfold per term and its exponential is accurate; near p = 1 the series would not shrink at all.
 */
const SERIES_MAX_P = 0.2;
/** A term of the logarithm's series smaller than this moves no probability that the intervals can see. */
const NEGLIGIBLE_TERM = 1e-17;
/** Partial sums are scaled down past this, so a distribution centred far from 0 never overflows. */
const RESCALE_ABOVE = 1e250;

/**
 * P(count = k) for k = 0 … support (mass beyond `support` is negligible and dropped). The children unlikely to
 * be there (nearly all of them, for any one place) are taken together: the generating function of their count is
 * ∏ (q + p·z)^n ∝ exp(Σ_m (−1)^(m+1) z^m Σ n·(p/q)^m / m), whose exponential is unfolded term by term
 * (k·a_k = Σ_j j·L_j·a_(k−j)). That costs groups × terms + support × terms instead of children × support,
 * which made the planner's intervals the largest part of a filter change.
 */
export function exactDistribution(trials: readonly Trials[], support: number): Float64Array {
  const unlikely = trials.filter((t) => t.p > 0 && t.p <= SERIES_MAX_P && t.count > 0);
  const dist = unlikely.length ? seriesDistribution(unlikely, support) : new Float64Array(support + 1);
  if (!unlikely.length) dist[0] = 1;
  let top = unlikely.length ? support : 0;
  for (const { p, count } of trials) {
    // Unlikely children are in already; a child who cannot be there leaves the distribution exactly as it is.
    if (p <= SERIES_MAX_P) continue;
    for (let i = 0; i < count; i++) {
      top = Math.min(support, top + 1);
      for (let k = top; k > 0; k--) dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
      dist[0] *= 1 - p;
    }
  }
  return dist;
}

/** The distribution of the count of children each with 0 < p ≤ SERIES_MAX_P, from its generating function. */
function seriesDistribution(trials: readonly Trials[], support: number): Float64Array {
  const odds = trials.map((t) => t.p / (1 - t.p));
  const powers = trials.map((t) => t.count);
  // weighted[m] = m·L_m, the logarithm's terms as the recurrence uses them.
  const weighted = [0];
  for (let m = 1; m <= support; m++) {
    let sum = 0;
    for (let i = 0; i < powers.length; i++) sum += powers[i] *= odds[i];
    if (sum / m < NEGLIGIBLE_TERM) break;
    weighted.push(m % 2 ? sum : -sum);
  }
  const a = new Float64Array(support + 1);
  a[0] = 1;
  for (let k = 1; k <= support; k++) {
    let sum = 0;
    for (let j = Math.min(k, weighted.length - 1); j > 0; j--) sum += weighted[j] * a[k - j];
    a[k] = sum / k;
    if (a[k] > RESCALE_ABOVE) for (let i = 0; i <= k; i++) a[i] /= RESCALE_ABOVE;
  }
  // a is proportional to the distribution (a_0 stands for P(0) = ∏ q^n, which underflows for large counts): scaled
  // to its sum, as `support` holds all but a negligible share of the mass. Rounding can leave far-tail entries
  // (beyond every quantile asked for) a hair below zero.
  let total = 0;
  for (let k = 0; k <= support; k++) total += a[k] = Math.max(0, a[k]);
  for (let k = 0; k <= support; k++) a[k] /= total;
  return a;
}

/** Smallest k with P(count ≤ k) ≥ q. */
function quantile(dist: Float64Array, q: number): number {
  let cumulative = 0;
  for (let k = 0; k < dist.length; k++) {
    cumulative += dist[k];
    if (cumulative >= q - 1e-12) return k;
  }
  return dist.length - 1;
}
