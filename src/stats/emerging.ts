import { benjaminiHochberg, rateIncreaseTest, type RateIncrease } from './rate-test';

/** A new corridor (nothing in the baseline) is listed from this many recent recoveries; one alone is noise. */
export const MIN_NEW_COUNT = 2;

export interface WindowCounts {
  recent: number;
  baseline: number;
}

export type Alert<T> = T & RateIncrease & { qValue: number };

export interface EmergingCorridors<T> {
  /** Corridors with a baseline, each tested for an increase. */
  tested: number;
  /** Tested corridors whose q-value is at most the false-discovery rate, strongest first. */
  alerts: Alert<T>[];
  /** Corridors with no baseline recovery and at least MIN_NEW_COUNT recent ones: no p-value is possible. */
  fresh: T[];
}

/**
 * Emerging corridors: every corridor with a baseline count gets the exact one-sided test of its recent
 * rate against its baseline rate, and the p-values of all of them are adjusted together
 * (Benjamini–Hochberg); corridors new in the recent window are listed apart.
 */
export function emergingCorridors<T extends WindowCounts>(
  rows: readonly T[],
  recentMonths: number,
  baselineMonths: number,
  falseDiscoveryRate = 0.1,
): EmergingCorridors<T> {
  const tested = rows.filter((r) => r.baseline > 0);
  const results = tested.map((r) => rateIncreaseTest({ recent: r.recent, baseline: r.baseline, recentMonths, baselineMonths }));
  const q = benjaminiHochberg(results.map((r) => r.pValue));
  const alerts = tested
    .map((row, i) => ({ ...row, ...results[i], qValue: q[i] }))
    .filter((a) => a.qValue <= falseDiscoveryRate)
    .sort((a, b) => a.qValue - b.qValue || b.recent - a.recent);
  const fresh = rows.filter((r) => r.baseline === 0 && r.recent >= MIN_NEW_COUNT).sort((a, b) => b.recent - a.recent);
  return { tested: tested.length, alerts, fresh };
}
