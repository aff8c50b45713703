import { sqlIdentifier, sqlString } from '../filters/sql';
import { CASE_COLUMNS } from '../data/schema';
import type { District } from '../geo/mp-districts';
import { CUBE_PREFIX, type Cube } from './query';

/** Tables a snapshot is loaded into: rows go to a staging table and replace `cases` only once checked. */
export const CASES = 'cases';
export const CASES_STAGING = 'cases_staging';
export const DISTRICTS = 'districts';

export function dropTableSql(table: string): string {
  return `DROP TABLE IF EXISTS ${sqlIdentifier(table)}`;
}

/** What `cases` is in an engine: a loaded table, the view of an attached engine file, or not there yet. */
export type CasesKind = 'table' | 'view' | undefined;

/** The staging table becomes `cases`, in place of the loaded table or of the view of an attached engine file. */
export function promoteStagingSql(cases: CasesKind): string[] {
  return [...dropCasesSql(cases), `ALTER TABLE ${sqlIdentifier(CASES_STAGING)} RENAME TO ${sqlIdentifier(CASES)}`];
}

function dropCasesSql(cases: CasesKind): string[] {
  return cases ? [`DROP ${cases === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${sqlIdentifier(CASES)}`] : [];
}

/**
 * A snapshot's engine file (`cases.duckdb`) holds its cases in DuckDB's own storage, already compressed: attached,
 * it is queried in place, with no Parquet to decode and no rows to insert. Each one is attached read-only as a
 * database named with this prefix and a number.
 */
export const SNAPSHOT_FILE_PREFIX = 'snapshot_file_';

/**
 * The storage version engine files are written with. DuckDB-WASM 1.32 is DuckDB 1.4, which reads files up to
 * v1.4.0; a v1.2.0 file lacks the dictionary + FSST string compression and groups twice as slowly.
 */
export const ENGINE_FILE_STORAGE_VERSION = 'v1.4.0';

export function attachSnapshotFileSql(file: string, database: string): string {
  return `ATTACH ${sqlString(file)} AS ${sqlIdentifier(database)} (READ_ONLY)`;
}

export function detachSql(database: string): string {
  return `DETACH DATABASE IF EXISTS ${sqlIdentifier(database)}`;
}

/** The engine files attached now, by database name. */
export function attachedSnapshotFilesSql(): string {
  return `SELECT database_name AS name FROM duckdb_databases() WHERE starts_with(database_name, ${sqlString(SNAPSHOT_FILE_PREFIX)})`;
}

/** `table` in the main schema of an attached `database`, or in the engine's own when none is given. */
const tableIn = (table: string, database?: string) =>
  database ? `${sqlIdentifier(database)}.main.${sqlIdentifier(table)}` : sqlIdentifier(table);

/** No rows of an attached file's cases: its columns and types, to check against the schema. */
export function snapshotFileColumnsSql(database: string): string {
  return `SELECT * FROM ${tableIn(CASES, database)} LIMIT 0`;
}

/** `cases` as the view of an attached file's cases, in their stored (missing date) order. */
export function casesViewSql(database: string, cases: CasesKind): string[] {
  return [...dropCasesSql(cases), `CREATE VIEW ${sqlIdentifier(CASES)} AS SELECT * FROM ${tableIn(CASES, database)}`];
}

/**
 * Native DuckDB only (the command line): writes a Parquet snapshot's rows, in order, as its engine file, and makes
 * the file the default database, so that a cube's SQL reads its `cases` (createCubeSql); closeEngineFileSql ends it.
 * Written by one thread: written by two, the file kept free blocks inside it (at 10M cases 630 of its 1,772 blocks of
 * 256 KiB), which every open fetched and copied for nothing.
 */
export function openEngineFileSql(parquetFile: string, engineFile: string): string[] {
  return [
    'SET threads = 1',
    `ATTACH ${sqlString(engineFile)} AS engine_file (STORAGE_VERSION ${sqlString(ENGINE_FILE_STORAGE_VERSION)})`,
    `CREATE TABLE engine_file.${sqlIdentifier(CASES)} AS SELECT * FROM read_parquet(${sqlString(parquetFile)})`,
    'USE engine_file',
  ];
}

/** The rows of `cases` (the engine file's, while it is open), as `n`. */
export function casesRowsSql(): string {
  return `SELECT CAST(count(*) AS BIGINT) AS n FROM ${sqlIdentifier(CASES)}`;
}

/** The rows `cube` would hold, as `n`, without writing it. */
export function cubeRowsSql(cube: Cube): string {
  return `SELECT CAST(count(*) AS BIGINT) AS n FROM (${cube.sql})`;
}

