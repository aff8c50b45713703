import { goTo } from '../filters/location-store';
import { pendingQueryCount, pendingWork, subscribeWork } from './readiness';
import { currentEngine, getSession } from './session';

/**
 * What `npm run bench` drives in the page, installed only when the page is opened with `?bench`: time
 * one SQL statement on the engine (bypassing the result cache), time a filter change until every view
 * is ready again, and read the load timings and DuckDB's memory.
 */
export interface BenchHook {
  time(sql: string, repeats: number): Promise<number[]>;
  /** Data: until every query of the change is answered and decoded; ready: until every view has drawn it. */
  change(hash: string): Promise<{ dataMs: number; readyMs: number }>;
  /** The rows `sql` gives in the page, as JSON, to compare with native DuckDB's. */
  rows(sql: string): Promise<string>;
  load(): unknown;
  duckdbBytes(sql: string): Promise<number>;
}

const status = () => document.getElementById('root')?.dataset.status;

export function installBenchHook(): void {
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
        let sawQuery = false;
        let dataMs: number | undefined;
        const done = () => {
          unsubscribe();
          observer.disconnect();
          const readyMs = performance.now() - started;
          // No query sent: every result came from the cache.
          resolve({ dataMs: dataMs ?? 0, readyMs });
        };
        // Ready again once the change's work has started and every view has rendered its result.
        const observer = new MutationObserver(() => {
          if (sawWork && status() === 'ready' && pendingWork() === 0) done();
        });
        const unsubscribe = subscribeWork(() => {
          if (pendingWork() > 0) sawWork = true;
          if (pendingQueryCount() > 0) sawQuery = true;
          if (sawQuery && dataMs === undefined && pendingQueryCount() === 0) dataMs = performance.now() - started;
        });
        observer.observe(document.getElementById('root')!, { attributes: true, attributeFilter: ['data-status'] });
        // As a click on a filter does.
        goTo(hash);
        // A change whose results are all cached starts no work: it is done once the frame is drawn.
        requestAnimationFrame(() => requestAnimationFrame(() => {
          if (!sawWork && status() === 'ready' && pendingWork() === 0) done();
        }));
      });
    },
    async rows(sql) {
      const table = await (await currentEngine()).query(sql);
      return JSON.stringify(table.toArray().map((row) => row.toJSON()), (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    },
    load: () => {
      const session = getSession();
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return session.status === 'ready' ? { rows: session.rows, ...session.timings, readyAfterEngineMs: at('muskaan:ready') - at('muskaan:engine-ready') } : undefined;
    },
    async duckdbBytes(sql) {
      const table = await (await currentEngine()).query(sql);
      return Number(table.get(0)?.toJSON().bytes ?? 0);
    },
  };
  (window as unknown as { muskaanBench: BenchHook }).muskaanBench = hook;
}
