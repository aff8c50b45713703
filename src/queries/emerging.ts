import { addDays, shiftMonths } from '../filters/dates';
import { EMPTY_FILTER, type Filter } from '../filters/filter';
import { sqlDate } from '../filters/sql';
import type { CorridorFlows, RecentMonths } from '../filters/url';
import { filterToPredicate } from '../filters/where';
import { corridorRecoveryPredicate, TARGET_KEY } from './corridors';
import { cubedQuery, queryFamily, toRows, type QueryContext } from './query';

/** A corridor's recent window is compared with its own previous twelve months. */
export const BASELINE_MONTHS = 12;

/** Emerging corridors are tested from each origin district to a destination state, and to a town. */
export const EMERGING_LEVELS = ['state', 'place'] as const;
export type EmergingLevel = (typeof EMERGING_LEVELS)[number];

export interface Period {
  from: string;
  to: string;
}

export interface EmergingWindows {
  recent: Period;
  baseline: Period;
}

/**
 * The recent window: the `months` calendar months ending on the as-of date, or on the date filter's
 * end when one is set (never after the as-of date); the baseline: the twelve months before it. A
 * month-end date keeps whole calendar months; a mid-month date keeps months of the same day.
 */
export function emergingWindows(filter: Filter, context: QueryContext, months: number): EmergingWindows {
  const end = filter.to && filter.to < context.asOf ? filter.to : context.asOf;
  const recentStart = shiftMonths(end, months);
  return {
    recent: { from: addDays(recentStart, 1), to: end },
    baseline: { from: addDays(shiftMonths(end, months + BASELINE_MONTHS), 1), to: recentStart },
  };
}

/** Recoveries on one corridor in the recent window and in its baseline. */
export interface CorridorWindowCount {
  origin: string;
  originName: string;
  originNameHi: string;
  /** The destination key, as the corridors query's `target` at the same level. */
  target: string;
  place: string;
  state: string;
  recent: number;
  baseline: number;
}

type Key = `${EmergingLevel}|${CorridorFlows}|${RecentMonths}`;

/**
 * Recoveries per corridor (by recovery date) in the two windows. The date filter sets where the window
 * ends; the filter's other fields apply as everywhere.
 */
export const emergingCountsQuery = queryFamily<Key, CorridorWindowCount[]>((key) => {
  const [level, flows, months] = key.split('|') as [EmergingLevel, CorridorFlows, string];
  const windows = (filter: Filter, context: QueryContext) => emergingWindows(filter, context, Number(months));
  const except = ['from', 'to'] as const;
  return cubedQuery({
    name: `emerging-${level}-${flows}-${months}`,
    except,
    plain: (filter, context) => {
      const { recent, baseline } = windows(filter, context);
      return windowCounts(
        level,
        `SELECT origin_district, ${TARGET_KEY[level]} AS target, any_value(recovery_place) AS place, any_value(recovery_state) AS state,
    count(*) FILTER (WHERE recovered_date >= ${sqlDate(recent.from)}) AS recent,
    count(*) FILTER (WHERE recovered_date <= ${sqlDate(baseline.to)}) AS baseline
  FROM cases
  WHERE ${filterToPredicate(filter, { except })} AND ${corridorRecoveryPredicate(level, flows)}
    AND recovered_date BETWEEN ${sqlDate(baseline.from)} AND ${sqlDate(recent.to)}
  GROUP BY origin_district, target`,
      );
    },
    // The cube counts the windows of the unfiltered snapshot: a date filter ending earlier moves them.
    usable: (filter, context) => windows(filter, context).recent.to === windows(EMPTY_FILTER, context).recent.to,
    // The origin district is among the filter's columns already.
    groups: () => [`${TARGET_KEY[level]} AS target`],
    measures: (context) => {
      const { recent, baseline } = windows(EMPTY_FILTER, context);
      return [
        'any_value(recovery_place) AS place',
        'any_value(recovery_state) AS state',
        `CAST(count(*) FILTER (WHERE recovered_date >= ${sqlDate(recent.from)}) AS INTEGER) AS recent`,
        `CAST(count(*) FILTER (WHERE recovered_date <= ${sqlDate(baseline.to)}) AS INTEGER) AS baseline`,
      ];
    },
    where: (context) => {
      const { recent, baseline } = windows(EMPTY_FILTER, context);
      return `${corridorRecoveryPredicate(level, flows)} AND recovered_date BETWEEN ${sqlDate(baseline.from)} AND ${sqlDate(recent.to)}`;
    },
    rollup: (cube) =>
      windowCounts(
        level,
        `SELECT origin_district, target, any_value(place) AS place, any_value(state) AS state, sum(recent) AS recent,
    sum(baseline) AS baseline
  FROM ${cube} GROUP BY origin_district, target`,
      ),
    decode: (table) => toRows<CorridorWindowCount>(table),
  });
});

/** Each corridor's counts in the two windows (`w`), named. */
function windowCounts(level: EmergingLevel, w: string): string {
  return `
WITH w AS (${w})
SELECT w.origin_district AS origin, d.name AS "originName", d.name_hi AS "originNameHi", w.target,
  ${level === 'state' ? 'w.state' : 'w.place'} AS place, w.state,
  CAST(w.recent AS INTEGER) AS recent, CAST(w.baseline AS INTEGER) AS baseline
FROM w JOIN districts d ON d.id = w.origin_district
ORDER BY w.recent DESC, w.origin_district, w.target`;
}

/** The family's key for a level, flows and recent window. */
export function emergingKey(level: EmergingLevel, flows: CorridorFlows, months: RecentMonths): Key {
  return `${level}|${flows}|${months}`;
}
