import type { LeaderboardRow } from './leaderboard';

export type DistrictSortKey =
  | 'name'
  | 'reported'
  | 'recovered'
  | 'recoveryRate'
  | 'medianDays'
  | 'stillMissing'
  | 'overAhtuDays'
  | 'interstateShare'
  | 'change'
  | 'rankChange'
  | 'within30'
  | 'within120';

export interface DistrictSort {
  key: DistrictSortKey;
  descending: boolean;
}

function sortValue(row: LeaderboardRow, key: DistrictSortKey): string | number | null {
  return key === 'within30' || key === 'within120' ? row[key].share : row[key];
}

/** Sorted copy; empty values (no cases, no recoveries) always go last, ties break by name. */
export function sortDistricts<T extends LeaderboardRow>(rows: readonly T[], sort: DistrictSort): T[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
    return order !== 0 && x !== null ? sign * order : a.name.localeCompare(b.name);
  });
}
