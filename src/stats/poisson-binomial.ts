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

/** Beyond this many (trials × support) steps the exact convolution gives way to the normal approximation. */
const EXACT_WORK = 4_000_000;

const Z = { 0.9: 1.6448536269514722, 0.95: 1.959963984540054 } as const;

/**
 * Central interval of the count: exact (convolution of the trials' distribution) while that is cheap,
 * else the normal approximation with a continuity correction, which is within one child once the
 * standard deviation is large enough for the exact work to be expensive.
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

/** P(count = k) for k = 0 … support (mass beyond `support` is negligible and dropped). */
export function exactDistribution(trials: readonly Trials[], support: number): Float64Array {
  const dist = new Float64Array(support + 1);
  dist[0] = 1;
  let top = 0;
  for (const { p, count } of trials) {
    // A child who cannot be there leaves the distribution exactly as it is.
    if (p === 0) continue;
    for (let i = 0; i < count; i++) {
      top = Math.min(support, top + 1);
      for (let k = top; k > 0; k--) dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
      dist[0] *= 1 - p;
    }
  }
  return dist;
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
