import type { Table } from 'apache-arrow';

/**
 * The one door to DuckDB. The browser runs DuckDB-WASM in a worker; Node tests and the command line
 * run the same WASM build in-process, so tests exercise the engine the dashboard runs.
 */
export interface Engine {
  query(sql: string): Promise<Table>;
  /** The result as an Arrow IPC stream written by DuckDB itself (for Parquet output, no Arrow JS re-encoding). */
  queryIPC(sql: string): Promise<Uint8Array>;
  /** Makes `text` readable by SQL as the file `name` (for read_csv); `drop` forgets it. */
  registerText(name: string, text: string): Promise<void>;
  /** Makes `bytes` readable by SQL as the file `name` (a snapshot's engine file, for ATTACH); `drop` forgets it. */
  registerBytes(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Appends an Arrow IPC stream to `table`, creating it when `create` is set. */
  insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Settings that keep DuckDB-WASM from downloading extensions: nothing may leave the machine. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];
