import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/export/csv';

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
    expect(toCsv(['District', 'Reported'], [['Khargone', 4], ['खरगोन', 0]])).toBe('District,Reported\r\nKhargone,4\r\nखरगोन,0\r\n');
  });
});
