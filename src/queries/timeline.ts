import { filterToPredicate } from '../filters/where';
import { toRows, type QueryDef } from './query';

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  reported: number;
  recovered: number;
}

/** Filtered cases reported in each month (by missing date) and recovered in each month (by recovery date). */
export const timelineQuery: QueryDef<MonthCount[]> = {
  name: 'timeline',
  sql: (filter) => `
WITH f AS (SELECT missing_date, recovered_date FROM cases WHERE ${filterToPredicate(filter)}),
events AS (
  SELECT strftime(missing_date, '%Y-%m') AS month, 1 AS reported, 0 AS recovered FROM f
  UNION ALL
  SELECT strftime(recovered_date, '%Y-%m'), 0, 1 FROM f WHERE recovered_date IS NOT NULL
)
SELECT month, CAST(sum(reported) AS INTEGER) AS reported, CAST(sum(recovered) AS INTEGER) AS recovered
FROM events GROUP BY month ORDER BY month`,
  decode: (table) => toRows<MonthCount>(table),
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
