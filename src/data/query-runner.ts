import type { Table } from 'apache-arrow';
import type { Engine } from './engine';

const CACHE_SIZE = 200;

/**
 * Runs every dashboard query: identical SQL in flight is shared and finished results are cached
 * (least recently used first out), so views that ask the same question cost one query.
 */
export class QueryRunner {
  private readonly cache = new Map<string, Promise<Table>>();

  constructor(private readonly engine: Engine) {}

  run(sql: string): Promise<Table> {
    const hit = this.cache.get(sql);
    if (hit) {
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const result = this.engine.query(sql);
    this.cache.set(sql, result);
    result.catch(() => this.cache.delete(sql));
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  /** Forgets every result: the snapshot changed. */
  clear(): void {
    this.cache.clear();
  }
}

/** One query's outcome for a view: its rows, or the message of whatever went wrong. */
export interface QueryOutcome<T> {
  sql: string;
  data?: T;
  error?: string;
}

/** Decoded rows by result and decoder: an answer served again from the cache is not decoded again. */
const decoded = new WeakMap<Table, Map<(table: Table) => unknown, unknown>>();

/**
 * Runs `sql` and decodes the result; a failure of either is an error outcome, never a view left loading. The
 * same result decoded by the same decoder is the same object, so views that memoize on their data skip it.
 */
export async function decodedResult<T>(run: (sql: string) => Promise<Table>, sql: string, decode: (table: Table) => T): Promise<QueryOutcome<T>> {
  try {
    const table = await run(sql);
    let byDecoder = decoded.get(table);
    if (!byDecoder) decoded.set(table, (byDecoder = new Map()));
    if (!byDecoder.has(decode)) byDecoder.set(decode, decode(table));
    return { sql, data: byDecoder.get(decode) as T };
  } catch (error) {
    return { sql, error: error instanceof Error ? error.message : String(error) };
  }
}
