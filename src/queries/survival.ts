import { OUTCOME_FIELDS } from '../filters/filter';
import { sqlDate, sqlString } from '../filters/sql';
import type { SurvivalGroup } from '../filters/url';
import { ageBandExpression, filterToPredicate } from '../filters/where';
import { HOME_STATE } from '../geo/states';
import type { CompetingCount } from '../stats/cumulative-incidence';
import type { SurvivalCount } from '../stats/kaplan-meier';
import { cubedQuery, queryFamily, toRows } from './query';

export interface GroupedSurvivalCount extends SurvivalCount {
  group: string;
}

const GROUP_EXPRESSION: Record<SurvivalGroup, string> = {
  none: "'all'",
  sex: 'sex',
  age: ageBandExpression(),
  district: 'origin_district',
};

/** Days from going missing to recovery, or to the as-of date for a child still missing (censored there). */
const followUpDays = (asOf: string) => `CAST(coalesce(recovered_date, ${sqlDate(asOf)}) - missing_date AS INTEGER)`;

/**
 * Follow-up days per group and day, counted as recoveries or censorings: the input of the Kaplan–Meier
 * estimator. Outcome filters are never applied (see OUTCOME_FIELDS); the district grouping also ignores
 * the district filter so every district gets its own curve. The rows are not sorted: the estimator sorts
 * each group's days itself, and sorting a lakh of district-days took about half the query (1M cases).
 */
export const survivalCountsQuery = queryFamily<SurvivalGroup, GroupedSurvivalCount[]>((group) => {
  const except = group === 'district' ? [...OUTCOME_FIELDS, 'districts' as const] : OUTCOME_FIELDS;
  return cubedQuery({
    name: `survival-${group}`,
    except,
    plain: (filter, { asOf }) => `
SELECT ${GROUP_EXPRESSION[group]} AS "group",
  ${followUpDays(asOf)} AS time,
  CAST(count(recovered_date) AS INTEGER) AS events,
  CAST(count(*) - count(recovered_date) AS INTEGER) AS censored
FROM cases
WHERE ${filterToPredicate(filter, { except })}
  AND ${GROUP_EXPRESSION[group]} IS NOT NULL
GROUP BY ALL`,
    groups: ({ asOf }) => [`${GROUP_EXPRESSION[group]} AS survival_group`, `${followUpDays(asOf)} AS time`],
    measures: () => ['CAST(count(recovered_date) AS INTEGER) AS events', 'CAST(count(*) - count(recovered_date) AS INTEGER) AS censored'],
    where: () => `${GROUP_EXPRESSION[group]} IS NOT NULL`,
    rollup: (cube) => `
SELECT survival_group AS "group", time, CAST(sum(events) AS INTEGER) AS events, CAST(sum(censored) AS INTEGER) AS censored
FROM ${cube}
GROUP BY ALL`,
    decode: (table) => toRows<GroupedSurvivalCount>(table),
    unordered: true,
  });
});

/** Where a child was recovered, as competing outcomes; the index is the `cause` of a CompetingCount. */
export const RECOVERY_PLACES = ['home', 'mp', 'interstate', 'unknown'] as const;
export type RecoveryPlace = (typeof RECOVERY_PLACES)[number];

const RECOVERY_PLACE_EXPRESSION = `CASE
    WHEN recovered_date IS NULL THEN NULL
    WHEN recovery_state IS NULL THEN ${RECOVERY_PLACES.indexOf('unknown')}
    WHEN recovery_state = ${sqlString(HOME_STATE)} AND recovery_district = origin_district THEN ${RECOVERY_PLACES.indexOf('home')}
    WHEN recovery_state = ${sqlString(HOME_STATE)} THEN ${RECOVERY_PLACES.indexOf('mp')}
    ELSE ${RECOVERY_PLACES.indexOf('interstate')} END`;

/**
 * Follow-up days per day and outcome (recovered in the home district, elsewhere in MP, in another
 * state, at a place whose state is not known; NULL = still missing, censored): the input of the
 * Aalen–Johansen estimator. Outcome filters are not applied, as for every survival estimate.
 */
export const recoveryPlaceCountsQuery = cubedQuery<CompetingCount[]>({
  name: 'recovery-place-counts',
  except: OUTCOME_FIELDS,
  plain: (filter, { asOf }) => `
SELECT ${followUpDays(asOf)} AS time, ${RECOVERY_PLACE_EXPRESSION} AS cause, CAST(count(*) AS INTEGER) AS count
FROM cases
WHERE ${filterToPredicate(filter, { except: OUTCOME_FIELDS })}
GROUP BY ALL
ORDER BY time, cause`,
  groups: ({ asOf }) => [`${followUpDays(asOf)} AS time`, `${RECOVERY_PLACE_EXPRESSION} AS cause`],
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  rollup: (cube) => `SELECT time, cause, CAST(sum(n) AS INTEGER) AS count FROM ${cube} GROUP BY ALL ORDER BY time, cause`,
  decode: (table) => toRows<CompetingCount>(table),
});

/** Splits grouped counts into one list per group (in no set order, as the rows come); the rows themselves, not copies. */
export function countsByGroup(rows: readonly GroupedSurvivalCount[]): Map<string, SurvivalCount[]> {
  const groups = new Map<string, SurvivalCount[]>();
  for (const row of rows) {
    const list = groups.get(row.group);
    if (list) list.push(row);
    else groups.set(row.group, [row]);
  }
  return groups;
}

export const RECOVERY_DAY_BINS: [label: string, lo: number, hi: number | null][] = [
  ['0–1', 0, 1],
  ['2–7', 2, 7],
  ['8–14', 8, 14],
  ['15–30', 15, 30],
  ['31–60', 31, 60],
  ['61–90', 61, 90],
  ['91–120', 91, 120],
  ['121–180', 121, 180],
  ['181–365', 181, 365],
  ['>365', 366, null],
];

export interface DayBin {
  bin: string;
  count: number;
}

/** Days to recovery among the recovered, in the bins officers use (weeks, months, the 120-day rule). */
export const recoveryDaysQuery = cubedQuery<DayBin[]>({
  name: 'recovery-days',
  // Counted per day first: the bins are worked out for a few thousand days, not for every child.
  plain: (filter) =>
    binnedDays(`
  SELECT recovered_date - missing_date AS d, count(*) AS n
  FROM cases WHERE ${filterToPredicate(filter)} AND recovered_date IS NOT NULL
  GROUP BY d`),
  groups: () => ['recovered_date - missing_date AS d'],
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  where: () => 'recovered_date IS NOT NULL',
  rollup: (cube) => binnedDays(`SELECT d, sum(n) AS n FROM ${cube} GROUP BY d`),
  decode: (table) => toRows<DayBin>(table),
});

/** The bins from `days`, a query of recoveries (`n`) per day (`d`). */
function binnedDays(days: string): string {
  const arms = RECOVERY_DAY_BINS.map(([, lo, hi], i) => `WHEN d >= ${lo}${hi === null ? '' : ` AND d <= ${hi}`} THEN ${i}`).join(' ');
  const labels = RECOVERY_DAY_BINS.map(([label], i) => `(${i}, ${sqlString(label)})`).join(', ');
  return `
WITH days AS (${days}),
binned AS (SELECT CASE ${arms} END AS bin_index, sum(n) AS n FROM days GROUP BY bin_index),
bins AS (SELECT * FROM (VALUES ${labels}) AS b(bin_index, bin))
SELECT bins.bin, CAST(coalesce(binned.n, 0) AS INTEGER) AS count
FROM bins LEFT JOIN binned USING (bin_index)
ORDER BY bins.bin_index`;
}
