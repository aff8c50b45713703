import { AGE_BANDS, type Filter } from '../filters/filter';
import type { CorridorLevel } from '../filters/url';
import { sqlString } from '../filters/sql';
import { ageBandExpression, filterToPredicate } from '../filters/where';
import { corridorRecoveryPredicate, TARGET_KEY } from './corridors';
import { queryFamily, toRows } from './query';

/** What the side panel describes: a corridor, the cases of an origin district, or a destination. */
export type CorridorFocus =
  | { kind: 'corridor'; origin: string; target: string; level: CorridorLevel }
  | { kind: 'origin'; origin: string }
  | { kind: 'destination'; target: string; level: CorridorLevel };

/** The children a focus describes; a corridor or destination counts the recoveries its arc or ring draws. */
function focusPredicate(focus: CorridorFocus): string {
  switch (focus.kind) {
    case 'origin':
      return `origin_district = ${sqlString(focus.origin)}`;
    case 'destination':
      return `${corridorRecoveryPredicate(focus.level)} AND ${TARGET_KEY[focus.level]} = ${sqlString(focus.target)}`;
    case 'corridor':
      return `${corridorRecoveryPredicate(focus.level)} AND origin_district = ${sqlString(focus.origin)}
        AND ${TARGET_KEY[focus.level]} = ${sqlString(focus.target)}`;
  }
}

export interface CorridorDetailRow {
  /** 'total', 'month', 'sex', 'age' or 'place'. */
  facet: string;
  key: string | null;
  cases: number;
  recovered: number;
  medianDays: number | null;
  withAccusedArrested: number;
  arrestKnown: number;
}

export interface CorridorDetail {
  total: CorridorDetailRow;
  months: CorridorDetailRow[];
  sex: CorridorDetailRow[];
  age: CorridorDetailRow[];
  places: CorridorDetailRow[];
}

const focusSql = (filter: Filter, focus: CorridorFocus) => `
WITH f AS (SELECT * FROM cases WHERE ${filterToPredicate(filter)} AND ${focusPredicate(focus)}),
facets AS (
  SELECT 'total' AS facet, NULL AS key, * FROM f
  UNION ALL SELECT 'month', strftime(missing_date, '%Y-%m'), * FROM f
  UNION ALL SELECT 'sex', sex, * FROM f
  UNION ALL SELECT 'age', coalesce(${ageBandExpression()}, '?'), * FROM f
  UNION ALL SELECT 'place', concat_ws(', ', recovery_place, recovery_state), * FROM f WHERE recovered_date IS NOT NULL
)
SELECT facet, key,
  CAST(count(*) AS INTEGER) AS cases,
  CAST(count(recovered_date) AS INTEGER) AS recovered,
  CAST(median(recovered_date - missing_date) AS DOUBLE) AS "medianDays",
  CAST(count(*) FILTER (WHERE accused_arrested > 0) AS INTEGER) AS "withAccusedArrested",
  CAST(count(accused_arrested) AS INTEGER) AS "arrestKnown"
FROM facets GROUP BY facet, key
ORDER BY facet, (CASE WHEN facet = 'place' THEN -count(*) ELSE 0 END), key`;

/** Monthly counts, sex and age mix, median days, accused arrested and destinations for one focus. */
export const corridorDetailQuery = queryFamily<string, CorridorDetail>((focusJson) => {
  const focus = JSON.parse(focusJson) as CorridorFocus;
  return {
    name: `corridor-detail-${focus.kind}`,
    sql: (filter) => focusSql(filter, focus),
    decode: (table) => {
      const rows = toRows<CorridorDetailRow>(table);
      const of = (facet: string) => rows.filter((r) => r.facet === facet);
      return {
        total: of('total')[0] ?? {
          facet: 'total',
          key: null,
          cases: 0,
          recovered: 0,
          medianDays: null,
          withAccusedArrested: 0,
          arrestKnown: 0,
        },
        months: of('month'),
        sex: of('sex'),
        age: of('age').sort((a, b) => AGE_BANDS.indexOf(a.key as never) - AGE_BANDS.indexOf(b.key as never)),
        places: of('place').slice(0, 8),
      };
    },
  };
});

/** The family's key for a focus; keys are stable for equal focuses. */
export function focusKey(focus: CorridorFocus): string {
  return JSON.stringify(focus);
}
