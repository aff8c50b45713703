import { filterToPredicate } from '../filters/where';
import { cubedQuery, toRows } from './query';

export interface Overview {
  reported: number;
  recovered: number;
  stillMissing: number;
  interstate: number;
  unlocated: number;
  firstMissing: string | null;
  lastMissing: string | null;
}

/** A recovered child whose place of recovery was not found in the gazetteer: counted, never drawn. */
const UNLOCATED = 'recovered_date IS NOT NULL AND recovery_lat IS NULL';

/** Headline counts for the filtered cases. */
export const overviewQuery = cubedQuery<Overview>({
  name: 'overview',
  plain: (filter) => `
SELECT
  CAST(count(*) AS INTEGER) AS reported,
  CAST(count(recovered_date) AS INTEGER) AS recovered,
  CAST(count(*) - count(recovered_date) AS INTEGER) AS "stillMissing",
  CAST(count(*) FILTER (WHERE recovery_state <> 'IN-MP') AS INTEGER) AS interstate,
  CAST(count(*) FILTER (WHERE ${UNLOCATED}) AS INTEGER) AS unlocated,
  strftime(min(missing_date), '%Y-%m-%d') AS "firstMissing",
  strftime(max(missing_date), '%Y-%m-%d') AS "lastMissing"
FROM cases
WHERE ${filterToPredicate(filter)}`,
  measures: () => [
    'CAST(count(*) AS INTEGER) AS n',
    `CAST(count(*) FILTER (WHERE ${UNLOCATED}) AS INTEGER) AS unlocated`,
    'min(missing_date) AS first_missing',
    'max(missing_date) AS last_missing',
  ],
  rollup: (cube) => `
SELECT
  CAST(coalesce(sum(n), 0) AS INTEGER) AS reported,
  CAST(coalesce(sum(n) FILTER (WHERE recovered), 0) AS INTEGER) AS recovered,
  CAST(coalesce(sum(n) FILTER (WHERE NOT recovered), 0) AS INTEGER) AS "stillMissing",
  CAST(coalesce(sum(n) FILTER (WHERE recovery_state <> 'IN-MP'), 0) AS INTEGER) AS interstate,
  CAST(coalesce(sum(unlocated), 0) AS INTEGER) AS unlocated,
  strftime(min(first_missing), '%Y-%m-%d') AS "firstMissing",
  strftime(max(last_missing), '%Y-%m-%d') AS "lastMissing"
FROM ${cube}`,
  decode: (table) => toRows<Overview>(table)[0],
});
