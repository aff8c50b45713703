import { OUTCOME_FIELDS, type Filter } from '../filters/filter';
import { sqlDate, sqlString } from '../filters/sql';
import { ageBandExpression, filterToPredicate } from '../filters/where';
import { EARTH_RADIUS_KM } from '../geo/haversine';
import { HOME_STATE } from '../geo/states';
import { DAY_THRESHOLDS, ELSEWHERE_IN_MP, HOME, type RecoveredCount, type TownCount } from '../stats/destination-model';
import type { Outcome, PendingGroup } from '../stats/planner';
import { AHTU_DAYS, comparisonPeriods } from './districts';
import { TARGET_KEY } from './corridors';
import { cubedQuery, queryFamily, toRows, type QueryContext, type QueryDef } from './query';

/** Where a recovered child was found: her home district, elsewhere in MP, or the other state's code. */
const DESTINATION = `CASE WHEN recovery_state = ${sqlString(HOME_STATE)} AND recovery_district = origin_district THEN ${sqlString(HOME)}
  WHEN recovery_state = ${sqlString(HOME_STATE)} THEN ${sqlString(ELSEWHERE_IN_MP)} ELSE recovery_state END`;

/** Age band, '?' when the age is not recorded. */
const BAND = `coalesce(${ageBandExpression()}, '?')`;

/** The comparison threshold a child missing at `cutoff` has passed: the largest not above the days missing then. */
const thresholdAt = (cutoff: string) => {
  const days = `(${sqlDate(cutoff)} - missing_date)`;
  return `CAST(CASE ${[...DAY_THRESHOLDS]
    .reverse()
    .map((t) => `WHEN ${days} >= ${t} THEN ${t}`)
    .join(' ')} ELSE 0 END AS INTEGER)`;
};

