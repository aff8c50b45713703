/** The columns of the import format (DESIGN.md §2.3) and the header spellings police exports use. */
export const IMPORT_COLUMNS = [
  'case_id',
  'district',
  'police_station',
  'missing_date',
  'recovered_date',
  'recovered_place',
  'recovered_district',
  'recovered_state',
  'recovered_lat',
  'recovered_lon',
  'sex',
  'age',
  'accused_arrested',
  'pocso',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['case_id', 'district', 'missing_date'];

const ALIASES: Record<ImportColumn, string[]> = {
  case_id: ['case id', 'case no', 'case number', 'fir no', 'fir number', 'gd no', 'id'],
  district: ['origin district', 'origin_district', 'zila', 'जिला'],
  police_station: ['ps', 'p s', 'thana', 'police station', 'station', 'origin station', 'origin_station', 'थाना'],
  missing_date: ['date missing', 'missing on', 'date of missing', 'गुमशुदगी दिनांक'],
  recovered_date: ['recovery date', 'date recovered', 'recovered on', 'date of recovery', 'दस्तयाबी दिनांक'],
  recovered_place: ['recovery place', 'recovery_place', 'place recovered', 'recovered from', 'दस्तयाबी स्थान'],
  recovered_district: ['recovery district', 'recovery_district'],
  recovered_state: ['recovery state', 'recovery_state', 'state recovered'],
  recovered_lat: ['recovery lat', 'recovery_lat', 'recovered latitude', 'recovery latitude'],
  recovered_lon: ['recovery lon', 'recovery_lon', 'recovered longitude', 'recovery longitude', 'recovered lng'],
  sex: ['gender', 'लिंग'],
  age: ['age years', 'age_years', 'आयु'],
  accused_arrested: ['accused', 'arrested', 'accused arrested'],
  pocso: ['pocso act'],
};

/** Case, spaces, underscores and hyphens do not count. */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

const BY_KEY = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  for (const name of [column, ...ALIASES[column]]) BY_KEY.set(headerKey(name), column);
}

export interface HeaderMap {
  /** Column → index in the row. */
  index: Partial<Record<ImportColumn, number>>;
  /** Headers that match no column (kept in rejects, otherwise unused). */
  ignored: string[];
  /** Headers that name a column already matched by an earlier header. */
  duplicates: string[];
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const index: HeaderMap['index'] = {};
  const ignored: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((header, i) => {
    const column = BY_KEY.get(headerKey(header));
    if (!column) ignored.push(header);
    else if (index[column] !== undefined) duplicates.push(header);
    else index[column] = i;
  });
  return { index, ignored, duplicates };
}
