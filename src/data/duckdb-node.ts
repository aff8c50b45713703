import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConsoleLogger, LogLevel, NODE_RUNTIME, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import { ipcFileToStream } from './arrow-ipc';
import { OFFLINE_SETTINGS, type Engine } from './engine';

const require = createRequire(import.meta.url);

/** DuckDB-WASM in-process for Node (tests, command line): the same engine build as the browser. */
export async function startNodeEngine(): Promise<Engine> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new ConsoleLogger(LogLevel.WARNING),
    NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  for (const sql of OFFLINE_SETTINGS) conn.query(sql);
  return {
    query: async (sql) => conn.query(sql),
    queryIPC: async (sql) => ipcFileToStream(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
    registerText: async (name, text) => db.registerFileText(name, text),
    registerBytes: async (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => db.dropFile(name),
    insertArrowIPC: async (name, ipc, create) => {
      conn.insertArrowFromIPCStream(ipc, { name, create });
    },
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}
