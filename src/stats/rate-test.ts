/**
 * Is a corridor's recent rate of recoveries higher than its own baseline? Given the total count n over
 * both windows, the recent count is binomial with p = recent time / total time when the rate has not
 * changed (the exact conditional test for two Poisson rates, as R's `poisson.test`). Many corridors are
 * tested at once, so p-values are turned into Benjamini–Hochberg q-values (false-discovery rate).
 */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * log C(n, i) for i = 0 … n, for the last n asked: an interval bisects on p a hundred times over the same n, and
 * the log-gamma terms are the costly part of every binomial term. One n is kept, so memory stays bounded.
 */
let lastChoose: { n: number; row: Float64Array } | undefined;
function logChoose(n: number): Float64Array {
  if (lastChoose?.n !== n) {
    const row = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) row[i] = logGamma(n + 1) - logGamma(i + 1) - logGamma(n - i + 1);
    lastChoose = { n, row };
  }
  return lastChoose.row;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const choose = logChoose(n);
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(choose[i] + i * logP + (n - i) * logQ);
  return Math.min(1, sum);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  return k >= n ? 1 : 1 - binomialUpperTail(k + 1, n, p);
}

/** The p at which a decreasing (in p) or increasing tail probability equals `target`, by bisection. */
function solve(tail: (p: number) => number, target: number, increasing: boolean): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) < target === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface RateComparison {
  recent: number;
  baseline: number;
  /** Lengths of the two windows, in the same unit (months). */
  recentMonths: number;
  baselineMonths: number;
}

export interface RateIncrease {
  /** One-sided p-value for a higher recent rate. */
  pValue: number;
  /** Recent rate ÷ baseline rate (Infinity with no baseline count). */
  rateRatio: number;
  /** Exact (Clopper–Pearson) 95% interval of the rate ratio. */
  lower: number;
  upper: number;
}

export function rateIncreaseTest({ recent, baseline, recentMonths, baselineMonths }: RateComparison, confidence = 0.95): RateIncrease {
  const n = recent + baseline;
  const p0 = recentMonths / (recentMonths + baselineMonths);
  const alpha = (1 - confidence) / 2;
  const odds = (p: number) => (p >= 1 ? Infinity : (p / (1 - p)) * (baselineMonths / recentMonths));
  const pLower = recent === 0 ? 0 : solve((p) => binomialUpperTail(recent, n, p), alpha, true);
  const pUpper = recent === n ? 1 : solve((p) => binomialLowerTail(recent, n, p), alpha, false);
  return {
    pValue: binomialUpperTail(recent, n, p0),
    rateRatio: baseline === 0 ? (recent === 0 ? NaN : Infinity) : recent / recentMonths / (baseline / baselineMonths),
    lower: odds(pLower),
    upper: odds(pUpper),
  };
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, (p * m) / rank);
    q[i] = running;
  }
  return q;
}
