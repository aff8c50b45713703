import type { InterstateRecovery } from '../../queries/summary';
import { suppressTable } from '../../stats/suppression';

/** The month's interstate recoveries of one origin district at one destination, as the public version shows them. */
export interface InterstateRoute {
  origin: string;
  originName: string;
  originNameHi: string;
  place: string | null;
  state: string;
  children: number;
  /** Median km from the police station to the recovery place; null when no recovery place was located. */
  km: number | null;
  medianDays: number;
  /** The count is shown as "<5": small itself, or hidden so the total cannot give a small one away. */
  hidden: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The case lines grouped by origin district and destination (town, state), in the case lines' order, with
 * the counts a printed total would let a reader work back out hidden too.
 */
export function interstateRoutes(cases: readonly InterstateRecovery[]): InterstateRoute[] {
  const groups = new Map<string, InterstateRecovery[]>();
  for (const c of cases) {
    const key = `${c.origin}|${c.state}|${c.place ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const routes = [...groups.values()].map((group) => {
    const [first] = group;
    const kms = group.flatMap((c) => (c.km === null ? [] : [c.km]));
    return {
      origin: first.origin,
      originName: first.originName,
      originNameHi: first.originNameHi,
      place: first.place,
      state: first.state,
      children: group.length,
      km: kms.length ? Math.round(median(kms)) : null,
      medianDays: median(group.map((c) => c.days)),
    };
  });
  const { cells } = suppressTable(
    routes.map((r) => [r.children]),
    { rowTotals: false, columnTotals: true },
  );
  return routes.map((r, i) => ({ ...r, hidden: cells[i][0] }));
}

/** The farthest recoveries first; ties by fewer days. */
export function byDistance<T extends { km: number | null; medianDays?: number; days?: number }>(rows: readonly T[], limit: number): T[] {
  const days = (r: T) => r.medianDays ?? r.days ?? 0;
  return rows
    .filter((r) => r.km !== null)
    .sort((a, b) => b.km! - a.km! || days(a) - days(b))
    .slice(0, limit);
}
