import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startNodeEngine } from '../data/duckdb-node';
import type { Engine } from '../data/engine';
import { initParquet } from '../data/parquet';
import { TownGazetteer, townsFromFile, type TownFile } from '../geo/gazetteer';

const require = createRequire(import.meta.url);

export const TOWN_FILE = 'src/geo/data/towns.json';

/** parquet-wasm from its bytes on disk (Node has no URL to fetch it from). */
export function initNodeParquet(): Promise<unknown> {
  return initParquet(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
}

/** What the command-line tools share: parquet-wasm loaded, the town file, and (on request) the engine. */
export async function nodeContext(): Promise<{ towns: TownGazetteer; townFile: TownFile; engine: () => Promise<Engine> }> {
  await initNodeParquet();
  const townFile = JSON.parse(readFileSync(new URL(`../../${TOWN_FILE}`, import.meta.url), 'utf8')) as TownFile;
  let engine: Promise<Engine> | undefined;
  return { towns: new TownGazetteer(townsFromFile(townFile)), townFile, engine: () => (engine ??= startNodeEngine()) };
}
