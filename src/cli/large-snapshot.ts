import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseRecord } from '../data/case-record';
import { casesCsv } from '../import/snapshot-writer';
import { appendCasesCsvSql, CASES, copyCasesToParquetSql } from '../queries/snapshot-tables';
import { openNativeDuckDB } from './native-duckdb';

/**
 * Writes cases arriving in chunks to one Parquet file through native DuckDB: each chunk goes through the
 * same CSV form and typed reader as every snapshot, then the table is copied out in `missing_date` order.
 */
export async function writeLargeSnapshot(chunks: Iterable<CaseRecord[]>, file: string, rowGroupSize: number): Promise<number> {
  const db = await openNativeDuckDB();
  const dir = mkdtempSync(join(tmpdir(), 'muskaan-large-'));
  let rows = 0;
  try {
    let first = true;
    for (const chunk of chunks) {
      const csv = join(dir, 'chunk.csv');
      writeFileSync(csv, casesCsv(chunk));
      await db.run(appendCasesCsvSql(csv, first));
      first = false;
      rows += chunk.length;
      process.stdout.write(`\r  ${rows.toLocaleString('en-IN')} cases generated`);
    }
    process.stdout.write('\n');
    await db.run(copyCasesToParquetSql(CASES, file, rowGroupSize));
    return rows;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
