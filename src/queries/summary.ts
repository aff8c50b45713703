import { addYears, monthBounds, shiftMonths } from '../filters/dates';
import { OUTCOME_FIELDS, type Filter } from '../filters/filter';
import { sqlDate, sqlString } from '../filters/sql';
import { ageBandExpression, filterToPredicate } from '../filters/where';
import { HOME_STATE } from '../geo/states';
import { kmBetweenSql } from './planner';
import { queryFamily, toRows, type QueryContext } from './query';

/**
 * The facts of the monthly press note: children reported missing in a month (by missing date) and children
 * recovered in it (by recovery date, whenever they went missing). The filter chooses the children (sex, age,
 * district); its dates are replaced by the month, and its outcome fields (status, scope, recovery state) are
 * left out: they would turn "reported missing" into "reported and later recovered there". Dates carry no time of day, so "within 24 hours" is
 * recovered the same or the next day and "within 48 hours" by the day after that.
 */
export const WITHIN_24H_DAYS = 1;
export const WITHIN_48H_DAYS = 2;

/** The month the summary is for: the chosen one, or the last whole month up to the as-of date. */
export function summaryMonth(chosen: string | undefined, context: QueryContext): string {
  if (chosen) return chosen;
  const [, last] = monthBounds(context.asOf);
  return (last === context.asOf ? context.asOf : shiftMonths(context.asOf, 1)).slice(0, 7);
}

/** The month, the month before and the same month a year earlier, as [from, to] dates. */
export function summaryPeriods(month: string) {
  const current = monthBounds(month);
  return {
    current,
    previous: monthBounds(shiftMonths(current[0], 1)),
    lastYear: monthBounds(addYears(current[0], -1)),
  };
}

const DAYS = "date_diff('day', missing_date, recovered_date)";
/** The fields the summary takes from the filter: who the children are, not when or how they were found. */
const SUMMARY_EXCEPT = ['from', 'to', ...OUTCOME_FIELDS] as const;
const noDates = (filter: Filter) => filterToPredicate(filter, { except: SUMMARY_EXCEPT });

export interface SummaryFigures {
  period: 'current' | 'previous' | 'lastYear';
  reported: number;
  recovered: number;
  interstate: number;
  within24h: number;
  within48h: number;
}

export interface SummaryDistrict {
  id: string;
  name: string;
  nameHi: string;
  reported: number;
  recovered: number;
  interstate: number;
  within24h: number;
  within48h: number;
}

export interface InterstateRecovery {
  caseId: string;
  origin: string;
  originName: string;
  originNameHi: string;
  station: string | null;
  ageBand: string | null;
  sex: string;
  place: string | null;
  state: string;
  km: number | null;
  days: number;
}

const recoveredCounts = (filter: Filter, [from, to]: [string, string]) => `
  CAST(count(*) FILTER (WHERE recovered_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}) AS INTEGER) AS recovered,
  CAST(count(*) FILTER (WHERE recovered_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}
    AND recovery_state <> ${sqlString(HOME_STATE)}) AS INTEGER) AS interstate,
  CAST(count(*) FILTER (WHERE recovered_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}
    AND ${DAYS} <= ${WITHIN_24H_DAYS}) AS INTEGER) AS "within24h",
  CAST(count(*) FILTER (WHERE recovered_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}
    AND ${DAYS} <= ${WITHIN_48H_DAYS}) AS INTEGER) AS "within48h"
FROM cases WHERE ${noDates(filter)}`;

/** The month's figures beside the month before and the same month last year. */
export const summaryFiguresQuery = queryFamily<string, SummaryFigures[]>((month) => ({
  name: `summary-figures-${month}`,
  sql: (filter) => {
    const periods = summaryPeriods(month);
    return (['current', 'previous', 'lastYear'] as const)
      .map((period) => {
        const [from, to] = periods[period];
        return `SELECT ${sqlString(period)} AS period,
  CAST(count(*) FILTER (WHERE missing_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}) AS INTEGER) AS reported,
  ${recoveredCounts(filter, [from, to])}`;
      })
      .join('\nUNION ALL\n');
  },
  decode: (table) => toRows<SummaryFigures>(table),
}));

/** The month's figures for each origin district with any child reported or recovered, by name. */
export const summaryDistrictsQuery = queryFamily<string, SummaryDistrict[]>((month) => ({
  name: `summary-districts-${month}`,
  sql: (filter) => {
    const [from, to] = summaryPeriods(month).current;
    return `
WITH counts AS (
  SELECT origin_district,
    CAST(count(*) FILTER (WHERE missing_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)}) AS INTEGER) AS reported,
    ${recoveredCounts(filter, [from, to])}
  GROUP BY origin_district
)
SELECT d.id, d.name, d.name_hi AS "nameHi", c.reported, c.recovered, c.interstate, c."within24h", c."within48h"
FROM counts c JOIN districts d ON d.id = c.origin_district
WHERE c.reported > 0 OR c.recovered > 0
ORDER BY d.name`;
  },
  decode: (table) => toRows<SummaryDistrict>(table),
}));

/** Every child of the month recovered in another state: the press note's list (case lines, police use only). */
export const summaryInterstateQuery = queryFamily<string, InterstateRecovery[]>((month) => ({
  name: `summary-interstate-${month}`,
  sql: (filter) => {
    const [from, to] = summaryPeriods(month).current;
    return `
SELECT c.case_id AS "caseId", c.origin_district AS origin, d.name AS "originName", d.name_hi AS "originNameHi",
  c.origin_station AS station, ${ageBandExpression('c')} AS "ageBand", c.sex, c.recovery_place AS place,
  c.recovery_state AS state,
  CAST(round(${kmBetweenSql(['c.origin_lat', 'c.origin_lon'], ['c.recovery_lat', 'c.recovery_lon'])}) AS INTEGER) AS km,
  CAST(date_diff('day', c.missing_date, c.recovered_date) AS INTEGER) AS days
FROM cases c JOIN districts d ON d.id = c.origin_district
WHERE ${filterToPredicate(filter, { except: SUMMARY_EXCEPT, alias: 'c' })}
  AND c.recovered_date BETWEEN ${sqlDate(from)} AND ${sqlDate(to)} AND c.recovery_state <> ${sqlString(HOME_STATE)}
ORDER BY d.name, c.recovery_state, c.recovery_place, c.case_id`;
  },
  decode: (table) => toRows<InterstateRecovery>(table),
}));
