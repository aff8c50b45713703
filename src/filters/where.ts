import { HOME_STATE } from '../geo/states';
import { AGE_BAND_RANGE, type Filter, type FilterField } from './filter';
import { sqlDate, sqlString, sqlStringList } from './sql';

export interface WhereOptions {
  /** Fields to ignore: a view that sets one (the leaderboard's district click) keeps its full list. */
  except?: FilterField | readonly FilterField[];
  /** Table alias the columns belong to. */
  alias?: string;
  /** The predicate is on a cube's columns (see cubeFilterColumns): the age band and the recovered flag as grouped. */
  cube?: boolean;
}

/** `column` is one of `values`: an equality for one value, which DuckDB checks on the column's dictionary codes. */
function oneOf(column: string, values: readonly string[]): string {
  return values.length === 1 ? `${column} = ${sqlString(values[0])}` : `${column} IN ${sqlStringList(values)}`;
}

/** One predicate per set field, ANDed; `TRUE` when nothing is set. */
export function filterToPredicate(filter: Filter, options: WhereOptions = {}): string {
  const c = (column: string) => (options.alias ? `${options.alias}.${column}` : column);
  const skipped = ([] as FilterField[]).concat(options.except ?? []);
  const applies = (field: FilterField) => !skipped.includes(field);
  const parts: string[] = [];
  if (applies('from') && filter.from) parts.push(`${c('missing_date')} >= ${sqlDate(filter.from)}`);
  if (applies('to') && filter.to) parts.push(`${c('missing_date')} <= ${sqlDate(filter.to)}`);
  if (applies('sex') && filter.sex.length) parts.push(oneOf(c('sex'), filter.sex));
  if (applies('ageBands') && filter.ageBands.length) {
    const bands = filter.ageBands.map((b) => `${c('age_years')} BETWEEN ${AGE_BAND_RANGE[b][0]} AND ${AGE_BAND_RANGE[b][1]}`);
    parts.push(options.cube ? oneOf(c('age_band'), filter.ageBands) : `(${bands.join(' OR ')})`);
  }
  if (applies('districts') && filter.districts.length) parts.push(oneOf(c('origin_district'), filter.districts));
  if (applies('states') && filter.states.length) parts.push(oneOf(c('recovery_state'), filter.states));
  if (applies('scope') && filter.scope === 'within') parts.push(`${c('recovery_state')} = ${sqlString(HOME_STATE)}`);
  if (applies('scope') && filter.scope === 'interstate') parts.push(`${c('recovery_state')} <> ${sqlString(HOME_STATE)}`);
  if (applies('status') && filter.status === 'recovered') parts.push(options.cube ? c('recovered') : `${c('recovered_date')} IS NOT NULL`);
  if (applies('status') && filter.status === 'missing')
    parts.push(options.cube ? `NOT ${c('recovered')}` : `${c('recovered_date')} IS NULL`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The age band of `age_years` as text ('0-5' … '15-17'), NULL when the age is not recorded. */
export function ageBandExpression(alias?: string): string {
  const column = alias ? `${alias}.age_years` : 'age_years';
  const arms = Object.entries(AGE_BAND_RANGE).map(([band, [lo, hi]]) => `WHEN ${column} BETWEEN ${lo} AND ${hi} THEN ${sqlString(band)}`);
  return `CASE ${arms.join(' ')} END`;
}

/** The fields a cube groups on, so any filter on them can be applied to it: every field but the dates. */
const CUBE_FIELDS = ['sex', 'ageBands', 'districts', 'states', 'scope', 'status'] as const satisfies readonly FilterField[];

/** A cube's column for each filter field (the states and the scope share the recovery state). */
const CUBE_COLUMNS: Record<(typeof CUBE_FIELDS)[number], string> = {
  sex: 'sex',
  ageBands: `${ageBandExpression()} AS age_band`,
  districts: 'origin_district',
  states: 'recovery_state',
  scope: 'recovery_state',
  status: 'recovered_date IS NOT NULL AS recovered',
};

/** The columns of `cases` a cube groups on for the filter's fields a query applies (all but those in `except`). */
export function cubeFilterColumns(except: readonly FilterField[] = []): string[] {
  return [...new Set(CUBE_FIELDS.filter((field) => !except.includes(field)).map((field) => CUBE_COLUMNS[field]))];
}

/**
 * The filter as a predicate on a cube's columns (see cubeFilterColumns), the same cases as filterToPredicate
 * selects; undefined when it sets a date the query applies, which a cube cannot tell apart.
 */
export function cubePredicate(filter: Filter, except: readonly FilterField[] = []): string | undefined {
  const applies = (field: FilterField) => !except.includes(field);
  if ((applies('from') && filter.from) || (applies('to') && filter.to)) return undefined;
  return filterToPredicate(filter, { except, cube: true });
}
