import type { CorridorFlows, CorridorLevel } from '../filters/url';
import { filterToPredicate } from '../filters/where';
import { cubedQuery, queryFamily, toRows, type QueryDef } from './query';

/** Recoveries from one origin district to one destination (a place, a district or a state). */
export interface Corridor {
  origin: string;
  originName: string;
  originNameHi: string;
  originLat: number;
  originLon: number;
  /** Identifies the destination at this level: place|district|state, district|state, or state. */
  target: string;
  /** The place, the district's name, or the state code. */
  place: string;
  placeDistrict: string | null;
  state: string;
  lat: number;
  lon: number;
  count: number;
  medianDays: number;
  interstate: boolean;
}

/** A recovery inside the child's own district: no corridor to draw. */
export const HOME_RECOVERY = "coalesce(recovery_state = 'IN-MP' AND recovery_district = origin_district, FALSE)";

/** A recovery's district; a city that is its own district in the gazetteer (Delhi, Mumbai) stands for it. */
const DESTINATION_DISTRICT = "coalesce(nullif(recovery_district, ''), recovery_place)";

/** The destination's key at each level, from a case's own columns (the corridors' `target`). */
export const TARGET_KEY: Record<CorridorLevel, string> = {
  place: "concat_ws('|', recovery_place, recovery_district, recovery_state)",
  district: `concat_ws('|', ${DESTINATION_DISTRICT}, recovery_state)`,
  state: 'recovery_state',
};

/**
 * Per level: the destination columns recoveries are grouped by, after grouping the destination's key (equal to
 * TARGET_KEY), label and district (MP districts are named from the reference table), and whether only recoveries
 * outside MP are drawn.
 */
const LEVEL: Record<CorridorLevel, { columns: string; key: string; label: string; district: string; outsideMp: boolean }> = {
  place: {
    columns: 'recovery_place, recovery_district, recovery_state',
    key: "concat_ws('|', a.recovery_place, a.recovery_district, a.recovery_state)",
    label: 'a.recovery_place',
    district: 'a.recovery_district',
    outsideMp: false,
  },
  district: {
    columns: `${DESTINATION_DISTRICT} AS recovery_district, recovery_state`,
    key: "concat_ws('|', a.recovery_district, a.recovery_state)",
    label: 'coalesce(rd.name, a.recovery_district, a.recovery_state)',
    district: 'a.recovery_district',
    outsideMp: false,
  },
  // Within-MP recoveries would all meet at one point inside MP: the state level shows other states only.
  state: {
    columns: 'NULL::VARCHAR AS recovery_district, recovery_state',
    key: 'a.recovery_state',
    label: 'a.recovery_state',
    district: 'NULL',
    outsideMp: true,
  },
};

/** The recoveries a corridor map draws at `level`: located, outside the home district (and MP, for interstate flows). */
export function corridorRecoveryPredicate(level: CorridorLevel, flows: CorridorFlows = 'all'): string {
  // Outside MP is outside the home district: the costlier home test is left out then.
  const outsideMp = flows === 'interstate' || LEVEL[level].outsideMp;
  return `recovered_date IS NOT NULL AND recovery_lat IS NOT NULL AND ${outsideMp ? "recovery_state <> 'IN-MP'" : `NOT ${HOME_RECOVERY}`}`;
}

/**
 * Origin district (at its HQ) → destination, for located recoveries outside the home district, most
 * used first. The destination point is the mean of its recovery locations. Grouping runs on the raw
 * columns first; names and keys are added to the few thousand groups afterwards. `medianDays` is over
 * the recovered children of the corridor only (no one still missing has a destination).
 */
