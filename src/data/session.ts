import { useSyncExternalStore } from 'react';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { startBrowserEngine } from './duckdb-browser';
import type { Engine } from './engine';
import { checkManifest, type Manifest, type SnapshotIndex } from './manifest';
import { initParquet } from './parquet';
import { QueryRunner } from './query-runner';
import { beginWork } from './readiness';
import { attachCases, fetchBytes, loadCases, loadDistrictTable, type LoadProgress } from './snapshot';

export type SessionState =
  | { status: 'loading'; snapshot?: string; progress?: LoadProgress }
  | {
    status: 'ready'; snapshot: string; manifest: Manifest; index: SnapshotIndex; runner: QueryRunner; rows: number;
    /** The file name when the user imported this snapshot in the browser (not saved anywhere). */
    importedFrom?: string;
    timings?: LoadTimings;
  }
  | { status: 'error'; snapshot?: string; message: string };

/** Where the last load spent its time, in ms. */
export interface LoadTimings {
  /** What was opened: the snapshot's engine file, or its Parquet (decoded, inserted, compressed). */
  source: 'engine file' | 'parquet';
  engineMs: number;
  fetchMs: number;
  decodeMs: number;
  insertMs: number;
  /** The checkpoint that compresses the loaded rows. */
  compressMs: number;
  /** Attaching and checking an engine file. */
  attachMs: number;
  bytes: number;
}

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();
let engine: Promise<Engine> | undefined;
/** Each open gets a number; only the newest may change the session. */
let generation = 0;
/** Loads run one at a time: they share the engine's staging table. */
let loading: Promise<void> = Promise.resolve();

/** The engine, started once; a start that failed is forgotten so the next open tries again. */
function startedEngine(): Promise<Engine> {
  engine ??= startBrowserEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

const SNAPSHOTS = `${import.meta.env.BASE_URL}data/snapshots`;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

/** Phases of start-up as performance marks, visible in the browser's performance tools. */
const mark = (name: 'engine-ready' | 'fetched' | 'loaded') => performance.mark(`muskaan:${name}`);

/**
 * Starts the engine once and loads a snapshot into it (the index's default when none is named). A quick
 * second open supersedes the first: the first never replaces what the second shows.
 */
export function openSnapshot(requested?: string): Promise<void> {
  const mine = ++generation;
  set({ status: 'loading', snapshot: requested });
  loading = loading.then(() => (mine === generation ? load(requested, mine) : undefined));
  return loading;
}

async function load(requested: string | undefined, mine: number): Promise<void> {
  const current = (next: SessionState) => {
    if (mine === generation) set(next);
  };
  try {
    const started = performance.now();
    const [db] = await Promise.all([startedEngine(), initParquet(parquetWasm)]);
    mark('engine-ready');
    const engineMs = performance.now() - started;
    const index = await fetchJson<SnapshotIndex>(`${SNAPSHOTS}/index.json`);
    const name = requested ?? index.default;
    if (!index.snapshots.some((s) => s.name === name)) throw new Error(`There is no snapshot called "${name}"`);
    const manifest = checkManifest(await fetchJson(`${SNAPSHOTS}/${name}/manifest.json`));
    const progress = (p: LoadProgress) => current({ status: 'loading', snapshot: name, progress: p });
    await loadDistrictTable(db);
    if (mine !== generation) return;
    const { rows, ...loaded } = await snapshotCases(db, name, manifest, progress);
    mark('loaded');
    const timings = { engineMs, ...loaded };
    current({ status: 'ready', snapshot: name, manifest, index, runner: new QueryRunner(db), rows, timings });
  } catch (error) {
    current({ status: 'error', snapshot: requested, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Loads a snapshot's cases: its engine file when the manifest lists one (no decoding or inserting), else its
 * Parquet. An engine file that cannot be opened (damaged, or from an engine too new) falls back to the Parquet.
 */
async function snapshotCases(
  db: Engine,
  name: string,
  manifest: Manifest,
  progress: (p: LoadProgress) => void,
): Promise<Omit<LoadTimings, 'engineMs'> & { rows: number }> {
  const fetchStarted = performance.now();
  if (manifest.engineFile) {
    try {
      const bytes = await fetchBytes(`${SNAPSHOTS}/${name}/${manifest.engineFile.file}`, progress);
      const fetchMs = performance.now() - fetchStarted;
      mark('fetched');
      // Read before attaching: the engine's worker takes the buffer over.
      const size = bytes.byteLength;
      const { rows, attachMs } = await attachCases(db, bytes, manifest.rows.accepted, progress);
      return { source: 'engine file', rows, fetchMs, decodeMs: 0, insertMs: 0, compressMs: 0, attachMs, bytes: size };
    } catch (error) {
      console.warn(`Snapshot ${name}: its engine file did not open (${String(error)}); loading its Parquet instead`);
    }
  }
  const parquet = await fetchBytes(`${SNAPSHOTS}/${name}/cases.parquet`, progress);
  const fetchMs = performance.now() - fetchStarted;
  mark('fetched');
  const { rows, decodeMs, insertMs, compressMs } = await loadCases(db, parquet, progress);
  return { source: 'parquet', rows, fetchMs, decodeMs, insertMs, compressMs, attachMs: 0, bytes: parquet.byteLength };
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** The running engine, for work beside the loaded snapshot (writing an import). */
export function currentEngine(): Promise<Engine> {
  return startedEngine();
}

/**
 * Loads Parquet bytes in place of the current snapshot. The load goes through the same checks as any
 * snapshot; when it fails the previous snapshot stays loaded and the error is thrown to the caller.
 */
export async function replaceSnapshot(parquet: Uint8Array, manifest: Manifest, importedFrom: string): Promise<void> {
  if (state.status !== 'ready') throw new Error('No snapshot is loaded yet');
  const previous = state;
  const done = beginWork();
  try {
    const { rows } = await loadCases(await currentEngine(), parquet);
    set({
      ...previous, snapshot: manifest.name, manifest, rows, importedFrom, timings: undefined,
      runner: new QueryRunner(await currentEngine()),
    });
  } finally {
    done();
  }
}

export function getSession(): SessionState {
  return state;
}