/** Great-circle km between two points given as SQL expressions (the haversine formula of src/geo). */
export function kmBetweenSql([lat1, lon1]: [string, string], [lat2, lon2]: [string, string]): string {
  return `2 * ${EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2)
  + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;
}

/** Great-circle km from the origin district's HQ (alias d) to the recovery point. */
const KM_FROM_HQ = kmBetweenSql(['d.lat', 'd.lon'], ['recovery_lat', 'recovery_lon']);

/** Children still missing at `cutoff`. */
const stillMissingAt = (cutoff: string) =>
  `missing_date <= ${sqlDate(cutoff)} AND (recovered_date IS NULL OR recovered_date > ${sqlDate(cutoff)})`;

/** Children still missing at `cutoff` among the filtered ones (outcome filters do not apply: they are not recovered). */
const pendingAt = (filter: Filter, cutoff: string) => `${filterToPredicate(filter, { except: OUTCOME_FIELDS })}
  AND ${stillMissingAt(cutoff)}`;

/** Recoveries whose state is known. */
const RECOVERED_IN_A_STATE = 'recovered_date IS NOT NULL AND recovery_state IS NOT NULL';

/** How long a child still missing at `asOf` has been missing, against 30 days and the 120-day AHTU rule. */
const pendingAge = (asOf: string) =>
  `CASE WHEN ${sqlDate(asOf)} - missing_date <= 30 THEN '0-30' WHEN ${sqlDate(asOf)} - missing_date <= ${AHTU_DAYS} THEN '31-120'
    ELSE '>120' END`;

/**
 * Every recovery known at `cutoff`, counted by the days-missing thresholds it passes, cell and
 * destination: the model's comparison sets. The whole snapshot, whatever the filter: the filter
 * chooses which children are planned for, not whom they are compared with.
 */
export const plannerRecoveredQuery = queryFamily<string, RecoveredCount[]>((cutoff) => ({
  name: `planner-recovered-${cutoff}`,
  sql: () => `
WITH r AS (
  SELECT origin_district AS district, ${BAND} AS band, sex, ${DESTINATION} AS destination, recovered_date - missing_date AS days
  FROM cases WHERE recovered_date <= ${sqlDate(cutoff)} AND recovery_state IS NOT NULL
)
SELECT CAST(t.threshold AS INTEGER) AS threshold, r.district, r.band, r.sex, r.destination, CAST(count(*) AS INTEGER) AS count
FROM r JOIN (VALUES ${DAY_THRESHOLDS.map((t) => `(${t})`).join(', ')}) AS t(threshold) ON r.days >= t.threshold
GROUP BY ALL ORDER BY ALL`,
  decode: (table) => toRows<RecoveredCount>(table),
}));

/**
 * The filtered children still missing at `cutoff`, by cell and days-missing threshold. Engine files carry the cube of
 * those missing at the snapshot's as-of date (the one that follows every filter change): each cut-off's cube has a
 * name of its own, so the back-test's cut-offs read the cases.
 */
export const plannerPendingQuery = queryFamily<string, PendingGroup[]>((cutoff) =>
  cubedQuery({
    name: `planner-pending-${cutoff}`,
    except: OUTCOME_FIELDS,
    plain: (filter) => `
SELECT origin_district AS district, ${BAND} AS band, sex,
  ${thresholdAt(cutoff)} AS threshold, CAST(count(*) AS INTEGER) AS count
FROM cases WHERE ${pendingAt(filter, cutoff)}
GROUP BY ALL ORDER BY ALL`,
    where: () => stillMissingAt(cutoff),
    groups: () => [`${BAND} AS band`, `${thresholdAt(cutoff)} AS threshold`],
    measures: () => ['CAST(count(*) AS INTEGER) AS n'],
    rollup: (cube) => `
SELECT origin_district AS district, band, sex, threshold, CAST(sum(n) AS INTEGER) AS count
FROM ${cube}
GROUP BY ALL ORDER BY ALL`,
    decode: (table) => toRows<PendingGroup>(table),
  }),
);

export interface PlannerTown extends TownCount {
  name: string;
  state: string;
  lat: number;
  lon: number;
}

/** Located recoveries known at `cutoff` per origin district and town: where within a destination children were found. */
export const plannerTownsQuery = queryFamily<string, PlannerTown[]>((cutoff) => ({
  name: `planner-towns-${cutoff}`,
  sql: () => `
SELECT origin_district AS district, ${DESTINATION} AS destination, ${TARGET_KEY.place} AS town,
  any_value(recovery_place) AS name, any_value(recovery_state) AS state,
  avg(recovery_lat) AS lat, avg(recovery_lon) AS lon, CAST(count(*) AS INTEGER) AS count
FROM cases WHERE recovered_date <= ${sqlDate(cutoff)} AND recovery_state IS NOT NULL AND recovery_lat IS NOT NULL
GROUP BY origin_district, destination, town ORDER BY ALL`,
  decode: (table) => toRows<PlannerTown>(table),
}));

/** The filtered children pending at `cutoff` and recovered after it: what the back-test scores. */
export const plannerOutcomesQuery = queryFamily<string, Outcome[]>((cutoff) => ({
  name: `planner-outcomes-${cutoff}`,
  sql: (filter) => `
SELECT origin_district AS district, ${BAND} AS band, sex,
  ${thresholdAt(cutoff)} AS threshold, ${DESTINATION} AS destination,
  round(recovery_lat, 3) AS lat, round(recovery_lon, 3) AS lon, CAST(count(*) AS INTEGER) AS count
FROM cases WHERE ${pendingAt(filter, cutoff)} AND ${RECOVERED_IN_A_STATE}
GROUP BY ALL ORDER BY ALL`,
  decode: (table) => toRows<Outcome>(table),
}));

export interface PendingCase {
  caseId: string;
  district: string;
  station: string | null;
  missingDate: string;
  daysMissing: number;
  band: string;
  sex: string;
  threshold: number;
}

/** The filtered children still missing at the as-of date, one row each, for the team packets. No names exist. */
export const pendingCasesQuery: QueryDef<PendingCase[]> = {
  name: 'planner-pending-cases',
  sql: (filter, { asOf }) => `
SELECT case_id AS "caseId", origin_district AS district, origin_station AS station,
  strftime(missing_date, '%Y-%m-%d') AS "missingDate", CAST(${sqlDate(asOf)} - missing_date AS INTEGER) AS "daysMissing",
  ${BAND} AS band, sex, ${thresholdAt(asOf)} AS threshold
FROM cases WHERE ${pendingAt(filter, asOf)}
ORDER BY missing_date, case_id`,
  decode: (table) => toRows<PendingCase>(table),
};

export interface DestinationRow {
  /** A state code, or a town key (place|district|state). */
  key: string;
  name: string;
  state: string;
  recoveries: number;
  previous: number | null;
  medianKm: number | null;
  medianDays: number | null;
  accusedShare: number | null;
  /** The origin districts that feed it most, most first. */
  topOrigins: string[];
}

/**
 * Destinations in other states ranked by recoveries of the filtered MP children: change against the
 * previous period, median km from the origin HQs, median days among those recovered there, share with an
 * accused arrested, and the three origin districts that feed it most.
 */
export const plannerDestinationsQuery = queryFamily<'state' | 'place', DestinationRow[]>((level) => ({
  name: `planner-destinations-${level}`,
  sql: (filter, context: QueryContext) => {
    const { previous, previousCovered } = comparisonPeriods(filter, context, 'previous');
    const key = level === 'state' ? 'recovery_state' : TARGET_KEY.place;
    const out = `${RECOVERED_IN_A_STATE} AND recovery_state <> ${sqlString(HOME_STATE)}`;
    // The filtered recoveries read once, for the destinations' figures and for their feeders.
    return `
WITH o AS MATERIALIZED (
  SELECT ${key} AS key, ${level === 'state' ? 'recovery_state' : 'recovery_place'} AS name, recovery_state AS state, origin_district,
    ${KM_FROM_HQ} AS km, recovered_date - missing_date AS days, accused_arrested
  FROM cases c JOIN districts d ON d.id = c.origin_district
  WHERE ${filterToPredicate(filter)} AND ${out}
),
cur AS (
  SELECT key, any_value(name) AS name, any_value(state) AS state, count(*) AS recoveries, median(km) AS km, median(days) AS days,
    count(*) FILTER (WHERE accused_arrested > 0) / nullif(count(accused_arrested), 0) AS accused
  FROM o GROUP BY key
),
prev AS (
  SELECT ${key} AS key, count(*) AS recoveries FROM cases
  WHERE ${
    previousCovered
      ? `${filterToPredicate(filter, { except: ['from', 'to'] })}
    AND missing_date BETWEEN ${sqlDate(previous.from)} AND ${sqlDate(previous.to)} AND ${out}`
      : 'FALSE'
  }
  GROUP BY key
),
feeders AS (
  SELECT key, list(origin_district ORDER BY n DESC, origin_district) AS origins FROM (
    SELECT key, origin_district, count(*) AS n FROM o GROUP BY ALL
  ) GROUP BY key
)
SELECT cur.key, cur.name, cur.state, CAST(cur.recoveries AS INTEGER) AS recoveries,
  ${previousCovered ? 'CAST(coalesce(prev.recoveries, 0) AS INTEGER)' : 'CAST(NULL AS INTEGER)'} AS previous,
  CAST(cur.km AS DOUBLE) AS "medianKm", CAST(cur.days AS DOUBLE) AS "medianDays", CAST(cur.accused AS DOUBLE) AS "accusedShare",
  feeders.origins[1:3] AS "topOrigins"
FROM cur LEFT JOIN prev USING (key) LEFT JOIN feeders USING (key)
ORDER BY cur.recoveries DESC, cur.key`;
  },
  decode: (table) =>
    toRows<Omit<DestinationRow, 'topOrigins'> & { topOrigins: { toArray(): string[] } | null }>(table).map((r) => ({
      ...r,
      topOrigins: r.topOrigins ? [...r.topOrigins.toArray()] : [],
    })),
}));

export interface MatrixCell {
  district: string;
  /** 'home', 'mp' or a state code. */
  destination: string;
  count: number;
}

/** Recoveries of the filtered children per origin district and destination (home district, elsewhere in MP, each state). */
export const destinationMatrixQuery = cubedQuery<MatrixCell[]>({
  name: 'planner-matrix',
  plain: (filter) => `
SELECT origin_district AS district, ${DESTINATION} AS destination, CAST(count(*) AS INTEGER) AS count
FROM cases WHERE ${filterToPredicate(filter)} AND ${RECOVERED_IN_A_STATE}
GROUP BY ALL ORDER BY ALL`,
  where: () => RECOVERED_IN_A_STATE,
  groups: () => [`${DESTINATION} AS destination`],
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  rollup: (cube) => `
SELECT origin_district AS district, destination, CAST(sum(n) AS INTEGER) AS count
FROM ${cube}
GROUP BY ALL ORDER BY ALL`,
  decode: (table) => toRows<MatrixCell>(table),
});

export const PENDING_AGES = ['0-30', '31-120', '>120'] as const;

export interface PendingAgeRow {
  district: string;
  band: string;
  age: (typeof PENDING_AGES)[number];
  count: number;
}

/** Children still missing by district, age band and time missing against the 120-day AHTU rule. */
export const pendingAgeingQuery = cubedQuery<PendingAgeRow[]>({
  name: 'planner-pending-ageing',
  except: OUTCOME_FIELDS,
  plain: (filter, { asOf }) => `
SELECT origin_district AS district, ${BAND} AS band, ${pendingAge(asOf)} AS age, CAST(count(*) AS INTEGER) AS count
FROM cases WHERE ${pendingAt(filter, asOf)}
GROUP BY ALL ORDER BY ALL`,
  where: ({ asOf }) => stillMissingAt(asOf),
  groups: ({ asOf }) => [`${BAND} AS band`, `${pendingAge(asOf)} AS age`],
  measures: () => ['CAST(count(*) AS INTEGER) AS n'],
  rollup: (cube) => `
SELECT origin_district AS district, band, age, CAST(sum(n) AS INTEGER) AS count
FROM ${cube}
GROUP BY ALL ORDER BY ALL`,
  decode: (table) => toRows<PendingAgeRow>(table),
});
