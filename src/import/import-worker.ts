/// <reference lib="webworker" />
/**
 * Reads and validates an import file off the main thread, reporting progress; the result goes back
 * to the page, which writes it through the database engine.
 */
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { initParquet } from '../data/parquet';
import { TownGazetteer, townsFromFile, type TownFile } from '../geo/gazetteer';
import { readImportFile, type ImportFormat } from './read-file';
import { ImportError, validateTable, type ImportResult } from './validate';

export type ImportRequest = { bytes: Uint8Array; asOf: string };
export type ImportMessage =
  | { type: 'progress'; phase: 'read' | 'validate'; done?: number; total?: number }
  | { type: 'done'; result: ImportResult; format: ImportFormat; gazetteer: string }
  | { type: 'error'; message: string };

const post = (message: ImportMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    post({ type: 'progress', phase: 'read' });
    const [{ default: townFile }] = await Promise.all([
      import('../geo/data/towns.json') as unknown as Promise<{ default: TownFile }>,
      initParquet(parquetWasm),
    ]);
    const { format, table } = await readImportFile(event.data.bytes);
    const result = validateTable(table, {
      asOf: event.data.asOf,
      towns: new TownGazetteer(townsFromFile(townFile)),
      onProgress: (done, total) => post({ type: 'progress', phase: 'validate', done, total }),
    });
    post({ type: 'done', result, format, gazetteer: townFile.source });
  } catch (error) {
    post({ type: 'error', message: error instanceof ImportError ? error.message : `The file could not be read: ${String(error)}` });
  }
};
