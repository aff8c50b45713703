/**
 * RFC 4180 CSV as spreadsheets write it: optional BOM, CRLF or LF, fields quoted with ", quotes doubled
 * inside quotes, separators and line breaks allowed inside quotes. The separator is a comma, or the tab
 * of Excel's "Unicode text", or the semicolon of locales that write decimal commas.
 */
export class CsvError extends Error {
  name = 'CsvError';
}

export type Separator = ',' | ';' | '\t';

/** The separator the header row uses most (outside quotes): comma, semicolon or tab. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as Separator]++;
  }
  return (Object.keys(counts) as Separator[]).reduce((best, s) => (counts[s] > counts[best] ? s : best), ',');
}

export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === separator) endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
    i++;
  }
  if (quoted) throw new CsvError('The file ends inside a quoted field: a quote (") is not closed');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
