import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { ipcFileToStream } from './arrow-ipc';
import { OFFLINE_SETTINGS, type Engine } from './engine';
import engineWorker from './engine-worker?worker&url';

/** Bundles served by our own origin, never a CDN. */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export const ENGINE_START_TIMEOUT_MS = 30_000;

export class EngineStartError extends Error {
  name = 'EngineStartError';
}

async function start(onWorker: (worker: Worker) => void): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(`${engineWorker}?duckdb=${encodeURIComponent(bundle.mainWorker!)}`);
  onWorker(worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  for (const sql of OFFLINE_SETTINGS) await conn.query(sql);
  return {
    query: (sql) => conn.query(sql),
    queryIPC: async (sql) => ipcFileToStream(await conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
    registerText: (name, text) => db.registerFileText(name, text),
    registerBytes: (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    insertArrowIPC: (name, ipc, create) => conn.insertArrowFromIPCStream(ipc, { name, create }),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  };
}

/**
 * Starts DuckDB-WASM in a worker. A Content-Security-Policy without 'wasm-unsafe-eval' makes start-up
 * hang rather than fail, hence the timeout with a message that says so. A start that fails or times out
 * ends its worker, so a retry begins afresh.
 */
export function startBrowserEngine(timeoutMs = ENGINE_START_TIMEOUT_MS): Promise<Engine> {
  let worker: Worker | undefined;
  let settled = false;
  return new Promise((resolve, reject) => {
    const fail = (error: EngineStartError) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(new EngineStartError(
      `The database engine did not start within ${timeoutMs / 1000} s. WebAssembly may be blocked ` +
      `(the page's Content-Security-Policy must allow 'wasm-unsafe-eval') or the browser is out of memory.`,
    )), timeoutMs);
    start((w) => { worker = w; }).then(
      (engine) => {
        clearTimeout(timer);
        if (settled) {
          void engine.close();
          return;
        }
        settled = true;
        resolve(engine);
      },
      (error: unknown) => {
        clearTimeout(timer);
        fail(new EngineStartError(`The database engine failed to start: ${String(error)}`));
      },
    );
  });
}
