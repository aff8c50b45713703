import { sqlDate } from '../filters/sql';
import { filterToPredicate } from '../filters/where';
import { toRows, type QueryDef } from './query';

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
events AS (
  SELECT strftime(missing_date, '%Y-%m') AS month, 1 AS reported, 0 AS recovered FROM f
  UNION ALL
  SELECT strftime(recovered_date, '%Y-%m'), 0, 1 FROM f WHERE recovered_date IS NOT NULL
),
months AS (SELECT month, sum(reported) AS reported, sum(recovered) AS recovered FROM events GROUP BY month),
delays AS (SELECT recovered_date - missing_date AS days, count(*) AS n FROM f WHERE recovered_date IS NOT NULL GROUP BY days),
shares AS (
  SELECT m.month, sum(d.n) FILTER (WHERE d.days > CAST(m.month || '-15' AS DATE) - ${sqlDate(filter.from ?? firstMissing)})
    / (SELECT nullif(sum(n), 0) FROM delays) AS missed
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
export const reportedMonthsQuery: QueryDef<MonthCount[]> = {
  name: 'reported-months',
  sql: (filter) => `
SELECT strftime(missing_date, '%Y-%m') AS month, CAST(count(*) AS INTEGER) AS reported,
  CAST(count(recovered_date) AS INTEGER) AS recovered
FROM cases WHERE ${filterToPredicate(filter, { except: ['from', 'to'] })}
GROUP BY month ORDER BY month`,
  decode: (table) => toRows<MonthCount>(table),
};
