import type { Filter } from '../filters/filter';
import { filterToPredicate } from '../filters/where';
import { toRows, type QueryDef } from './query';

/** Recoveries from one origin district to one recovery place. */
export interface Corridor {
  origin: string;
  originName: string;
  originNameHi: string;
  originLat: number;
  originLon: number;
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

/**
 * Origin district (at its HQ) → recovery place, for recoveries outside the home district at a
 * located place; most used first.
 */
export const corridorsQuery: QueryDef<Corridor[]> = {
  name: 'corridors',
  sql: (filter) => `
WITH recovered AS (${recoveredSql(filter)})
SELECT
  r.origin_district AS origin, d.name AS "originName", d.name_hi AS "originNameHi",
  d.lat AS "originLat", d.lon AS "originLon",
  r.recovery_place AS place, r.recovery_district AS "placeDistrict", r.recovery_state AS state,
  avg(r.recovery_lat) AS lat, avg(r.recovery_lon) AS lon,
  CAST(count(*) AS INTEGER) AS count,
  CAST(median(r.recovered_date - r.missing_date) AS DOUBLE) AS "medianDays",
  r.recovery_state <> 'IN-MP' AS interstate
FROM recovered r JOIN districts d ON d.id = r.origin_district
WHERE NOT r.home AND r.recovery_lat IS NOT NULL
GROUP BY ALL
ORDER BY count DESC, origin, place`,
  decode: (table) => toRows<Corridor>(table),
};

export interface CorridorTotals {
  /** Recoveries drawn as corridors. */
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
