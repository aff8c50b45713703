import type { CaseRecord } from '../data/case-record';
import type { Engine } from '../data/engine';
import type { Manifest } from '../data/manifest';
import { arrowToParquet } from '../data/parquet';
import { CASE_COLUMNS, SCHEMA_VERSION } from '../data/schema';
import { toCsv } from '../export/csv';
import { readCasesCsvSql } from '../queries/snapshot-tables';
import type { ImportResult } from './validate';

const STAGING_FILE = 'muskaan_import_cases.csv';

function cell(value: CaseRecord[keyof CaseRecord]): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  return String(value);
}

/** Cases as the exact CSV that readCasesCsvSql reads back (not for people: no formula guard). */
export function casesCsv(records: readonly CaseRecord[]): string {
  const names = CASE_COLUMNS.map((c) => c.name as keyof CaseRecord);
  const lines = [names.join(','), ...records.map((r) => names.map((n) => cell(r[n])).join(','))];
  return `${lines.join('\n')}\n`;
}

/**
 * Accepted cases as Parquet in `missing_date` order. DuckDB reads them back with the schema's types
 * and writes the Arrow that parquet-wasm encodes, the same in the browser and on the command line.
 */
export async function casesToParquet(engine: Engine, records: readonly CaseRecord[], rowGroupSize?: number): Promise<Uint8Array> {
  await engine.registerText(STAGING_FILE, casesCsv(records));
  try {
    return arrowToParquet(await engine.queryIPC(readCasesCsvSql(STAGING_FILE)), rowGroupSize);
  } finally {
    await engine.dropFile(STAGING_FILE);
  }
}

export interface ImportSource {
  file: string;
  bytes: number;
  sha256: string;
}

export function importManifest(name: string, asOf: string, source: ImportSource, result: ImportResult, gazetteer: string): Manifest {
  const dates = result.accepted.map((r) => r.missing_date).sort();
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    asOf,
    createdAt: new Date().toISOString(),
    synthetic: false,
    sources: [source],
    rows: { input: result.inputRows, accepted: result.accepted.length, rejected: result.rejects.length },
    dateRange: { firstMissing: dates[0] ?? asOf, lastMissing: dates[dates.length - 1] ?? asOf },
    gazetteer,
  };
}

/** Every rejected row with its row number, column and reason, then its original values. */
export function rejectsCsv(result: ImportResult): string {
  return toCsv(
    ['row', 'column', 'reason', ...result.header],
    result.rejects.map((r) => [r.row, r.column, r.reason, ...r.values]),
  );
}
