/** The one filter every view follows. Empty lists and undefined fields mean "no restriction". */
export const SEXES = ['F', 'M', 'T', 'U'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['0-5', '6-11', '12-14', '15-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SCOPES = ['within', 'interstate'] as const;
export type Scope = (typeof SCOPES)[number];

export const STATUSES = ['recovered', 'missing'] as const;
export type Status = (typeof STATUSES)[number];

export interface Filter {
  /** First missing date included, YYYY-MM-DD. */
  from?: string;
  /** Last missing date included, YYYY-MM-DD. */
  to?: string;
  sex: Sex[];
  ageBands: AgeBand[];
  /** Origin district ids. */
  districts: string[];
  /** Recovery state ISO 3166-2 codes. */
  states: string[];
  /** Recovered within MP or in another state. */
  scope?: Scope;
  status?: Status;
}

export type FilterField = keyof Filter;

/**
 * Fields that select on the outcome (recovered or not, where recovered). A survival estimate never
 * applies them: keeping only the recovered would drop exactly the children it must count as still missing.
 */
export const OUTCOME_FIELDS: readonly FilterField[] = ['states', 'scope', 'status'];

/** The outcome fields this filter sets. */
export function outcomeFieldsSet(filter: Filter): FilterField[] {
  return OUTCOME_FIELDS.filter((field) => {
    const value = filter[field];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}

export const EMPTY_FILTER: Filter = { sex: [], ageBands: [], districts: [], states: [] };

export const AGE_BAND_RANGE: Record<AgeBand, [number, number]> = {
  '0-5': [0, 5],
  '6-11': [6, 11],
  '12-14': [12, 14],
  '15-17': [15, 17],
};

/** Adds `value` to a list field, or removes it when present. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
