import { MP_DISTRICTS } from '../geo/mp-districts';
import {
  CASES, CASES_STAGING, COMPRESS_SQL, DISTRICTS, SNAPSHOT_FILE_PREFIX, attachSnapshotFileSql, attachedSnapshotFilesSql,
  casesViewSql, type CasesKind, createDistrictsSql, cubeViewSql, detachSql, dropTableSql, filledCasesSql, promoteStagingSql, requiredNullsSql,
  snapshotFileColumnsSql, snapshotFileCubesSql,
} from '../queries/snapshot-tables';
import type { Engine } from './engine';
import { parquetRowGroups, parquetSchema } from './parquet';
import { CASE_COLUMNS, checkCaseSchema, SnapshotSchemaError } from './schema';

export interface LoadProgress {
  phase: 'fetch' | 'decode' | 'check' | 'compress';
  /** 0..1 where known. */
  fraction?: number;
  bytes?: number;
  rows?: number;
}

/** The 55 districts as a table, so queries can list districts with no cases and place origins at HQs. */
export async function loadDistrictTable(engine: Engine): Promise<void> {
  await engine.query(dropTableSql(DISTRICTS));
  await engine.query(createDistrictsSql(MP_DISTRICTS));
}

/**
 * Loads Parquet bytes into `cases`. Rows go to a staging table first; the schema and the NOT NULL
 * columns are checked before it replaces the loaded snapshot, so a bad file leaves the old one in place.
 */
export async function loadCases(
  engine: Engine,
  parquet: Uint8Array,
  onProgress: (p: LoadProgress) => void = () => {},
): Promise<{ rows: number; decodeMs: number; insertMs: number; compressMs: number }> {
  let schema;
  try {
    schema = parquetSchema(parquet);
  } catch (error) {
    throw new Error(`Not a readable Parquet file: ${String(error)}`);
  }
  checkCaseSchema(schema);
  await engine.query(dropTableSql(CASES_STAGING));
  let rows = 0;
  let group = 0;
  let decodeMs = 0;
  let insertMs = 0;
  // The next batch is decoded (here) while the engine's worker inserts the previous one.
  let inserting: Promise<void> = Promise.resolve();
  let mark = performance.now();
  for await (const { ipc, rowGroups, total } of parquetRowGroups(parquet)) {
    decodeMs += performance.now() - mark;
    mark = performance.now();
    await inserting;
    insertMs += performance.now() - mark;
    inserting = engine.insertArrowIPC(CASES_STAGING, ipc, group === 0);
    // Awaited at the next batch or after the last; until then a failure must not count as unhandled.
    inserting.catch(() => undefined);
    group++;
    onProgress({ phase: 'decode', fraction: rowGroups / total, bytes: parquet.byteLength });
    mark = performance.now();
  }
  await inserting;
  insertMs += performance.now() - mark;
  mark = performance.now();
  if (group === 0) throw new Error('The Parquet file has no row groups: no cases to load');
  onProgress({ phase: 'check' });
  try {
    rows = await countFilledCases(engine, CASES_STAGING);
  } catch (error) {
    await engine.query(dropTableSql(CASES_STAGING));
    throw error;
  }
  for (const sql of promoteStagingSql(casesIn.get(engine))) await engine.query(sql);
  casesIn.set(engine, 'table');
  await detachSnapshotFiles(engine);
  insertMs += performance.now() - mark;
  mark = performance.now();
  onProgress({ phase: 'compress' });
  await engine.query(COMPRESS_SQL);
  return { rows, decodeMs, insertMs, compressMs: performance.now() - mark };
}

/** The cases in `table` (of an attached `database`); throws when a column the schema requires is empty anywhere. */
async function countFilledCases(engine: Engine, table: string, database?: string): Promise<number> {
  const { cases, emptyCases } = (await engine.query(filledCasesSql(table, database))).get(0)!.toJSON() as Record<string, number>;
  if (emptyCases > 0) {
    const counts = (await engine.query(requiredNullsSql(table, database))).get(0)!.toJSON() as Record<string, number>;
    for (const column of CASE_COLUMNS) {
      if (!column.nullable && Number(counts[column.name]) > 0) {
        throw new SnapshotSchemaError(column.name, `must not be empty but is empty in ${counts[column.name]} rows`);
      }
    }
  }
  return Number(cases);
}

