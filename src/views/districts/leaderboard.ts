import type { DistrictMonth, DistrictRow } from '../../queries/districts';
import { countsByGroup, type GroupedSurvivalCount } from '../../queries/survival';
import { AHTU_DAYS } from '../../queries/districts';
import { atRiskAt, productLimit, recoveredWithin } from '../../stats/kaplan-meier';

/** Kaplan–Meier share recovered within a number of days, with the children still at risk then. */
export interface RecoveredWithin {
  share: number | null;
  atRisk: number;
}

export interface LeaderboardRow extends DistrictRow {
  /** Kaplan–Meier median days to recovery; null when fewer than half were recovered. */
  medianDays: number | null;
  within30: RecoveredWithin;
  within120: RecoveredWithin;
  /** Reported now minus reported in the previous period. */
  change: number | null;
  /** Places moved up (positive) or down since the previous period. */
  rankChange: number | null;
  /** Reported per month over `months`. */
  monthly: number[];
}

/** Every month from the first to the last, as YYYY-MM. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [endYear, endMonth] = last.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

export function buildLeaderboard(
  districts: readonly DistrictRow[],
  survival: readonly GroupedSurvivalCount[],
  monthly: readonly DistrictMonth[],
): LeaderboardRow[] {
  const curves = countsByGroup(survival);
  const allMonths = monthly.map((m) => m.month).sort();
  const months = allMonths.length ? monthRange(allMonths[0], allMonths[allMonths.length - 1]) : [];
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const series = new Map<string, number[]>();
  for (const m of monthly) {
    const values = series.get(m.district) ?? new Array<number>(months.length).fill(0);
    values[monthIndex.get(m.month)!] = m.reported;
    series.set(m.district, values);
  }
  return districts.map((d) => {
    const curve = productLimit(curves.get(d.id) ?? []);
    const within = (days: number): RecoveredWithin => ({ share: recoveredWithin(curve, days), atRisk: atRiskAt(curve, days) });
    return {
      ...d,
      medianDays: curve.median,
      within30: within(30),
      within120: within(AHTU_DAYS),
      change: d.previousReported === null ? null : d.reported - d.previousReported,
      rankChange: d.previousRank === null ? null : d.previousRank - d.rank,
      monthly: series.get(d.id) ?? new Array<number>(months.length).fill(0),
    };
  });
}
