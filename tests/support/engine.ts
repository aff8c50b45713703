import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { casesToArrowIPC, type CaseRecord } from '../../src/data/cases-arrow';
import { startNodeEngine } from '../../src/data/duckdb-node';
import type { Engine } from '../../src/data/engine';
import { arrowToParquet, initParquet } from '../../src/data/parquet';
import { loadCases, loadDistrictTable } from '../../src/data/snapshot';

const require = createRequire(import.meta.url);

export async function parquetOf(records: readonly CaseRecord[]): Promise<Uint8Array> {
  await initParquet(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
  return arrowToParquet(casesToArrowIPC(records), 4);
}

/** DuckDB-WASM in Node with `records` loaded exactly as the browser loads a snapshot. */
export async function engineWith(records: readonly CaseRecord[]): Promise<Engine> {
  const engine = await startNodeEngine();
  await loadDistrictTable(engine);
  await loadCases(engine, await parquetOf(records));
  return engine;
}
