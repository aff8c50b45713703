import { DataType, Precision, type Data, type Table, type Vector } from 'apache-arrow';
import type { Filter, FilterField } from '../filters/filter';
import { cubeFilterColumns, cubePredicate } from '../filters/where';

/** What a query may know besides the filter: facts of the loaded snapshot. */
export interface QueryContext {
  /** The snapshot's as-of date, YYYY-MM-DD: still-missing children are counted up to it. */
  asOf: string;
  /** The snapshot's first missing date, YYYY-MM-DD. */
  firstMissing: string;
  /** The cubes (by name) the loaded snapshot carries: none when it was loaded from its Parquet. */
  cubes?: ReadonlySet<string>;
}

/** One question: a pure function from filter to SQL, and a decoder of its Arrow result. */
export interface QueryDef<T> {
  name: string;
  sql(filter: Filter, context: QueryContext): string;
  decode(table: Table): T;
  /** The cube this query is answered from when the loaded snapshot carries it (for a snapshot as of `context.asOf`). */
  cube?(context: QueryContext): Cube;
  /** Its rows come in no set order (their reader sorts what it needs): two engines' answers are compared sorted. */
  unordered?: boolean;
}

/**
 * A table of cases grouped by the filter's fields (all but the dates) and by what one query groups by, written
 * beside the cases in a snapshot's engine file. A filter change reads its groups instead of every case. (An opening
 * answer is kept the same way: one query's rows for no filter.)
 */
export interface Cube {
  /** `cube_<hash of its SQL>`: a file written for another version of the query is never read. */
  name: string;
  /** Builds it from `cases`. */
  sql: string;
}

/** A query that can be answered from a cube, and how: the same rows either way. */
interface CubedQuery<T> {
  name: string;
  decode(table: Table): T;
  unordered?: boolean;
  /** The query over `cases`. */
  plain(filter: Filter, context: QueryContext): string;
  /** Filter fields the query does not apply. */
  except?: readonly FilterField[];
  /** What the cube holds besides the filter's columns: the query's own groups (none: the filter's only), then its measures. */
  groups?(context: QueryContext): string[];
  /**
   * Counts of the groups apart, when the query needs each on its own (by month reported, by month recovered, by
   * delay): one grouping set each, with the filter's columns; the groups a row is not counted by are NULL.
   */
  apart?: boolean;
  measures(context: QueryContext): string[];
  /** The cases the cube counts. */
  where?(context: QueryContext): string;
  /** Whether the cube answers for this filter (its fields but the dates always can be applied). */
  usable?(filter: Filter, context: QueryContext): boolean;
  /** The query's rows from `cube`, a subquery of the cube's rows the filter keeps. */
  rollup(cube: string, filter: Filter, context: QueryContext): string;
}

/** Every cube's name starts with it. */
export const CUBE_PREFIX = 'cube_';

/** FNV-1a, twice with different offsets: 16 hex digits naming a cube's SQL. */
function sqlHash(text: string): string {
  const fnv = (offset: number) => {
    let h = offset;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01234567);
}

/**
 * The cube that holds `sql`'s rows, in its order, named for its SQL: an aggregate a query rolls up, or a query's whole
 * answer (see openingAnswers).
 */
export function cubeOf(sql: string): Cube {
  return { name: `${CUBE_PREFIX}${sqlHash(sql)}`, sql };
}

/** How the page reads a stored answer (see openingAnswers) in place of its query. */
const ANSWER_READ = 'SELECT * FROM ';

/**
 * The SQL `query` is sent as for `filter`: a read of its stored answer when the loaded snapshot carries one for this
 * very SQL, else the query's own (from a cube or over the cases).
 */
export function querySql<T>(query: QueryDef<T>, filter: Filter, context: QueryContext): string {
  const sql = query.sql(filter, context);
  if (!context.cubes?.size) return sql;
  const { name } = cubeOf(sql);
  return context.cubes.has(name) ? `${ANSWER_READ}${name}` : sql;
}

/**
 * The kind of query the runner times `sql` as (it sends a change's longest kinds first): a stored answer's read is a
 * kind of its own, or the first change after a view opened from its answers would expect its slowest query to take
 * the milliseconds its answer took, and send it last.
 */
export function queryKind<T>(query: QueryDef<T>, sql: string): string {
  return sql.startsWith(`${ANSWER_READ}${CUBE_PREFIX}`) ? `${query.name} (stored answer)` : query.name;
}

/** A query answered from its cube when the snapshot carries it and the filter sets no date the query applies. */
export function cubedQuery<T>(query: CubedQuery<T>): QueryDef<T> {
  const cubes = new Map<string, Cube>();
  const cube = (context: QueryContext): Cube => {
    // A cube's groups and measures may read both dates of the snapshot.
    const key = `${context.asOf} ${context.firstMissing}`;
    let made = cubes.get(key);
    if (!made) {
      const filterColumns = cubeFilterColumns(query.except);
      const groups = query.groups?.(context) ?? [];
      const columns = [...filterColumns, ...groups, ...query.measures(context)];
      // A group or measure named as a filter column would be read as that column.
      const names = columns.map((column) =>
        column
          .split(/\s+AS\s+/i)
          .pop()!
          .trim(),
      );
      if (new Set(names).size !== names.length) throw new Error(`Cube of ${query.name}: two columns named alike (${names.join(', ')})`);
      const filterNames = names.slice(0, filterColumns.length);
      const sets = names
        .slice(filterColumns.length, filterColumns.length + groups.length)
        .map((group) => `(${[...filterNames, group].join(', ')})`);
      const groupBy = query.apart ? `GROUPING SETS (${sets.join(', ')})` : 'ALL';
      const sql = `SELECT ${columns.join(', ')} FROM cases WHERE ${query.where?.(context) ?? 'TRUE'} GROUP BY ${groupBy}`;
      cubes.set(key, (made = cubeOf(sql)));
    }
    return made;
  };
  return {
    name: query.name,
    decode: query.decode,
    unordered: query.unordered,
    cube,
    sql: (filter, context) => {
      const predicate = context.cubes?.size ? cubePredicate(filter, query.except) : undefined;
      if (predicate !== undefined && (query.usable?.(filter, context) ?? true)) {
        const { name } = cube(context);
        if (context.cubes!.has(name)) return query.rollup(`(SELECT * FROM ${name} WHERE ${predicate})`, filter, context);
      }
      return query.plain(filter, context);
    },
  };
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

/** `rows` in one order whichever engine answered `query`: as they came when its SQL orders them, else sorted by column. */
export function comparableRows<R>(query: QueryDef<unknown>, rows: readonly R[]): R[] {
  return query.unordered ? [...rows].sort(byColumns) : [...rows];
}

/** Rows compared column by column (NULL first), as `ORDER BY ALL` would put them. */
function byColumns(a: unknown, b: unknown): number {
  const x = Object.values(a as object);
  const y = Object.values(b as object);
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === null) return -1;
    if (y[i] === null) return 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return 0;
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