/** What `cases` is in each engine, kept here, its only writer: asking the catalog cost an open about 0.1 s. */
const casesIn = new WeakMap<Engine, CasesKind>();

/** The name an attached engine file's bytes are registered under. */
const engineFileName = (database: string) => `${database}.duckdb`;

/** Detaches every attached engine file but `keep`, and frees its bytes. */
async function detachSnapshotFiles(engine: Engine, keep?: string): Promise<void> {
  const attached = (await engine.query(attachedSnapshotFilesSql())).toArray().map((row) => String(row.toJSON().name));
  for (const database of attached.filter((name) => name !== keep)) {
    await engine.query(detachSql(database));
    await engine.dropFile(engineFileName(database));
  }
}

let attachments = 0;

/**
 * Opens a snapshot's engine file (`cases.duckdb`, DuckDB's own storage of the same rows as its Parquet) as `cases`:
 * attached read-only and queried in place, so opening costs no decoding, inserting or compressing. It is checked
 * as a Parquet load is (columns and types, required columns filled) and must hold the manifest's `rows`; a file
 * that fails leaves the loaded snapshot in place. The cubes it carries (`listedCubes`, as its manifest lists them, or
 * else asked of DuckDB's catalog) become views of the same names, listed in `cubes` (views of cubes an earlier file
 * carried and this one lacks stay, never read).
 */
export async function attachCases(
  engine: Engine,
  bytes: Uint8Array,
  expectedRows: number,
  onProgress: (p: LoadProgress) => void = () => {},
  listedCubes?: readonly string[],
): Promise<{ rows: number; attachMs: number; cubes: string[] }> {
  const started = performance.now();
  const database = `${SNAPSHOT_FILE_PREFIX}${++attachments}`;
  onProgress({ phase: 'check' });
  await engine.registerBytes(engineFileName(database), bytes);
  let rows: number;
  try {
    await engine.query(attachSnapshotFileSql(engineFileName(database), database));
    checkCaseSchema((await engine.query(snapshotFileColumnsSql(database))).schema);
    rows = await countFilledCases(engine, CASES, database);
    if (rows !== expectedRows) throw new Error(`The snapshot's engine file holds ${rows} cases where its manifest lists ${expectedRows}`);
  } catch (error) {
    await engine.query(detachSql(database));
    await engine.dropFile(engineFileName(database));
    throw error;
  }
  for (const sql of casesViewSql(database, casesIn.get(engine))) await engine.query(sql);
  casesIn.set(engine, 'view');
  const cubes = listedCubes
    ? [...listedCubes]
    : (await engine.query(snapshotFileCubesSql(database))).toArray().map((row) => String(row.toJSON().name));
  for (const cube of cubes) await engine.query(cubeViewSql(cube, database));
  await detachSnapshotFiles(engine, database);
  return { rows, attachMs: performance.now() - started, cubes };
}

export interface FetchOptions {
  onProgress?: (p: LoadProgress) => void;
  /** How many buffers to fill with the file. */
  copies?: number;
  /** The file's length as its manifest gives it, when it does. */
  bytes?: number;
  /** Stops the download. */
  signal?: AbortSignal;
}

/**
 * Fetches a file into `copies` buffers, reporting bytes as they arrive. Each piece is copied where it belongs as it
 * arrives, into buffers of the expected length: joining or copying a 443 MB file afterwards held the page up for
 * seconds.
 */
export async function fetchBytes(url: string, { onProgress = () => {}, copies = 1, bytes, signal }: FetchOptions = {}): Promise<Uint8Array[]> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  // A compressed response announces its compressed length, fewer bytes than the page receives.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const total = bytes ?? ((!encoded && Number(response.headers.get('content-length'))) || undefined);
  // Buffers grow when the file is longer than expected.
  let capacity = total ?? 1 << 20;
  let buffers = Array.from({ length: copies }, () => new Uint8Array(capacity));
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength > capacity) {
      capacity = Math.max(2 * capacity, received + value.byteLength);
      buffers = buffers.map((buffer) => {
        const grown = new Uint8Array(capacity);
        grown.set(buffer.subarray(0, received));
        return grown;
      });
    }
    for (const buffer of buffers) buffer.set(value, received);
    received += value.byteLength;
    onProgress({ phase: 'fetch', bytes: received, fraction: total && received <= total ? received / total : undefined });
  }
  return buffers.map((buffer) => (received === capacity ? buffer : buffer.slice(0, received)));
}
