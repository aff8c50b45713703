import { sqlDate } from '../filters/sql';
import { filterToPredicate } from '../filters/where';
import { cubedQuery, monthGroup, toRows } from './query';

const MISSING_MONTH = monthGroup('missing_date');
const RECOVERED_MONTH = monthGroup('recovered_date');

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  reported: number;
  recovered: number;
}

export interface TimelineMonth extends MonthCount {
  /**
   * Estimated share of the month's recoveries that are missing because those children went missing
   * before the period starts: the share of observed delays longer than the time from the start to mid-month.
   */
  missedShare: number;
}

/**
 * Filtered cases reported in each month (by missing date) and recovered in each month (by recovery
 * date). Recoveries early in the period lack the children who went missing before it: `missedShare`
 * estimates how much, from the delays seen in the same cases.
 */
export const timelineQuery = cubedQuery<TimelineMonth[]>({
  name: 'timeline',
  plain: (filter, { firstMissing }) => {
    const from = filter.from ?? firstMissing;
    return timeline({
      f: `SELECT missing_date, recovered_date FROM cases WHERE ${filterToPredicate(filter)}`,
      reported: `SELECT ${MISSING_MONTH.key} AS first_day, count(*) AS n FROM f GROUP BY first_day`,
      recovered: `SELECT ${RECOVERED_MONTH.key} AS first_day, count(*) AS n FROM f WHERE recovered_date IS NOT NULL GROUP BY first_day`,
      // By day first: a few thousand groups of integers cost less than a month worked out for every case.
      delays: `SELECT ${reachesBackThrough(from, 'days')} AS back_through, sum(n) AS n FROM (
  SELECT recovered_date - missing_date AS days, count(*) AS n FROM f WHERE recovered_date IS NOT NULL GROUP BY days
) GROUP BY back_through`,
    });
  },
  // Each count apart: a row of the cube is counted by one of them, the others NULL. The cube is read only when no
  // date is set, so its delays reach back from the snapshot's first day.
  groups: ({ firstMissing }) => [
    `${MISSING_MONTH.key} AS missing_month`,
    `${RECOVERED_MONTH.key} AS recovered_month`,
    `${reachesBackThrough(firstMissing, 'recovered_date - missing_date')} AS back_through`,
  ],
  apart: true,
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  rollup: (cube) =>
    timeline({
      // One pass over the cube's rows, adding up its filter columns' groups; the counts below read the few left.
      f: `SELECT missing_month, recovered_month, back_through, sum(n) AS n FROM ${cube} GROUP BY ALL`,
      reported: 'SELECT missing_month AS first_day, sum(n) AS n FROM f WHERE missing_month IS NOT NULL GROUP BY first_day',
      recovered: 'SELECT recovered_month AS first_day, sum(n) AS n FROM f WHERE recovered_month IS NOT NULL GROUP BY first_day',
      delays: 'SELECT back_through, sum(n) AS n FROM f WHERE back_through IS NOT NULL GROUP BY back_through',
    }),
  decode: (table) => toRows<TimelineMonth>(table),
});

/**
 * For a recovered child missing `days`, the last month (its first day) whose mid-month lies fewer than `days` days
 * after `from`: recovered then, a child missing as long would have gone missing before the period. A delay of d days
 * is longer than mid-month's days in, first_day + 14 - from, exactly when first_day <= from + d - 15; so the delays
 * are counted by month, not by day (a few hundred groups rather than thousands).
 */
function reachesBackThrough(from: string, days: string): string {
  return monthGroup(`${sqlDate(from)} + CAST(${days} - 15 AS INTEGER)`).key;
}

/**
 * The timeline from the filtered cases `f`, their counts by month reported and by month recovered, and the recovered
 * ones by the last month their delay reaches back before the period from (`back_through`).
 */
function timeline(counts: { f: string; reported: string; recovered: string; delays: string }): string {
  return `
WITH f AS (${counts.f}),
reported AS (${counts.reported}),
recovered AS (${counts.recovered}),
months AS (
  SELECT ${MISSING_MONTH.label('first_day')} AS month, first_day, coalesce(r.n, 0) AS reported, coalesce(v.n, 0) AS recovered
  FROM reported r FULL JOIN recovered v USING (first_day)
),
delays AS (${counts.delays}),
shares AS (
  SELECT m.month, sum(d.n) FILTER (WHERE d.back_through >= m.first_day) / (SELECT nullif(sum(n), 0) FROM delays) AS missed
  FROM months m CROSS JOIN delays d GROUP BY m.month
)
SELECT m.month, CAST(m.reported AS INTEGER) AS reported, CAST(m.recovered AS INTEGER) AS recovered,
  CAST(coalesce(s.missed, 0) AS DOUBLE) AS "missedShare"
FROM months m LEFT JOIN shares s USING (month)
ORDER BY m.month`;
}

/**
 * Cases reported per month over the whole snapshot, ignoring the date filter: the timeline that the
 * date range is brushed on and that playback steps through.
 */
export const reportedMonthsQuery = cubedQuery<MonthCount[]>({
  name: 'reported-months',
  except: ['from', 'to'],
  plain: (filter) => `
SELECT ${MISSING_MONTH.label('first_day')} AS month, CAST(count(*) AS INTEGER) AS reported,
  CAST(count(recovered_date) AS INTEGER) AS recovered
FROM (SELECT ${MISSING_MONTH.key} AS first_day, recovered_date FROM cases
  WHERE ${filterToPredicate(filter, { except: ['from', 'to'] })})
GROUP BY first_day ORDER BY month`,
  groups: () => [`${MISSING_MONTH.key} AS first_day`],
  measures: () => ['CAST(count(*) AS INTEGER) AS n', 'CAST(count(recovered_date) AS INTEGER) AS recovered_count'],
  rollup: (cube) => `
SELECT ${MISSING_MONTH.label('first_day')} AS month, CAST(sum(n) AS INTEGER) AS reported, CAST(sum(recovered_count) AS INTEGER) AS recovered
FROM ${cube}
GROUP BY first_day ORDER BY month`,
  decode: (table) => toRows<MonthCount>(table),
});
