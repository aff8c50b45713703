import { HOME_STATE } from '../geo/states';
import { AGE_BAND_RANGE, type Filter, type FilterField } from './filter';
import { sqlDate, sqlString, sqlStringList } from './sql';

export interface WhereOptions {
  /** Fields to ignore: a view that sets one (the leaderboard's district click) keeps its full list. */
  except?: FilterField | readonly FilterField[];
  /** Table alias the columns belong to. */
  alias?: string;
}

/** One predicate per set field, ANDed; `TRUE` when nothing is set. */
export function filterToPredicate(filter: Filter, options: WhereOptions = {}): string {
  const c = (column: string) => (options.alias ? `${options.alias}.${column}` : column);
  const skipped = ([] as FilterField[]).concat(options.except ?? []);
  const applies = (field: FilterField) => !skipped.includes(field);
  const parts: string[] = [];
  if (applies('from') && filter.from) parts.push(`${c('missing_date')} >= ${sqlDate(filter.from)}`);
  if (applies('to') && filter.to) parts.push(`${c('missing_date')} <= ${sqlDate(filter.to)}`);
  if (applies('sex') && filter.sex.length) parts.push(`${c('sex')} IN ${sqlStringList(filter.sex)}`);
  if (applies('ageBands') && filter.ageBands.length) {
    const bands = filter.ageBands.map((b) => `${c('age_years')} BETWEEN ${AGE_BAND_RANGE[b][0]} AND ${AGE_BAND_RANGE[b][1]}`);
    parts.push(`(${bands.join(' OR ')})`);
  }
  if (applies('districts') && filter.districts.length) parts.push(`${c('origin_district')} IN ${sqlStringList(filter.districts)}`);
  if (applies('states') && filter.states.length) parts.push(`${c('recovery_state')} IN ${sqlStringList(filter.states)}`);
  if (applies('scope') && filter.scope === 'within') parts.push(`${c('recovery_state')} = ${sqlString(HOME_STATE)}`);
  if (applies('scope') && filter.scope === 'interstate') parts.push(`${c('recovery_state')} <> ${sqlString(HOME_STATE)}`);
  if (applies('status') && filter.status === 'recovered') parts.push(`${c('recovered_date')} IS NOT NULL`);
  if (applies('status') && filter.status === 'missing') parts.push(`${c('recovered_date')} IS NULL`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The age band of `age_years` as text ('0-5' … '15-17'), NULL when the age is not recorded. */
export function ageBandExpression(alias?: string): string {
  const column = alias ? `${alias}.age_years` : 'age_years';
  const arms = Object.entries(AGE_BAND_RANGE).map(([band, [lo, hi]]) => `WHEN ${column} BETWEEN ${lo} AND ${hi} THEN ${sqlString(band)}`);
  return `CASE ${arms.join(' ')} END`;
}
