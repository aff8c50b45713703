import type { Table } from 'apache-arrow';
import type { Filter } from '../filters/filter';

/** What a query may know besides the filter: facts of the loaded snapshot. */
export interface QueryContext {
  /** The snapshot's as-of date, YYYY-MM-DD: still-missing children are counted up to it. */
  asOf: string;
  /** The snapshot's first missing date, YYYY-MM-DD. */
  firstMissing: string;
}

/** One question: a pure function from filter to SQL, and a decoder of its Arrow result. */
export interface QueryDef<T> {
  name: string;
  sql(filter: Filter, context: QueryContext): string;
  decode(table: Table): T;
}

/**
 * A date's month as YYYY-MM for `GROUP BY`: group on the month's first day and format only the groups, since
 * formatting every row as text is what made month queries slow.
 */
export function monthGroup(column: string): { key: string; label: (key: string) => string } {
  return { key: `date_trunc('month', ${column})`, label: (key) => `strftime(${key}, '%Y-%m')` };
}

/** Rows as plain objects; counts are cast to INTEGER/DOUBLE in SQL so no BigInt reaches a view. */
export function toRows<T>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const v = columns[c].get(i);
      row[names[c]] = typeof v === 'bigint' ? Number(v) : v;
    }
    rows[i] = row as T;
  }
  return rows;
}

/** Keeps one QueryDef object per key, so hooks see a stable query for the same choice. */
export function queryFamily<K extends string, T>(make: (key: K) => QueryDef<T>): (key: K) => QueryDef<T> {
  const made = new Map<K, QueryDef<T>>();
  return (key) => {
    let query = made.get(key);
    if (!query) made.set(key, (query = make(key)));
    return query;
  };
}
