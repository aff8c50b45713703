import type { Filter } from '../filters/filter';
import { addDays, addYears, daysBetween, shiftMonths, wholeMonths } from '../filters/dates';
import { sqlDate } from '../filters/sql';
import { filterToPredicate } from '../filters/where';
import type { Comparison } from '../filters/url';
import { cubedQuery, monthGroup, queryFamily, toRows, type QueryContext } from './query';

const MISSING_MONTH = monthGroup('missing_date');

/** Days after which a child not traced goes to the district Anti-Human-Trafficking Unit. */
export const AHTU_DAYS = 120;

export interface DistrictRow {
  id: string;
  name: string;
  nameHi: string;
  reported: number;
  recovered: number;
  /** Recovered / reported, null when nothing was reported. */
  recoveryRate: number | null;
  stillMissing: number;
  /** Still missing at the as-of date and missing for more than 120 days. */
  overAhtuDays: number;
  /** Share of the recovered who were found outside MP. */
  interstateShare: number | null;
  rank: number;
  /** Reported in the previous period of equal length; null when the snapshot does not cover it. */
  previousReported: number | null;
  previousRank: number | null;
}

/**
 * The period the filter covers and the one it is compared with: the same dates a year earlier
 * (campaigns and seasons recur), or the period of equal length just before, counted in whole months
 * when the filter covers whole calendar months.
 */
export function comparisonPeriods(filter: Filter, context: QueryContext, compare: Comparison) {
  const from = filter.from ?? context.firstMissing;
  const to = filter.to ?? context.asOf;
  const months = wholeMonths(from, to);
  const previous =
    compare === 'year'
      ? { from: addYears(from, -1), to: addYears(to, -1) }
      : months !== null
        ? { from: shiftMonths(from, months), to: addDays(from, -1) }
        : { from: addDays(from, -(daysBetween(from, to) + 1)), to: addDays(from, -1) };
  return { current: { from, to }, previous, previousCovered: previous.from >= context.firstMissing };
}

/** A child still missing more than AHTU_DAYS on the as-of date. */
const overAhtu = (asOf: string) => `recovered_date IS NULL AND ${sqlDate(asOf)} - missing_date > ${AHTU_DAYS}`;

/**
 * One row for each of the 55 districts, zero rows included, with the change against the previous
 * period. The district filter is ignored so the leaderboard keeps every district while the selected
 * ones are highlighted.
 */
export const districtsQuery = queryFamily<Comparison, DistrictRow[]>((compare) =>
  cubedQuery({
    name: `districts-${compare}`,
    except: ['districts'],
    plain: (filter, context) => {
      const { previous, previousCovered } = comparisonPeriods(filter, context, compare);
      const previousCases = previousCovered
        ? `SELECT origin_district, CAST(count(*) AS INTEGER) AS reported FROM cases
         WHERE ${filterToPredicate(filter, { except: ['districts', 'from', 'to'] })}
           AND missing_date BETWEEN ${sqlDate(previous.from)} AND ${sqlDate(previous.to)}
         GROUP BY origin_district`
        : undefined;
      return leaderboard(
        `SELECT origin_district,
    count(*) AS reported,
    count(recovered_date) AS recovered,
    count(*) FILTER (WHERE ${overAhtu(context.asOf)}) AS over_ahtu,
    count(*) FILTER (WHERE recovery_state <> 'IN-MP') AS interstate
  FROM cases WHERE ${filterToPredicate(filter, { except: 'districts' })}
  GROUP BY origin_district`,
        previousCases,
      );
    },
    groups: () => ['origin_district'],
    measures: ({ asOf }) => [
      'CAST(count(*) AS INTEGER) AS reported',
      'CAST(count(recovered_date) AS INTEGER) AS recovered_count',
      `CAST(count(*) FILTER (WHERE ${overAhtu(asOf)}) AS INTEGER) AS over_ahtu`,
      "CAST(count(*) FILTER (WHERE recovery_state <> 'IN-MP') AS INTEGER) AS interstate",
    ],
    // Without dates the filter covers the whole snapshot, so the period before it is not covered.
    usable: (filter, context) => !comparisonPeriods(filter, context, compare).previousCovered,
    rollup: (cube) =>
      leaderboard(
        `SELECT origin_district, sum(reported) AS reported, sum(recovered_count) AS recovered, sum(over_ahtu) AS over_ahtu,
    sum(interstate) AS interstate
  FROM ${cube} GROUP BY origin_district`,
      ),
    decode: (table) => toRows<DistrictRow>(table),
  }),
);

