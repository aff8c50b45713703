import { filterToPredicate } from '../filters/where';
import { toRows, type QueryDef } from './query';

export interface DistrictRow {
  id: string;
  name: string;
  nameHi: string;
  reported: number;
  recovered: number;
  /** Recovered / reported, null when nothing was reported. */
  recoveryRate: number | null;
  /** Median days among the recovered (a Kaplan–Meier median follows with the survival view). */
  medianDays: number | null;
  stillMissing: number;
}

/**
 * One row for each of the 55 districts, zero rows included. The district filter is ignored here so
 * the leaderboard keeps every district while the selected ones are highlighted.
 */
export const districtsQuery: QueryDef<DistrictRow[]> = {
  name: 'districts',
  sql: (filter) => `
SELECT
  d.id, d.name, d.name_hi AS "nameHi",
  CAST(count(c.case_id) AS INTEGER) AS reported,
  CAST(count(c.recovered_date) AS INTEGER) AS recovered,
  CAST(count(c.recovered_date) AS DOUBLE) / nullif(count(c.case_id), 0) AS "recoveryRate",
  CAST(median(c.recovered_date - c.missing_date) AS DOUBLE) AS "medianDays",
  CAST(count(c.case_id) - count(c.recovered_date) AS INTEGER) AS "stillMissing"
FROM districts d
LEFT JOIN (SELECT * FROM cases WHERE ${filterToPredicate(filter, { except: 'districts' })}) c
  ON c.origin_district = d.id
GROUP BY d.id, d.name, d.name_hi
ORDER BY reported DESC, d.name`,
  decode: (table) => toRows<DistrictRow>(table),
};
