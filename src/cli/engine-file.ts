import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../data/manifest';
import { snapshotCubes } from '../queries/cubes';
import type { QueryContext } from '../queries/query';
import { writeEngineFileSql } from '../queries/snapshot-tables';
import { openNativeDuckDB } from './native-duckdb';

export const ENGINE_FILE = 'cases.duckdb';

/**
 * Writes `dir/cases.duckdb` from `dir/cases.parquet` with native DuckDB (the same rows in the same order, and the
 * cubes of the snapshot's as-of date) and describes it for the manifest. The dashboard attaches it instead of
 * decoding and inserting the Parquet.
 */
export async function writeEngineFile(dir: string, context: QueryContext): Promise<NonNullable<Manifest['engineFile']>> {
  const file = join(dir, ENGINE_FILE);
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const db = await openNativeDuckDB();
  try {
    for (const sql of writeEngineFileSql(join(dir, 'cases.parquet'), file, snapshotCubes(context))) await db.run(sql);
  } finally {
    db.close();
  }
  const bytes = readFileSync(file);
  return { file: ENGINE_FILE, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
}
