import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/export/csv';
import { detectSeparator, parseCsv } from '../../src/import/csv-parse';
import { excelSerialDate } from '../../src/import/xlsx';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const hostile of ['=HYPERLINK("http://x","y")', '+91 cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(hostile).replace(/^"/, '')).toMatch(/^'/);
    }
  });

  it('leaves numbers, including negative changes, as numbers', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('quotes commas, quotes and line breaks, and writes empty for missing values', () => {
    expect(csvCell('Kotwali, "Old" City')).toBe('"Kotwali, ""Old"" City"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['District', 'Reported'],
        [
          ['Khargone', 4],
          ['खरगोन', 0],
        ],
      ),
    ).toBe('District,Reported\r\nKhargone,4\r\nखरगोन,0\r\n');
  });
});

describe('files police export from spreadsheets', () => {
  it('reads tab- and semicolon-separated text, detecting the separator from the header row', () => {
    expect(detectSeparator('a\tb\tc\r\n1,5\t2\t3')).toBe('\t');
    expect(detectSeparator('a;b;"c;d"\n1,5;2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(parseCsv('case_id;district\n"A;1";Khargone\n')).toEqual([
      ['case_id', 'district'],
      ['A;1', 'Khargone'],
    ]);
  });

  it('reads Excel day numbers as dates, in both date systems', () => {
    expect(excelSerialDate(45667)).toBe('2025-01-10');
    expect(excelSerialDate(45667.75)).toBe('2025-01-10');
    expect(excelSerialDate(44205, true)).toBe('2025-01-10');
  });
});
