import { filterToPredicate } from '../filters/where';
import { HOME_RECOVERY } from './corridors';
import { toRows, type QueryDef } from './query';

export interface Overview {
  reported: number;
  recovered: number;
  stillMissing: number;
  interstate: number;
  /** Recovered whose place could not be located: counted, not drawn. */
  unlocated: number;
  /** Recovered inside their own district: no corridor to draw. */
  withinHomeDistrict: number;
  firstMissing: string | null;
  lastMissing: string | null;
}

/** Headline counts for the filtered cases. */
export const overviewQuery: QueryDef<Overview> = {
  name: 'overview',
  sql: (filter) => `
SELECT
  CAST(count(*) AS INTEGER) AS reported,
  CAST(count(recovered_date) AS INTEGER) AS recovered,
  CAST(count(*) - count(recovered_date) AS INTEGER) AS "stillMissing",
  CAST(count(*) FILTER (WHERE recovery_state <> 'IN-MP') AS INTEGER) AS interstate,
  CAST(count(*) FILTER (WHERE recovered_date IS NOT NULL AND recovery_lat IS NULL AND NOT ${HOME_RECOVERY}) AS INTEGER)
    AS unlocated,
  CAST(count(*) FILTER (WHERE recovered_date IS NOT NULL AND ${HOME_RECOVERY}) AS INTEGER) AS "withinHomeDistrict",
  strftime(min(missing_date), '%Y-%m-%d') AS "firstMissing",
  strftime(max(missing_date), '%Y-%m-%d') AS "lastMissing"
FROM cases
WHERE ${filterToPredicate(filter)}`,
  decode: (table) => toRows<Overview>(table)[0],
};
