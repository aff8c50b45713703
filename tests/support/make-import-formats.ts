/**
 * Writes the import corpus's spreadsheet-export files from valid-crlf-bom.csv, as police systems export
 * registers: an Excel workbook (dates as Excel day numbers, a second sheet), "Unicode text" (UTF-16 LE with
 * BOM, tab-separated) and a semicolon-separated CSV. `npx tsx tests/support/make-import-formats.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import { parseCsv } from '../../src/import/csv-parse';

const DIR = 'tests/fixtures/import';
const rows = parseCsv(readFileSync(`${DIR}/valid-crlf-bom.csv`, 'utf8'));
const header = rows[0];
const dateColumns = new Set(['missing_date', 'recovered_date'].map((c) => header.indexOf(c)));

// Excel: dates as day numbers with a date format, numbers as numbers, a notes sheet first is not what police send,
// so the cases come first and a second sheet follows.
const sheet = utils.aoa_to_sheet(
  rows.map((row, r) =>
    row.map((value, c) => {
      if (r > 0 && dateColumns.has(c) && value) {
        const serial = (Date.parse(value) - Date.UTC(1899, 11, 30)) / 86_400_000;
        return { t: 'n', v: serial, z: 'dd-mm-yyyy' };
      }
      if (r > 0 && value !== '' && /^-?\d+(\.\d+)?$/.test(value)) return { t: 'n', v: Number(value) };
      return value;
    }),
  ),
);
const workbook = utils.book_new();
utils.book_append_sheet(workbook, sheet, 'Cases');
utils.book_append_sheet(workbook, utils.aoa_to_sheet([['Exported from the case register']]), 'Notes');
writeFileSync(`${DIR}/register.xlsx`, write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }));

const text = rows.map((row) => row.join('\t')).join('\r\n') + '\r\n';
writeFileSync(`${DIR}/unicode-text.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

const semicolon = rows.map((row) => row.map((v) => (v.includes(';') ? `"${v}"` : v)).join(';')).join('\r\n') + '\r\n';
writeFileSync(`${DIR}/semicolon.csv`, semicolon);
