import type { CaseRecord } from '../../src/data/case-record';
import { startNodeEngine } from '../../src/data/duckdb-node';
import type { Engine } from '../../src/data/engine';
import { loadCases, loadDistrictTable } from '../../src/data/snapshot';
import { casesToParquet } from '../../src/import/snapshot-writer';
import { initNodeParquet } from '../../src/cli/node-context';

/** DuckDB-WASM in Node, ready to read and write Parquet. */
export async function nodeEngine(): Promise<Engine> {
  await initNodeParquet();
  const engine = await startNodeEngine();
  await loadDistrictTable(engine);
  return engine;
}

/** `records` as a snapshot's Parquet, written the way every snapshot is written. */
export async function parquetOf(records: readonly CaseRecord[]): Promise<Uint8Array> {
  const engine = await nodeEngine();
  try {
    return await casesToParquet(engine, records, 4);
  } finally {
    await engine.close();
  }
}

/** DuckDB-WASM in Node with `records` loaded exactly as the browser loads a snapshot. */
export async function engineWith(records: readonly CaseRecord[]): Promise<Engine> {
  const engine = await nodeEngine();
  await loadCases(engine, await casesToParquet(engine, records, 4));
  return engine;
}
