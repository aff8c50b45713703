import { read, SSF, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { ImportError } from './validate';

const MS_PER_DAY = 86_400_000;

/** An Excel day number as YYYY-MM-DD, right from 1 March 1900 on (Excel counts a 29 February 1900 that never was). */
export function excelSerialDate(serial: number, date1904 = false): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A cell as the register shows it: a date-formatted day number as YYYY-MM-DD, anything else as its text. */
function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    return cell.z !== undefined && SSF.is_date(String(cell.z)) ? excelSerialDate(cell.v, date1904) : String(cell.v);
  }
  if (cell.t === 'b') return String(cell.v);
  return String(cell.w ?? cell.v);
}

/** The first sheet of an Excel workbook (or the one named) as a header row and rows of text. */
export function xlsxTable(bytes: Uint8Array, sheet?: string): string[][] {
  let workbook: WorkBook;
  try {
    workbook = read(bytes, { type: 'array', cellDates: false, cellNF: true, cellFormula: false, cellHTML: false, dense: false });
  } catch (error) {
    throw new ImportError(`The Excel file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const name = sheet ?? workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet) throw new ImportError(sheet ? `The workbook has no sheet called "${sheet}"` : 'The workbook has no sheets');
  if (!worksheet['!ref']) return [];
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const range = utils.decode_range(worksheet['!ref']);
  const rows: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++)
      row.push(cellText(worksheet[utils.encode_cell({ r, c })] as CellObject | undefined, date1904).trim());
    if (row.some((v) => v !== '')) rows.push(row);
  }
  return rows;
}
