import { DuckDBInstance } from '@duckdb/node-api';

/** Native DuckDB for the command line, where 10M rows outgrow the 4 GB of a WASM engine. */
export interface NativeDuckDB {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openNativeDuckDB(): Promise<NativeDuckDB> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    close: () => connection.closeSync(),
  };
}
