import { useMemo } from 'react';
import { useQuery, useShownWith } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { districtMonthsQuery, districtsQuery } from '../../queries/districts';
import { survivalCountsQuery } from '../../queries/survival';
import { suppressTable } from '../../stats/suppression';
import { buildLeaderboard, type LeaderboardRow } from './leaderboard';

/** A row with the counts that secondary suppression hides beside a small one (reported = recovered + still missing). */
export interface ShownRow extends LeaderboardRow {
  hidden: { reported: boolean; recovered: boolean; stillMissing: boolean };
}

const COUNTED = ['recovered', 'stillMissing'] as const;

function withSuppression(rows: LeaderboardRow[], suppressing: boolean): ShownRow[] {
  if (!suppressing) return rows.map((r) => ({ ...r, hidden: { reported: false, recovered: false, stillMissing: false } }));
  // The headline prints the column totals and the reported column the row totals.
  const { cells, rowTotals } = suppressTable(rows.map((r) => COUNTED.map((key) => r[key])));
  return rows.map((r, i) => ({ ...r, hidden: { reported: rowTotals[i], recovered: cells[i][0], stillMissing: cells[i][1] } }));
}

/**
 * The 55 districts for the location's filter and comparison, with what suppression hides when it is on, and
 * the filter's districts as of these rows (marked in the table).
 */
export function useLeaderboard(): { rows: ShownRow[]; selectedDistricts: readonly string[]; error?: string } {
  const { filter, settings } = useLocation();
  const { suppressing } = useT();
  const board = useQuery(districtsQuery(settings.compare), filter);
  const survival = useQuery(survivalCountsQuery('district'), filter);
  const months = useQuery(districtMonthsQuery, filter);
  const rows = useMemo(
    () =>
      withSuppression(
        board.data && survival.data && months.data ? buildLeaderboard(board.data, survival.data, months.data) : [],
        suppressing,
      ),
    [board.data, survival.data, months.data, suppressing],
  );
  const selectedDistricts = useShownWith(filter.districts, board);
  const failed = [board, survival, months].find((r) => r.status === 'error');
  return { rows, selectedDistricts, error: failed?.status === 'error' ? failed.error : undefined };
}
