import { sqlDate } from '../filters/sql';
import { filterToPredicate } from '../filters/where';
import { cubedQuery, monthGroup, toRows, type QueryDef } from './query';

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
export const timelineQuery: QueryDef<TimelineMonth[]> = {
  name: 'timeline',
  sql: (filter, { firstMissing }) => `
WITH f AS (SELECT missing_date, recovered_date FROM cases WHERE ${filterToPredicate(filter)}),
reported AS (SELECT ${MISSING_MONTH.key} AS first_day, count(*) AS n FROM f GROUP BY first_day),
recovered AS (SELECT ${RECOVERED_MONTH.key} AS first_day, count(*) AS n FROM f WHERE recovered_date IS NOT NULL GROUP BY first_day),
months AS (
  SELECT ${MISSING_MONTH.label('first_day')} AS month, coalesce(r.n, 0) AS reported, coalesce(v.n, 0) AS recovered,
    CAST(first_day AS DATE) + 14 - ${sqlDate(filter.from ?? firstMissing)} AS mid_month_days
  FROM reported r FULL JOIN recovered v USING (first_day)
),
delays AS (SELECT recovered_date - missing_date AS days, count(*) AS n FROM f WHERE recovered_date IS NOT NULL GROUP BY days),
shares AS (
  SELECT m.month, sum(d.n) FILTER (WHERE d.days > m.mid_month_days) / (SELECT nullif(sum(n), 0) FROM delays) AS missed
  FROM months m CROSS JOIN delays d GROUP BY m.month
)
SELECT m.month, CAST(m.reported AS INTEGER) AS reported, CAST(m.recovered AS INTEGER) AS recovered,
  CAST(coalesce(s.missed, 0) AS DOUBLE) AS "missedShare"
FROM months m LEFT JOIN shares s USING (month)
ORDER BY m.month`,
  decode: (table) => toRows<TimelineMonth>(table),
};

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
