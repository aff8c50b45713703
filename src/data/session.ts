import { useSyncExternalStore } from 'react';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { startBrowserEngine } from './duckdb-browser';
import type { Engine } from './engine';
import { checkManifest, type Manifest, type SnapshotIndex } from './manifest';
import { initParquet } from './parquet';
import { openingAnswers } from '../queries/cubes';
import type { QueryContext } from '../queries/query';
import { warmUpStatements } from '../queries/view-queries';
import { QueryRunner } from './query-runner';
import { beginWork, workSettled } from './readiness';
import { attachCases, fetchBytes, loadCases, loadDistrictTable, type LoadProgress } from './snapshot';

export type SessionState =
  | { status: 'loading'; snapshot?: string; progress?: LoadProgress }
  | {
    status: 'ready'; snapshot: string; manifest: Manifest; index: SnapshotIndex; runner: QueryRunner; rows: number;
    /** What the queries may know besides the filter, the snapshot's cubes included. */
    context: QueryContext;
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
/** A second engine, for snapshots opened from their engine file: it attaches the same file and shares the queries. */
let secondEngine: Promise<Engine> | undefined;
export type SecondEngineStatus = 'off' | 'starting' | 'answering' | 'failed';
let secondEngineStatus: SecondEngineStatus = 'off';
/**
 * Snapshots opened from an engine file warm their engines up (see warmUpStatements) up to this many cases. Beyond,
 * a query runs long enough for its own hot code to be compiled early in its run, and the warm-up would keep both
 * engines busy for long (10M cases: 26 s, for no gain in the data time of a filter change); the engines then only read
 * the cases once, as the opening answers' queries do, since a view opened unfiltered no longer reads them (10M: the
 * first filter change took 1.55–1.97 s with the cases unread, against 0.59–0.63 s when the opening queries had read
 * them).
 */
const WARM_UP_MAX_ROWS = 2_000_000;
/** How long the second engine waits for the first view to be drawn before it starts anyway. */
const SECOND_ENGINE_WAIT_MS = 10_000;

/** Each open gets a number; only the newest may change the session. */
let generation = 0;
/** Loads run one at a time: they share the engine's staging table. */
let loading: Promise<void> = Promise.resolve();
/** The running load's download, stopped when a newer open supersedes it. */
let download = new AbortController();

/** The engine, started once; a start that failed is forgotten so the next open tries again. */
function startedEngine(): Promise<Engine> {
  engine ??= startBrowserEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * A second engine pays on two cores or more, and holds a second copy of the engine file plus about as much again in
 * its buffers: only for files within an eighth of the device's memory (Chromium reports up to 8 GB; others nothing).
 */
function secondEngineFits(fileBytes: number): boolean {
  const memoryGB = (navigator as { deviceMemory?: number }).deviceMemory ?? 8;
  return navigator.hardwareConcurrency >= 2 && fileBytes * 8 <= memoryGB * 2 ** 30;
}

function startedSecondEngine(): Promise<Engine> {
  secondEngine ??= startBrowserEngine().catch((error: unknown) => {
    secondEngine = undefined;
    throw error;
  });
  return secondEngine;
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
const mark = (name: 'engine-ready' | 'fetched' | 'loaded' | 'second-engine' | 'warm') => performance.mark(`muskaan:${name}`);

/**
 * Starts the engine once and loads a snapshot into it (the index's default when none is named). A quick
 * second open supersedes the first: the first never replaces what the second shows.
 */
export function openSnapshot(requested?: string): Promise<void> {
  const mine = ++generation;
  download.abort();
  if (state.status === 'ready') state.runner.stopWarmUp();
  set({ status: 'loading', snapshot: requested });
  loading = loading.then(() => (mine === generation ? load(requested, mine) : undefined));
  return loading;
}

async function load(requested: string | undefined, mine: number): Promise<void> {
  const current = (next: SessionState) => {
    if (mine === generation) set(next);
  };
  const ownDownload = new AbortController();
  download = ownDownload;
  try {
    const started = performance.now();
    let engineMs: number | undefined;
    const engineReady = Promise.all([startedEngine(), initParquet(parquetWasm)]).then(([db]) => {
      mark('engine-ready');
      engineMs = performance.now() - started;
      return db;
    });
    // Awaited below, as is the download; whichever fails first ends the load, and the other must not go unhandled.
    engineReady.catch(() => undefined);
    const index = await fetchJson<SnapshotIndex>(`${SNAPSHOTS}/index.json`);
    const name = requested ?? index.default;
    if (!index.snapshots.some((s) => s.name === name)) throw new Error(`There is no snapshot called "${name}"`);
    const manifest = checkManifest(await fetchJson(`${SNAPSHOTS}/${name}/manifest.json`));
    const progress = (p: LoadProgress) => current({ status: 'loading', snapshot: name, progress: p });
    const second = manifest.engineFile !== undefined && secondEngineFits(manifest.engineFile.bytes);
    secondEngineStatus = second ? 'starting' : 'off';
    // The snapshot downloads while the engine starts: the engine compiles in its worker, the page only copies.
    const fetched = fetchCases(name, manifest, progress, second, ownDownload.signal);
    // Downloaded before the engine is up: the panel says it is still starting, not a full download bar.
    fetched.then(() => engineMs === undefined && current({ status: 'loading', snapshot: name }), () => undefined);
    const db = await engineReady;
    await loadDistrictTable(db);
    if (mine !== generation) return;
    const { rows, engineFileCopy, cubes, ...loaded } = await snapshotCases(db, name, manifest, progress, await fetched, ownDownload.signal);
    mark('loaded');
    const timings = { engineMs: engineMs ?? 0, ...loaded };
    const runner = new QueryRunner(db);
    const context = queryContext(manifest, cubes);
    current({ status: 'ready', snapshot: name, manifest, index, runner, rows, timings, context });
    if (engineFileCopy && mine === generation) {
      await workSettled(SECOND_ENGINE_WAIT_MS);
      await addSecondEngine(runner, engineFileCopy, rows, cubes, mine);
    } else secondEngineStatus = 'off';
    // After the second engine's start, which it would slow.
    if (mine === generation && loaded.source === 'engine file') {
      const statements = rows <= WARM_UP_MAX_ROWS ? warmUpStatements(context) : openingAnswers(context).map((answer) => answer.sql);
      runner.warmUp(statements, () => mark('warm'));
    }
  } catch (error) {
    current({ status: 'error', snapshot: requested, message: error instanceof Error ? error.message : String(error) });
  } finally {
    // A load that ended early (its engine failed) stops its download; a finished one is not affected.
    ownDownload.abort();
  }
}

/**
 * Starts the second engine, attaches the engine file to it and lets it answer `runner`'s queries; a failure leaves them
 * to the first engine. A later open supersedes it; queries an old runner still sends it are answered into a dropped
 * cache. Its caller waits for the first view to be drawn: started earlier, it competed with the first engine's attach,
 * then with the view's queries and drawing.
 */
async function addSecondEngine(runner: QueryRunner, bytes: Uint8Array, rows: number, cubes: readonly string[], mine: number): Promise<void> {
  try {
    const second = await startedSecondEngine();
    if (mine !== generation) return;
    await loadDistrictTable(second);
    // The same file: its cubes are those the first engine found.
    await attachCases(second, bytes, rows, undefined, cubes);
    if (mine !== generation) return;
    runner.addEngine(second);
    secondEngineStatus = 'answering';
    mark('second-engine');
  } catch (error) {
    secondEngineStatus = 'failed';
    console.warn(`The second engine did not start (${String(error)}); queries run on one`);
  }
}

interface FetchedCases {
  source: LoadTimings['source'];
  /** The file's bytes, and for an engine file a second copy when the second engine will start. */
  bytes: Uint8Array[];
  fetchMs: number;
}

/**
 * Fetches a snapshot's cases: its engine file when the manifest lists one, else (or when it cannot be fetched) its
 * Parquet. `copyEngineFile` keeps a copy of the engine file's bytes for the second engine.
 */
async function fetchCases(
  name: string,
  manifest: Manifest,
  progress: (p: LoadProgress) => void,
  copyEngineFile: boolean,
  signal?: AbortSignal,
): Promise<FetchedCases> {
  if (manifest.engineFile) {
    const fetchStarted = performance.now();
    try {
      const bytes = await fetchBytes(`${SNAPSHOTS}/${name}/${manifest.engineFile.file}`, {
        onProgress: progress,
        copies: copyEngineFile ? 2 : 1,
        bytes: manifest.engineFile.bytes,
        signal,
      });
      mark('fetched');
      return { source: 'engine file', bytes, fetchMs: performance.now() - fetchStarted };
    } catch (error) {
      if (signal?.aborted) throw error;
      console.warn(`Snapshot ${name}: its engine file did not download (${String(error)}); loading its Parquet instead`);
    }
  }
  return fetchParquet(name, progress, signal);
}

async function fetchParquet(name: string, progress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<FetchedCases> {
  const fetchStarted = performance.now();
  const bytes = await fetchBytes(`${SNAPSHOTS}/${name}/cases.parquet`, { onProgress: progress, signal });
  mark('fetched');
  return { source: 'parquet', bytes, fetchMs: performance.now() - fetchStarted };
}

/**
 * Loads a snapshot's fetched cases: its engine file is attached (no decoding or inserting), a Parquet loaded. An
 * engine file that cannot be opened (damaged, or from an engine too new) falls back to the Parquet, whose download
 * a later open stops like the first.
 */
async function snapshotCases(
  db: Engine,
  name: string,
  manifest: Manifest,
  progress: (p: LoadProgress) => void,
  fetched: FetchedCases,
  signal: AbortSignal,
): Promise<Omit<LoadTimings, 'engineMs'> & { rows: number; engineFileCopy?: Uint8Array; cubes: string[] }> {
  if (fetched.source === 'engine file') {
    const [bytes, engineFileCopy] = fetched.bytes;
    try {
      // Read before attaching: the engine's worker takes the buffer over.
      const size = bytes.byteLength;
      const { rows, attachMs, cubes } = await attachCases(db, bytes, manifest.rows.accepted, progress, manifest.engineFile?.cubes);
      return { source: 'engine file', rows, fetchMs: fetched.fetchMs, decodeMs: 0, insertMs: 0, compressMs: 0, attachMs, bytes: size, engineFileCopy, cubes };
    } catch (error) {
      console.warn(`Snapshot ${name}: its engine file did not open (${String(error)}); loading its Parquet instead`);
    }
    fetched = await fetchParquet(name, progress, signal);
  }
  const [parquet] = fetched.bytes;
  const { rows, decodeMs, insertMs, compressMs } = await loadCases(db, parquet, progress);
  return { source: 'parquet', rows, fetchMs: fetched.fetchMs, decodeMs, insertMs, compressMs, attachMs: 0, bytes: parquet.byteLength, cubes: [] };
}

function queryContext(manifest: Manifest, cubes: readonly string[]): QueryContext {
  return { asOf: manifest.asOf, firstMissing: manifest.dateRange.firstMissing, cubes: new Set(cubes) };
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
  previous.runner.stopWarmUp();
  const done = beginWork();
  try {
    const { rows } = await loadCases(await currentEngine(), parquet);
    secondEngineStatus = 'off';
    set({
      ...previous, snapshot: manifest.name, manifest, rows, importedFrom, timings: undefined,
      runner: new QueryRunner(await currentEngine()), context: queryContext(manifest, []),
    });
  } finally {
    done();
  }
}

/** Whether a second engine shares the loaded snapshot's queries. */
export function getSecondEngineStatus(): SecondEngineStatus {
  return secondEngineStatus;
}

export function getSession(): SessionState {
  return state;
}
