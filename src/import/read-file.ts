import { Type, tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/esm';
import { parseCsv, CsvError } from './csv-parse';
import { ImportError } from './validate';
import { xlsxTable } from './xlsx';
import { checkZip } from './zip-check';

/** Largest file the importer takes, in the browser and on the command line. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
/** An .xlsx workbook is a zip archive. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

const startsWithMagic = (bytes: Uint8Array, at: number) => startsWith(bytes, PARQUET_MAGIC, at);

/** Text as spreadsheets save it: UTF-16 (little or big endian) when it starts with its BOM, else UTF-8. */
function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('The file is neither Parquet, Excel (.xlsx) nor UTF-8 or UTF-16 text: save the spreadsheet as "CSV UTF-8"');
  }
}

export type ImportFormat = 'csv' | 'parquet' | 'xlsx';

/**
 * Reads a case register into a header row and rows of text: CSV or tab- or semicolon-separated text
 * (UTF-8, or UTF-16 with its BOM), an Excel workbook (the first sheet, or `sheet`) or Parquet.
 * ImportError says what is wrong.
 */
export async function readImportFile(bytes: Uint8Array, sheet?: string): Promise<{ format: ImportFormat; table: string[][] }> {
  if (bytes.byteLength === 0) throw new ImportError('The file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is ${(bytes.byteLength / 1e6).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  if (startsWithMagic(bytes, 0)) {
    if (bytes.byteLength < 12 || !startsWithMagic(bytes, bytes.byteLength - 4)) {
      throw new ImportError('The Parquet file is truncated or damaged (its footer is missing)');
    }
    return { format: 'parquet', table: parquetTable(bytes) };
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    await checkZip(bytes);
    return { format: 'xlsx', table: xlsxTable(bytes, sheet) };
  }
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ImportError('The file contains binary data, not CSV text');
  try {
    return { format: 'csv', table: parseCsv(text) };
  } catch (error) {
    if (error instanceof CsvError) throw new ImportError(error.message);
    throw error;
  }
}

function parquetTable(bytes: Uint8Array): string[][] {
  let table;
  try {
    table = tableFromIPC(readParquet(bytes).intoIPCStream());
  } catch (error) {
    throw new ImportError(`The Parquet file cannot be read: ${String(error instanceof Error ? error.message : error)}`);
  }
  const fields = table.schema.fields;
  const columns = fields.map((f) => table.getChild(f.name)!);
  const text = (value: unknown, typeId: Type): string => {
    if (value === null || value === undefined) return '';
    if (typeId === Type.Date || typeId === Type.Timestamp) return new Date(Number(value)).toISOString().slice(0, 10);
    return String(value);
  };
  const rows: string[][] = [fields.map((f) => f.name)];
  for (let i = 0; i < table.numRows; i++) rows.push(columns.map((c, k) => text(c.get(i), fields[k].typeId)));
  return rows;
}
