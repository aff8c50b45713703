import { goTo } from '../filters/location-store';
import type { Engine } from './engine';
import { pendingAllWork, pendingQueryCount, pendingWork, subscribeWork } from './readiness';
import { currentEngine, getSecondEngineStatus, getSession, type LoadTimings, type SecondEngineStatus } from './session';

/**
 * What `npm run bench` drives in the page, installed only when the page is opened with `?bench`: time
 * one SQL statement on the engine (bypassing the result cache), time a filter change until every view
 * is ready again, and read the load timings and DuckDB's memory.
 */
export interface BenchHook {
  time(sql: string, repeats: number): Promise<number[]>;
  /**
   * Data: until every query of the change on screen is answered and decoded; ready: until the screen has drawn it;
   * settled: until the sections off screen have caught up too (`#root[data-status]` is `ready` again).
   */
  change(hash: string): Promise<{ dataMs: number; readyMs: number; settledMs: number }>;
  /** The rows `sql` gives in the page on each engine answering queries, as a JSON list of each one's rows. */
  rows(sql: string): Promise<string>;
  load(): LoadReport | undefined;
  /** Memory of every engine answering queries, summed. */
  duckdbBytes(sql: string): Promise<number>;
}

/** The loaded snapshot, where its load spent its time, and the engines answering its queries. */
export type LoadReport = Partial<LoadTimings> & {
  rows: number;
  /** From the engine's start to the first view drawn, and to its queries answered and decoded (the rest is drawing). */
  readyAfterEngineMs: number;
  answeredAfterEngineMs: number;
  engines: number;
  secondEngine: SecondEngineStatus;
  secondEngineAfterReadyMs: number;
  /** The cubes the snapshot carries: the page's queries are answered from them where they can be. */
  cubes: string[];
  /** Whether an engine still has warm-up statements to run, and when the last one ran them all. */
  warming: boolean;
  warmAfterReadyMs: number;
};

const status = () => document.getElementById('root')?.dataset.status;

/** The engines answering the dashboard's queries: the bench checks and measures each. */
function answering(): readonly Engine[] {
  const session = getSession();
  if (session.status !== 'ready') throw new Error('No snapshot is loaded');
  return session.runner.answering;
}

export function installBenchHook(): void {
  // The open's data time: when the queries of the views first shown were last all answered before the first `ready`.
  let openQueries = 0;
  let openAnswered = NaN;
  const stopWatchingOpen = subscribeWork(() => {
    if (performance.getEntriesByName('muskaan:ready').length > 0) return stopWatchingOpen();
    if (openQueries > 0 && pendingQueryCount() === 0) openAnswered = performance.now();
    openQueries = pendingQueryCount();
  });
  const hook: BenchHook = {
    async time(sql, repeats) {
      const engine = await currentEngine();
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const started = performance.now();
        await engine.query(sql);
        times.push(performance.now() - started);
      }
      return times;
    },
    change(hash) {
      return new Promise((resolve) => {
        const started = performance.now();
        let sawWork = false;
        let sawScreenWork = false;
        let sawQuery = false;
        let dataMs: number | undefined;
        let readyMs: number | undefined;
        const done = () => {
          unsubscribe();
          observer.disconnect();
          const settledMs = performance.now() - started;
          // No query sent: every result came from the cache.
          resolve({ dataMs: dataMs ?? 0, readyMs: readyMs ?? settledMs, settledMs });
        };
        // Settled once the change's work has started and every view has rendered its result, on screen and off.
        const observer = new MutationObserver(() => {
          if (sawWork && status() === 'ready' && pendingAllWork() === 0) done();
        });
        const unsubscribe = subscribeWork(() => {
          if (pendingAllWork() > 0) sawWork = true;
          if (pendingWork() > 0) sawScreenWork = true;
          if (pendingQueryCount() > 0) sawQuery = true;
          if (sawQuery && dataMs === undefined && pendingQueryCount() === 0) dataMs = performance.now() - started;
          if (sawScreenWork && readyMs === undefined && pendingWork() === 0) {
            // The screen's work can end and more begin in one commit: drawn only if none has begun by the microtask.
            const at = performance.now() - started;
            queueMicrotask(() => {
              if (readyMs === undefined && pendingWork() === 0) readyMs = at;
            });
          }
        });
        observer.observe(document.getElementById('root')!, { attributes: true, attributeFilter: ['data-status'] });
        // As a click on a filter does.
        goTo(hash);
        // A change whose results are all cached starts no work: it is done once the frame is drawn.
        requestAnimationFrame(() => requestAnimationFrame(() => {
          if (!sawWork && status() === 'ready' && pendingAllWork() === 0) done();
        }));
      });
    },
    async rows(sql) {
      const rows = await Promise.all(answering().map(async (engine) => (await engine.query(sql)).toArray().map((row) => row.toJSON())));
      return JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    },
    load: () => {
      const session = getSession();
      const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
      if (session.status !== 'ready') return undefined;
      return {
        rows: session.rows,
        ...session.timings,
        readyAfterEngineMs: at('muskaan:ready') - at('muskaan:engine-ready'),
        answeredAfterEngineMs: openAnswered - at('muskaan:engine-ready'),
        engines: session.runner.answering.length,
        secondEngine: getSecondEngineStatus(),
        secondEngineAfterReadyMs: at('muskaan:second-engine') - at('muskaan:ready'),
        cubes: [...(session.context.cubes ?? [])],
        warming: session.runner.warming,
        warmAfterReadyMs: at('muskaan:warm') - at('muskaan:ready'),
      };
    },
    async duckdbBytes(sql) {
      const tables = await Promise.all(answering().map((engine) => engine.query(sql)));
      return tables.reduce((sum, table) => sum + Number(table.get(0)?.toJSON().bytes ?? 0), 0);
    },
  };
  (window as unknown as { muskaanBench: BenchHook }).muskaanBench = hook;
}