export function createCubeSql(cube: Cube): string {
  return `CREATE TABLE ${sqlIdentifier(cube.name)} AS ${cube.sql}`;
}

export function closeEngineFileSql(): string[] {
  return ['USE memory', 'DETACH engine_file'];
}

/**
 * The cubes an attached engine file carries (see Cube), by name, from DuckDB's catalog: for a file whose manifest does
 * not list them (written before it did), and on the first engine only.
 */
export function snapshotFileCubesSql(database: string): string {
  return (
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ${sqlString(database)} ` +
    `AND schema_name = 'main' AND starts_with(table_name, ${sqlString(CUBE_PREFIX)})`
  );
}

/** A cube of an attached file as a view of the same name, as `cases` is of its cases. */
export function cubeViewSql(cube: string, database: string): string {
  return `CREATE OR REPLACE VIEW ${sqlIdentifier(cube)} AS SELECT * FROM ${tableIn(cube, database)}`;
}

/**
 * Compresses the loaded tables. An in-memory DuckDB keeps inserted rows uncompressed until a checkpoint; after it,
 * text columns are dictionary-encoded, which makes the dashboard's filters and groupings on them several times faster.
 */
export const COMPRESS_SQL = 'CHECKPOINT';

/**
 * The cases in `table` (of an attached `database`), and how many leave a column the schema marks NOT NULL empty. Both
 * are answered from the table's statistics when they show no nulls (no rows read; the scan took 1 s at 10M cases in
 * the page); a table whose statistics allow nulls is scanned.
 */
export function filledCasesSql(table: string, database?: string): string {
  const empty = CASE_COLUMNS.filter((c) => !c.nullable).map((c) => `${sqlIdentifier(c.name)} IS NULL`);
  const from = tableIn(table, database);
  return (
    `SELECT (SELECT CAST(count(*) AS INTEGER) FROM ${from}) AS cases, ` +
    `(SELECT CAST(count(*) AS INTEGER) FROM ${from} WHERE ${empty.join(' OR ')}) AS "emptyCases"`
  );
}

/** Nulls in each column the schema marks NOT NULL in `table` (of an attached `database`), to say which is empty. */
export function requiredNullsSql(table: string, database?: string): string {
  const required = CASE_COLUMNS.filter((c) => !c.nullable);
  const counts = required.map(
    (c) => `CAST(count(*) FILTER (WHERE ${sqlIdentifier(c.name)} IS NULL) AS INTEGER) AS ${sqlIdentifier(c.name)}`,
  );
  return `SELECT ${counts.join(', ')} FROM ${tableIn(table, database)}`;
}

/**
 * The reference table of districts (id, names, HQ). Built as SQL rather than with Arrow JS builders,
 * which compile code at run time and so break under the app's Content-Security-Policy.
 */
export function createDistrictsSql(districts: readonly District[]): string {
  const rows = districts.map(
    (d) =>
      `(${sqlString(d.id)}, ${sqlString(d.name)}, ${sqlString(d.nameHi)}, CAST(${Number(d.lat)} AS DOUBLE), CAST(${Number(d.lon)} AS DOUBLE))`,
  );
  return `CREATE TABLE ${sqlIdentifier(DISTRICTS)} AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(id, name, name_hi, lat, lon)`;
}

/** Validated cases written as CSV by the importer, read back with the schema's exact types, in date order. */
export function readCasesCsvSql(file: string): string {
  const columns = CASE_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
  return (
    `SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', ` +
    `escape = '"', nullstr = '', columns = {${columns}}) ORDER BY missing_date, case_id`
  );
}

/** Native DuckDB only (the command line): the cases table as a Parquet snapshot in `missing_date` order. */
export function copyCasesToParquetSql(table: string, file: string, rowGroupSize: number): string {
  return (
    `COPY (SELECT * FROM ${sqlIdentifier(table)} ORDER BY missing_date, case_id) TO ${sqlString(file)} ` +
    `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${Math.trunc(rowGroupSize)})`
  );
}

/** Native DuckDB only: loads a Parquet snapshot from disk. */
export function createCasesFromParquetSql(file: string): string {
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(CASES)} AS SELECT * FROM read_parquet(${sqlString(file)})`;
}

/** Memory DuckDB holds, in bytes. */
export function duckdbMemorySql(): string {
  return 'SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS bytes FROM duckdb_memory()';
}

/** Native DuckDB only: adds the cases of one written chunk (a CSV from casesCsv) to the cases table. */
export function appendCasesCsvSql(file: string, create: boolean): string {
  return `${create ? `CREATE TABLE ${sqlIdentifier(CASES)} AS` : `INSERT INTO ${sqlIdentifier(CASES)}`} ${readCasesCsvSql(file)}`;
}