const corridorsFamily = queryFamily<`${CorridorLevel}|${CorridorFlows}`, Corridor[]>((key) => {
  const [level, flows] = key.split('|') as [CorridorLevel, CorridorFlows];
  return {
    name: `corridors-${level}-${flows}`,
    sql: (filter) => `
WITH a AS (
  SELECT origin_district, ${LEVEL[level].columns},
    avg(recovery_lat) AS lat, avg(recovery_lon) AS lon, count(*) AS n,
    median(recovered_date - missing_date) AS median_days
  FROM cases
  WHERE ${filterToPredicate(filter)} AND ${corridorRecoveryPredicate(level, flows)}
  GROUP BY ALL
)
SELECT
  a.origin_district AS origin, d.name AS "originName", d.name_hi AS "originNameHi",
  d.lat AS "originLat", d.lon AS "originLon",
  ${LEVEL[level].key} AS target, ${LEVEL[level].label} AS place, ${LEVEL[level].district} AS "placeDistrict",
  a.recovery_state AS state, a.lat, a.lon,
  CAST(a.n AS INTEGER) AS count,
  CAST(a.median_days AS DOUBLE) AS "medianDays",
  a.recovery_state <> 'IN-MP' AS interstate
FROM a
JOIN districts d ON d.id = a.origin_district
LEFT JOIN districts rd ON rd.id = a.recovery_district AND a.recovery_state = 'IN-MP'
ORDER BY count DESC, origin, target`,
    decode: (table) => toRows<Corridor>(table),
  };
});

/** Corridors at a level, of every recovery or of those in other states only. */
export function corridorsQuery(level: CorridorLevel, flows: CorridorFlows = 'all'): QueryDef<Corridor[]> {
  return corridorsFamily(`${level}|${flows}`);
}

export interface CorridorTotals {
  /** Recoveries inside the child's own district: no corridor to draw. */
  withinHomeDistrict: number;
  /** Recoveries away from home whose place could not be located: counted, not drawn. */
  unlocated: number;
  /** Located recoveries elsewhere in MP (not drawn at the state level). */
  elsewhereInMp: number;
}

/** A recovery away from home whose place could not be located. */
const UNLOCATED_AWAY = `NOT ${HOME_RECOVERY} AND recovery_lat IS NULL`;
/** A located recovery away from home but inside MP. */
const AWAY_ELSEWHERE_IN_MP = `NOT ${HOME_RECOVERY} AND recovery_lat IS NOT NULL AND recovery_state = 'IN-MP'`;

/** What the corridor map cannot draw, counted so the map can say so. */
export const corridorTotalsQuery = cubedQuery<CorridorTotals>({
  name: 'corridor-totals',
  plain: (filter) => `
SELECT
  CAST(count(*) FILTER (WHERE ${HOME_RECOVERY}) AS INTEGER) AS "withinHomeDistrict",
  CAST(count(*) FILTER (WHERE ${UNLOCATED_AWAY}) AS INTEGER) AS unlocated,
  CAST(count(*) FILTER (WHERE ${AWAY_ELSEWHERE_IN_MP}) AS INTEGER)
    AS "elsewhereInMp"
FROM cases
WHERE ${filterToPredicate(filter)} AND recovered_date IS NOT NULL`,
  measures: () => [
    `CAST(count(*) FILTER (WHERE ${HOME_RECOVERY}) AS INTEGER) AS within_home`,
    `CAST(count(*) FILTER (WHERE ${UNLOCATED_AWAY}) AS INTEGER) AS unlocated`,
    `CAST(count(*) FILTER (WHERE ${AWAY_ELSEWHERE_IN_MP}) AS INTEGER) AS elsewhere_in_mp`,
  ],
  where: () => 'recovered_date IS NOT NULL',
  rollup: (cube) => `
SELECT
  CAST(coalesce(sum(within_home), 0) AS INTEGER) AS "withinHomeDistrict",
  CAST(coalesce(sum(unlocated), 0) AS INTEGER) AS unlocated,
  CAST(coalesce(sum(elsewhere_in_mp), 0) AS INTEGER) AS "elsewhereInMp"
FROM ${cube}`,
  decode: (table) => toRows<CorridorTotals>(table)[0],
});
