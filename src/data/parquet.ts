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

/** Rows decoded and inserted together: each insert into DuckDB has a fixed cost, so small row groups are batched. */
export const ROWS_PER_BATCH = 1 << 17;

/**
 * Decodes consecutive row groups of about ROWS_PER_BATCH rows at a time into Arrow IPC streams, so memory
 * peaks at one batch; `rowGroups` counts the row groups done so far out of `total`.
 */
export async function* parquetRowGroups(bytes: Uint8Array): AsyncGenerator<{ ipc: Uint8Array; rowGroups: number; total: number }> {
  const file = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
  const metadata = file.metadata();
  const total = metadata.numRowGroups();
  const sizes = Array.from({ length: total }, (_, i) => metadata.rowGroup(i).numRows());
  file.free();
  for (let first = 0; first < total; ) {
    const groups: number[] = [];
    let rows = 0;
    do {
      groups.push(first + groups.length);
      rows += sizes[first + groups.length - 1];
    } while (first + groups.length < total && rows + sizes[first + groups.length] <= ROWS_PER_BATCH);
    first += groups.length;
    yield { ipc: readParquet(bytes, { rowGroups: groups, batchSize: ROWS_PER_BATCH }).intoIPCStream(), rowGroups: first, total };
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