/** The leaderboard from its counts per district and, when the previous period is covered, that period's. */
function leaderboard(counts: string, previousCases?: string): string {
  return `
WITH counts AS (${counts}),
previous_cases AS (${previousCases ?? 'SELECT NULL::VARCHAR AS origin_district, NULL::INTEGER AS reported WHERE FALSE'}),
board AS (
  SELECT
    d.id, d.name, d.name_hi AS "nameHi",
    CAST(coalesce(c.reported, 0) AS INTEGER) AS reported,
    CAST(coalesce(c.recovered, 0) AS INTEGER) AS recovered,
    CAST(c.recovered AS DOUBLE) / nullif(c.reported, 0) AS "recoveryRate",
    CAST(coalesce(c.reported - c.recovered, 0) AS INTEGER) AS "stillMissing",
    CAST(coalesce(c.over_ahtu, 0) AS INTEGER) AS "overAhtuDays",
    CAST(c.interstate AS DOUBLE) / nullif(c.recovered, 0) AS "interstateShare"
  FROM districts d LEFT JOIN counts c ON c.origin_district = d.id
)
SELECT board.*,
  CAST(rank() OVER (ORDER BY board.reported DESC) AS INTEGER) AS rank,
  ${previousCases ? 'CAST(coalesce(p.reported, 0) AS INTEGER)' : 'CAST(NULL AS INTEGER)'} AS "previousReported",
  ${previousCases ? 'CAST(rank() OVER (ORDER BY coalesce(p.reported, 0) DESC) AS INTEGER)' : 'CAST(NULL AS INTEGER)'}
    AS "previousRank"
FROM board LEFT JOIN previous_cases p ON p.origin_district = board.id
ORDER BY board.reported DESC, board.name`;
}

export interface DistrictMonth {
  district: string;
  month: string;
  reported: number;
}

/** Cases reported per district and month, for the leaderboard's sparklines. */
export const districtMonthsQuery = cubedQuery<DistrictMonth[]>({
  name: 'district-months',
  except: ['districts'],
  plain: (filter) => `
SELECT district, ${MISSING_MONTH.label('first_day')} AS month, CAST(count(*) AS INTEGER) AS reported
FROM (SELECT origin_district AS district, ${MISSING_MONTH.key} AS first_day FROM cases
  WHERE ${filterToPredicate(filter, { except: 'districts' })})
GROUP BY district, first_day ORDER BY district, month`,
  groups: () => ['origin_district AS district', `${MISSING_MONTH.key} AS first_day`],
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  rollup: (cube) => `
SELECT district, ${MISSING_MONTH.label('first_day')} AS month, CAST(sum(n) AS INTEGER) AS reported
FROM ${cube}
GROUP BY district, first_day ORDER BY district, month`,
  decode: (table) => toRows<DistrictMonth>(table),
});

export interface OriginCount {
  id: string;
  name: string;
  nameHi: string;
  reported: number;
  stillMissing: number;
}

/** Cases per origin district for the map's bubbles (the district filter ignored, as on the leaderboard). */
export const originCountsQuery = cubedQuery<OriginCount[]>({
  name: 'origin-counts',
  except: ['districts'],
  plain: (filter) =>
    originCounts(`SELECT origin_district, count(*) AS reported, count(*) - count(recovered_date) AS missing
  FROM cases WHERE ${filterToPredicate(filter, { except: 'districts' })} GROUP BY origin_district`),
  groups: () => ['origin_district'],
  measures: () => ['CAST(count(*) AS INTEGER) AS reported', 'CAST(count(*) - count(recovered_date) AS INTEGER) AS missing'],
  rollup: (cube) =>
    originCounts(`SELECT origin_district, sum(reported) AS reported, sum(missing) AS missing FROM ${cube} GROUP BY origin_district`),
  decode: (table) => toRows<OriginCount>(table),
});

function originCounts(counts: string): string {
  return `
SELECT d.id, d.name, d.name_hi AS "nameHi", CAST(coalesce(c.reported, 0) AS INTEGER) AS reported,
  CAST(coalesce(c.missing, 0) AS INTEGER) AS "stillMissing"
FROM districts d LEFT JOIN (
  ${counts}
) c ON c.origin_district = d.id
ORDER BY d.id`;
}
