import type { Filter } from '../filters/filter';
import type { CorridorLevel } from '../filters/url';
import { filterToPredicate } from '../filters/where';
import { queryFamily, toRows, type QueryDef } from './query';

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

const recoveredSql = (filter: Filter) => `
SELECT c.*, coalesce(c.recovery_state = 'IN-MP' AND c.recovery_district = c.origin_district, FALSE) AS home
FROM cases c
WHERE ${filterToPredicate(filter, { alias: 'c' })} AND c.recovered_date IS NOT NULL`;

/** Destination key, label and district at each level; MP districts are named from the reference table. */
const TARGET: Record<CorridorLevel, { key: string; label: string; district: string; where: string }> = {
  place: {
    key: "concat_ws('|', r.recovery_place, r.recovery_district, r.recovery_state)",
    label: 'r.recovery_place', district: 'r.recovery_district', where: 'TRUE',
  },
  district: {
    key: "concat_ws('|', r.recovery_district, r.recovery_state)",
    label: 'coalesce(rd.name, r.recovery_district)', district: 'r.recovery_district', where: 'r.recovery_district IS NOT NULL',
  },
  // Within-MP recoveries would all meet at one point inside MP: the state level shows other states only.
  state: { key: 'r.recovery_state', label: 'r.recovery_state', district: 'NULL', where: "r.recovery_state <> 'IN-MP'" },
};

/**
 * Origin district (at its HQ) → destination, for located recoveries outside the home district, most
 * used first. The destination point is the mean of its recovery locations.
 */
export const corridorsQuery = queryFamily<CorridorLevel, Corridor[]>((level) => ({
  name: `corridors-${level}`,
  sql: (filter) => `
WITH recovered AS (${recoveredSql(filter)})
SELECT
  r.origin_district AS origin, d.name AS "originName", d.name_hi AS "originNameHi",
  d.lat AS "originLat", d.lon AS "originLon",
  ${TARGET[level].key} AS target, ${TARGET[level].label} AS place, ${TARGET[level].district} AS "placeDistrict",
  r.recovery_state AS state,
  avg(r.recovery_lat) AS lat, avg(r.recovery_lon) AS lon,
  CAST(count(*) AS INTEGER) AS count,
  CAST(median(r.recovered_date - r.missing_date) AS DOUBLE) AS "medianDays",
  r.recovery_state <> 'IN-MP' AS interstate
FROM recovered r
JOIN districts d ON d.id = r.origin_district
LEFT JOIN districts rd ON rd.id = r.recovery_district AND r.recovery_state = 'IN-MP'
WHERE NOT r.home AND r.recovery_lat IS NOT NULL AND ${TARGET[level].where}
GROUP BY ALL
ORDER BY count DESC, origin, target`,
  decode: (table) => toRows<Corridor>(table),
}));

export interface CorridorTotals {
  /** Recoveries drawn as corridors (at place level). */
  drawn: number;
  /** Recoveries inside the child's own district: no corridor to draw. */
  withinHomeDistrict: number;
  /** Recoveries whose place could not be located: counted, not drawn. */
  unlocated: number;
}

export const corridorTotalsQuery: QueryDef<CorridorTotals> = {
  name: 'corridor-totals',
  sql: (filter) => `
WITH recovered AS (${recoveredSql(filter)})
SELECT
  CAST(count(*) FILTER (WHERE NOT home AND recovery_lat IS NOT NULL) AS INTEGER) AS drawn,
  CAST(count(*) FILTER (WHERE home) AS INTEGER) AS "withinHomeDistrict",
  CAST(count(*) FILTER (WHERE NOT home AND recovery_lat IS NULL) AS INTEGER) AS unlocated
FROM recovered`,
  decode: (table) => toRows<CorridorTotals>(table)[0],
};
