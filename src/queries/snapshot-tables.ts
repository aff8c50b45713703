import { sqlIdentifier, sqlString } from '../filters/sql';
import { CASE_COLUMNS } from '../data/schema';
import type { District } from '../geo/mp-districts';

/** Tables a snapshot is loaded into: rows go to a staging table and replace `cases` only once checked. */
export const CASES = 'cases';
export const CASES_STAGING = 'cases_staging';
export const DISTRICTS = 'districts';

export function dropTableSql(table: string): string {
  return `DROP TABLE IF EXISTS ${sqlIdentifier(table)}`;
}

export function promoteStagingSql(): string[] {
  return [dropTableSql(CASES), `ALTER TABLE ${sqlIdentifier(CASES_STAGING)} RENAME TO ${sqlIdentifier(CASES)}`];
}

/**
 * Compresses the loaded tables. An in-memory DuckDB keeps inserted rows uncompressed until a checkpoint; after it,
 * text columns are dictionary-encoded, which makes the dashboard's filters and groupings on them several times faster.
 */
export const COMPRESS_SQL = 'CHECKPOINT';

/** Nulls in each column the schema marks NOT NULL, and the row count. */
export function requiredNullsSql(table: string): string {
  const required = CASE_COLUMNS.filter((c) => !c.nullable);
  const counts = required.map(
    (c) => `CAST(count(*) FILTER (WHERE ${sqlIdentifier(c.name)} IS NULL) AS INTEGER) AS ${sqlIdentifier(c.name)}`,
  );
  return `SELECT CAST(count(*) AS INTEGER) AS "__rows", ${counts.join(', ')} FROM ${sqlIdentifier(table)}`;
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
