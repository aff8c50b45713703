import { filterToPredicate } from '../filters/where';
import { toRows, type QueryDef } from './query';

export interface Overview {
  reported: number;
  recovered: number;
  stillMissing: number;
  interstate: number;
  unlocated: number;
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
  CAST(count(*) FILTER (WHERE recovered_date IS NOT NULL AND recovery_lat IS NULL) AS INTEGER) AS unlocated,
  strftime(min(missing_date), '%Y-%m-%d') AS "firstMissing",
  strftime(max(missing_date), '%Y-%m-%d') AS "lastMissing"
FROM cases
WHERE ${filterToPredicate(filter)}`,
  decode: (table) => toRows<Overview>(table)[0],
};
