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

/** The case lines grouped by origin district and destination (town, state), in the case lines' order. */
export function interstateRoutes(cases: readonly InterstateRecovery[]): Omit<InterstateRoute, 'hidden'>[] {
  const groups = new Map<string, InterstateRecovery[]>();
  for (const c of cases) {
    const key = `${c.origin}|${c.state}|${c.place ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((group) => {
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
}

/** A district row of the summary: its id and its counts, in the table's column order. */
export interface DistrictCounts {
  id: string;
  counts: number[];
}

/**
 * What the public summary hides, its two tables read together: the routes of a district add up to that
 * district's interstate count in the district table, and all routes to the printed interstate total, so a
 * count hidden in one table must not be recoverable from the other. Each table is suppressed with the other's
 * hidden interstate counts marked, until neither hides anything new.
 */
export function pressNoteSuppression(
  routes: readonly Omit<InterstateRoute, 'hidden'>[],
  districts: readonly DistrictCounts[],
  interstateColumn: number,
): { routes: InterstateRoute[]; districtCells: boolean[][]; districtTotals: boolean[] } {
  // A route whose district row is not (yet) there still counts, as a row of its own whose total is printed.
  const origins = [...new Set([...districts.map((d) => d.id), ...routes.map((r) => r.origin)])];
  const rowOf = new Map(origins.map((id, i) => [id, i]));
  const destinations = [...new Set(routes.map((r) => `${r.state}|${r.place ?? ''}`))];
  const columnOf = new Map(destinations.map((d, j) => [d, j]));
  const matrix = origins.map(() => destinations.map(() => 0));
  for (const r of routes) matrix[rowOf.get(r.origin)!][columnOf.get(`${r.state}|${r.place ?? ''}`)!] = r.children;
  // The augmented grid's hidden row totals (the last column) mark districts whose interstate count is hidden.
  const hiddenTotals = (hiddenRows: boolean[]) => [...hiddenRows, false].map((h) => [...destinations.map(() => false), h]);
  let interstateHidden = origins.map(() => false);
  for (;;) {
    const byRoute = suppressTable(matrix, { rowTotals: true, columnTotals: false, total: true }, hiddenTotals(interstateHidden));
    const byDistrict = suppressTable(
      districts.map((d) => d.counts),
      { rowTotals: false, columnTotals: true },
      districts.map((_, i) => districts[0].counts.map((__, j) => j === interstateColumn && byRoute.rowTotals[i])),
    );
    const next = origins.map((_, i) => (i < districts.length ? byDistrict.cells[i][interstateColumn] : byRoute.rowTotals[i]));
    if (next.every((h, i) => h === interstateHidden[i])) {
      return {
        routes: routes.map((r) => ({ ...r, hidden: byRoute.cells[rowOf.get(r.origin)!][columnOf.get(`${r.state}|${r.place ?? ''}`)!] })),
        districtCells: byDistrict.cells,
        districtTotals: byDistrict.columnTotals,
      };
    }
    interstateHidden = next;
  }
}

/** The farthest recoveries first; ties by fewer days. */
export function byDistance<T extends { km: number | null; medianDays?: number; days?: number }>(rows: readonly T[], limit: number): T[] {
  const days = (r: T) => r.medianDays ?? r.days ?? 0;
  return rows
    .filter((r) => r.km !== null)
    .sort((a, b) => b.km! - a.km! || days(a) - days(b))
    .slice(0, limit);
}
