import { tableFromIPC, type Schema } from 'apache-arrow';
import initParquetWasm, {
  Compression, ParquetFile, readParquet, readSchema, Table as WasmTable, writeParquet, WriterPropertiesBuilder,
} from 'parquet-wasm/esm';

let ready: Promise<unknown> | undefined;

/** Loads parquet-wasm once: from our own URL in the browser, from bytes in Node. */
export function initParquet(wasm: string | URL | BufferSource): Promise<unknown> {
  ready ??= initParquetWasm({ module_or_path: wasm });
  return ready;
}

export function parquetSchema(bytes: Uint8Array): Schema {
  return tableFromIPC(readSchema(bytes).intoIPCStream()).schema;
}

/** Decodes one row group at a time into Arrow IPC streams, so memory peaks at one group. */
export async function* parquetRowGroups(bytes: Uint8Array): AsyncGenerator<{ ipc: Uint8Array; rowGroups: number }> {
  const file = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
  const rowGroups = file.metadata().numRowGroups();
  file.free();
  for (let i = 0; i < rowGroups; i++) {
    yield { ipc: readParquet(bytes, { rowGroups: [i], batchSize: 1 << 17 }).intoIPCStream(), rowGroups };
  }
}

/** Writes an Arrow IPC stream as ZSTD Parquet with row groups of `rowGroupSize` rows. */
export function arrowToParquet(ipc: Uint8Array, rowGroupSize = 1 << 16): Uint8Array {
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(rowGroupSize)
    .setCreatedBy('muskaan-atlas')
    .build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}
