/**
 * Writes the demo snapshot's raw outcome columns to demo-cases.csv.gz for cumulative-incidence.R, so R
 * classifies every child itself and checks our SQL as well as our estimator:
 * `npx tsx tests/reference/export-demo-cases.ts && Rscript tests/reference/cumulative-incidence.R`.
 */
import { openNativeDuckDB } from '../../src/cli/native-duckdb';

const db = await openNativeDuckDB();
await db.run(`COPY (
  SELECT missing_date, recovered_date, origin_district, recovery_district, recovery_state
  FROM read_parquet('data/snapshots/demo/cases.parquet') ORDER BY case_id
) TO 'tests/reference/demo-cases.csv.gz' (HEADER, COMPRESSION gzip)`);
db.close();
