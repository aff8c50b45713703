import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../data/manifest';
import { MP_DISTRICTS } from '../geo/mp-districts';
import { openingAnswers, snapshotCubes } from '../queries/cubes';
import type { QueryContext } from '../queries/query';
import {
  casesRowsSql,
  closeEngineFileSql,
  createCubeSql,
  createDistrictsSql,
  cubeRowsSql,
  DISTRICTS,
  dropTableSql,
  openEngineFileSql,
} from '../queries/snapshot-tables';
import { openNativeDuckDB } from './native-duckdb';

export const ENGINE_FILE = 'cases.duckdb';

/**
 * A cube is written only when it holds fewer rows than this share of the cases: reading as many rows as the cases
 * saves little (at MP scale the timeline's would hold one row a case: in Node 11–14 ms from it against 16–21 from the
 * cases with no filter or for girls, but 5–9 against 4–7 for a district, a rarer sex or two states).
 */
const CUBE_MAX_SHARE = 0.75;

/**
 * Writes `dir/cases.duckdb` from `dir/cases.parquet` with native DuckDB (the same rows in the same order, the cubes of
 * the snapshot's as-of date that are well smaller than its cases, and the desk views' opening answers) and describes
 * it for the manifest, the cubes and answers by name. The dashboard attaches it instead of decoding and inserting the
 * Parquet.
 */
export async function writeEngineFile(dir: string, context: QueryContext): Promise<NonNullable<Manifest['engineFile']>> {
  const file = join(dir, ENGINE_FILE);
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const db = await openNativeDuckDB();
  const cubes: string[] = [];
  try {
    for (const sql of openEngineFileSql(join(dir, 'cases.parquet'), file)) await db.run(sql);
    const rows = async (sql: string) => Number((await db.rows(sql))[0].n);
    const cases = await rows(casesRowsSql());
    for (const cube of snapshotCubes(context)) {
      if ((await rows(cubeRowsSql(cube))) >= CUBE_MAX_SHARE * cases) continue;
      await db.run(createCubeSql(cube));
      cubes.push(cube.name);
    }
    // The answers join the districts' names, which the page loads itself: the table is not kept in the file.
    await db.run(createDistrictsSql(MP_DISTRICTS));
    for (const answer of openingAnswers(context)) {
      await db.run(createCubeSql(answer));
      cubes.push(answer.name);
    }
    await db.run(dropTableSql(DISTRICTS));
    for (const sql of closeEngineFileSql()) await db.run(sql);
  } finally {
    db.close();
  }
  const bytes = readFileSync(file);
  return { file: ENGINE_FILE, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, cubes };
}
