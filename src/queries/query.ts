import { DataType, Precision, type Data, type Table, type Vector } from 'apache-arrow';
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

const utf8 = new TextDecoder();

/**
 * One result column's chunk into `rows[base + i][name]`, read straight from its buffers: going through
 * `Vector.get` cost more than the query itself for results of tens of thousands of rows. Text repeated
 * on consecutive rows (a group's name on each of its days) is decoded once. Types not read here go
 * through Arrow's own accessor.
 */
function fillColumn(rows: Record<string, unknown>[], name: string, column: Vector, data: Data, base: number): void {
  const { type, length } = data;
  if (DataType.isUtf8(type)) {
    const values = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    // Plain ASCII text (ids, keys, English names) is decoded once for the whole chunk and cut per row.
    const ascii = values.every((byte) => byte < 0x80) ? utf8.decode(values) : undefined;
    let text: string | null = null;
    let start = 0;
    let end = -1;
    for (let i = 0; i < length; i++) {
      if (!data.getValid(i)) {
        rows[base + i][name] = null;
        continue;
      }
      const s = offsets[i];
      const e = offsets[i + 1];
      if (ascii !== undefined) {
        rows[base + i][name] = ascii.substring(s, e);
        continue;
      }
      let same = text !== null && e - s === end - start;
      for (let k = 0; same && k < e - s; k++) same = values[s + k] === values[start + k];
      if (!same) [text, start, end] = [utf8.decode(values.subarray(s, e)), s, e];
      rows[base + i][name] = text;
    }
  } else if ((DataType.isInt(type) && type.bitWidth <= 32) || (DataType.isFloat(type) && type.precision !== Precision.HALF)) {
    const values = data.values as ArrayLike<number>;
    for (let i = 0; i < length; i++) rows[base + i][name] = data.getValid(i) ? values[i] : null;
  } else if (DataType.isBool(type)) {
    const values = data.values as Uint8Array;
    for (let i = 0; i < length; i++) {
      const bit = data.offset + i;
      rows[base + i][name] = data.getValid(i) ? (values[bit >> 3] & (1 << (bit & 7))) !== 0 : null;
    }
  } else if (DataType.isInt(type)) {
    const values = data.values as ArrayLike<bigint>;
    for (let i = 0; i < length; i++) rows[base + i][name] = data.getValid(i) ? Number(values[i]) : null;
  } else {
    for (let i = 0; i < length; i++) {
      const v = column.get(base + i);
      rows[base + i][name] = typeof v === 'bigint' ? Number(v) : v;
    }
  }
}

/** Rows as plain objects; counts are cast to INTEGER/DOUBLE in SQL so no BigInt reaches a view. */
export function toRows<T>(table: Table): T[] {
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  for (let i = 0; i < rows.length; i++) rows[i] = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    let base = 0;
    for (const data of column.data) {
      fillColumn(rows, field.name, column, data, base);
      base += data.length;
    }
  }
  return rows as T[];
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
