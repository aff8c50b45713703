import type { Table } from 'apache-arrow';
import type { Engine } from './engine';

const CACHE_SIZE = 200;
/** Queries sent to one engine before it answers: one running and one waiting in its worker, so it never idles. */
const IN_FLIGHT_PER_ENGINE = 2;

interface Waiting {
  sql: string;
  name: string;
  /** Asked for only by sections off screen: sent after every query the screen waits for. */
  background: boolean;
  resolve: (table: Table) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs every dashboard query: identical SQL in flight is shared and finished results are cached
 * (least recently used first out), so views that ask the same question cost one query. DuckDB-WASM runs
 * each engine on one thread; a second engine with the same snapshot attached answers a change's queries two
 * at a time. The queries a change asks for together are sent the screen's first (the sections off screen wait), each
 * kind longest first (by how long the same kind of query took last), each to the engine expected to be done first (by
 * the same times; with none, the one with fewer in flight), so no engine is left with a long one at the end while the
 * other idles. Warm-up statements run on each engine only while no query waits.
 */
export class QueryRunner {
  private readonly cache = new Map<string, Promise<Table>>();
  private readonly engines: {
    engine: Engine;
    inFlight: number;
    /** How long the page's queries in flight on it are expected to take, in all (ms, by their kinds' last times). */
    backlogMs: number;
    lastAnswer: number;
    warmUp: string[];
    warmingNow: boolean;
  }[];
  private warmUpStatements: readonly string[] = [];
  private onWarm?: () => void;
  private readonly waiting: Waiting[] = [];
  /** How long each kind of query (a QueryDef's name) took the last time, in ms. */
  private readonly lastMs = new Map<string, number>();
  private dispatchQueued = false;

  constructor(engine: Engine) {
    this.engines = [{ engine, inFlight: 0, backlogMs: 0, lastAnswer: 0, warmUp: [], warmingNow: false }];
  }

  /** Another engine holding the same rows; from now on it answers queries too. */
  addEngine(engine: Engine): void {
    this.engines.push({ engine, inFlight: 0, backlogMs: 0, lastAnswer: 0, warmUp: [...this.warmUpStatements], warmingNow: false });
    this.dispatch();
  }

  /**
   * Runs `statements` once on every engine, an engine added later included, one at a time and only while no query
   * waits: a change's queries wait for at most the one statement each engine is running. Their answers are dropped.
   * `onWarm` is called each time the last engine with statements left has run them.
   */
  warmUp(statements: readonly string[], onWarm?: () => void): void {
    this.warmUpStatements = statements;
    this.onWarm = onWarm;
    for (const each of this.engines) each.warmUp = [...statements];
    this.dispatch();
  }

  /** Drops the warm-up statements not yet sent: another snapshot is taking the engines over. */
  stopWarmUp(): void {
    this.warmUp([]);
  }

  /** Whether an engine has warm-up statements left to run. */
  get warming(): boolean {
    return this.engines.some((e) => e.warmUp.length > 0 || e.warmingNow);
  }

  /** Every engine that answers this runner's queries, the first one the snapshot was loaded into. */
  get answering(): readonly Engine[] {
    return this.engines.map((e) => e.engine);
  }

  /**
   * The result of `sql`; `name` says what kind of query it is, for the order queries are sent in, and `background`
   * that only a section off screen waits for it, so it is sent after the queries of the screen.
   */
  run(sql: string, name = sql, background = false): Promise<Table> {
    const hit = this.cache.get(sql);
    if (hit) {
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      // The screen now waits for it too.
      if (!background) for (const w of this.waiting) if (w.sql === sql) w.background = false;
      return hit;
    }
    const result = new Promise<Table>((resolve, reject) => this.waiting.push({ sql, name, background, resolve, reject }));
    // Sent once the caller has asked for all of this change's queries.
    if (!this.dispatchQueued) {
      this.dispatchQueued = true;
      queueMicrotask(() => {
        this.dispatchQueued = false;
        this.dispatch();
      });
    }
    this.cache.set(sql, result);
    result.catch(() => this.cache.delete(sql));
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  private dispatch(): void {
    const expected = (w: Waiting) => this.lastMs.get(w.name) ?? Infinity;
    // The screen's first; then stable: queries never run before, or as long, keep the order they were asked in.
    this.waiting.sort((a, b) =>
      a.background !== b.background ? Number(a.background) - Number(b.background) : expected(a) === expected(b) ? 0 : expected(b) - expected(a),
    );
    while (this.waiting.length) {
      // The engine expected to be done first, so a short query does not wait behind a long one while the other engine
      // works through short ones; if that engine has its two in flight, the query waits for it.
      const free = this.engines.reduce((a, b) =>
        b.backlogMs < a.backlogMs || (b.backlogMs === a.backlogMs && b.inFlight < a.inFlight) ? b : a,
      );
      if (free.inFlight >= IN_FLIGHT_PER_ENGINE) return;
      const { sql, name, resolve, reject } = this.waiting.shift()!;
      // Whole ms, so the backlog adds and subtracts exactly; a kind not run before counts as short.
      const expectedMs = Math.round(this.lastMs.get(name) ?? 0);
      free.inFlight++;
      free.backlogMs += expectedMs;
      const sent = performance.now();
      // The next query is sent before this answer is decoded.
      free.engine
        .query(sql)
        .finally(() => {
          // Timed from when the engine could start it: after its previous answer, when one was queued ahead.
          const now = performance.now();
          this.lastMs.set(name, now - Math.max(sent, free.lastAnswer));
          free.lastAnswer = now;
          free.inFlight--;
          free.backlogMs -= expectedMs;
          this.dispatch();
        })
        .then(resolve, reject);
    }
    // Nothing waits: an idle engine runs its next warm-up statement.
    for (const each of this.engines) {
      if (each.inFlight > 0 || each.warmUp.length === 0) continue;
      const sql = each.warmUp.shift()!;
      each.inFlight++;
      each.warmingNow = true;
      each.engine
        .query(sql)
        // Its answer is not wanted; a failure shows, with its message, when a view asks the same question.
        .catch(() => undefined)
        .finally(() => {
          each.lastAnswer = performance.now();
          each.inFlight--;
          each.warmingNow = false;
          if (!this.warming) this.onWarm?.();
          this.dispatch();
        });
    }
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
