import type { CaseRecord } from '../data/case-record';
import { findDistrict, type TownGazetteer } from '../geo/gazetteer';
import { mapHeaders, REQUIRED_COLUMNS, type ImportColumn } from './columns';
import { locateOrigin, locateRecovery } from './locate';
import { INDIA_BOX, parseAge, parseCoordinate, parseCount, parseDate, parseSex, parseYesNo, clean } from './values';

/** Why rows are rejected; the report counts rows per reason. */
export const REJECT_REASONS = [
  'missing-case-id',
  'duplicate-case-id',
  'missing-date',
  'impossible-date',
  'recovered-before-missing',
  'date-after-as-of',
  'bad-age',
  'unknown-district',
  'bad-sex',
  'bad-value',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Reject {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  column: string;
  code: RejectReason;
  reason: string;
  values: string[];
}

export interface UnlocatedPlace {
  name: string;
  state: string | null;
  rows: number;
  suggestions: string[];
}

export interface ImportResult {
  header: string[];
  inputRows: number;
  accepted: CaseRecord[];
  rejects: Reject[];
  unlocated: UnlocatedPlace[];
  /** Devanagari names matched through their Latin transcription. */
  transliterated: { from: string; to: string; rows: number }[];
  /** Headers that match no column of the import format. */
  ignoredColumns: string[];
  /** Recoveries placed from coordinates, a town, a district HQ or a state. */
  precision: Record<'place' | 'district' | 'state' | 'unlocated', number>;
}

/** A file the importer cannot use at all; nothing is loaded. */
export class ImportError extends Error {
  name = 'ImportError';
}

export interface ValidateOptions {
  asOf: string;
  towns: TownGazetteer;
  /** Called every few thousand rows with the rows done so far. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

const PROGRESS_EVERY = 5000;

class RowRejected extends Error {
  constructor(
    readonly column: string,
    readonly code: RejectReason,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function must<T>(parsed: { ok: true; value: T | null } | { ok: false; reason: string }, column: string, code: RejectReason): T | null {
  if (!parsed.ok) throw new RowRejected(column, code, parsed.reason);
  return parsed.value;
}

/**
 * Validates a table whose first row is the header: every row is accepted or rejected with its row
 * number, column and reason (input = accepted + rejected, always).
 */
export function validateTable(table: readonly string[][], options: ValidateOptions): ImportResult {
  if (table.length === 0) throw new ImportError('The file is empty');
  const header = table[0].map((h) => h.trim());
  const { index, ignored } = mapHeaders(header);
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    throw new ImportError(
      `Required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')} (found: ${header.join(', ') || 'no header'})`,
    );
  }
  if (table.length === 1) throw new ImportError('The file has a header but no case rows');

  const seen = new Set<string>();
  const accepted: CaseRecord[] = [];
  const rejects: Reject[] = [];
  const unlocated = new Map<string, UnlocatedPlace>();
  const transliterated = new Map<string, { from: string; to: string; rows: number }>();
  const precision = { place: 0, district: 0, state: 0, unlocated: 0 };

  for (let r = 1; r < table.length; r++) {
    if (r % PROGRESS_EVERY === 0) options.onProgress?.(r, table.length - 1);
    const values = table[r];
    const get = (column: ImportColumn) => (index[column] === undefined ? '' : (values[index[column]!] ?? ''));
    try {
      const caseId = clean(get('case_id'));
      if (!caseId) throw new RowRejected('case_id', 'missing-case-id', 'case_id is empty');
      if (seen.has(caseId)) throw new RowRejected('case_id', 'duplicate-case-id', `case_id "${caseId}" appears on an earlier row`);

      const missingDate = must(parseDate(get('missing_date')), 'missing_date', 'impossible-date');
      if (!missingDate) throw new RowRejected('missing_date', 'missing-date', 'missing_date is empty');
      const recoveredDate = must(parseDate(get('recovered_date')), 'recovered_date', 'impossible-date');
      if (missingDate > options.asOf) {
        throw new RowRejected('missing_date', 'date-after-as-of', `missing_date ${missingDate} is after the snapshot date ${options.asOf}`);
      }
      if (recoveredDate && recoveredDate > options.asOf) {
        throw new RowRejected(
          'recovered_date',
          'date-after-as-of',
          `recovered_date ${recoveredDate} is after the snapshot date ${options.asOf}`,
        );
      }
      if (recoveredDate && recoveredDate < missingDate) {
        throw new RowRejected(
          'recovered_date',
          'recovered-before-missing',
          `recovered_date ${recoveredDate} is before missing_date ${missingDate}`,
        );
      }
      const age = must(parseAge(get('age')), 'age', 'bad-age');
      const sex = must(parseSex(get('sex')), 'sex', 'bad-sex')!;
      const accused = must(parseCount(get('accused_arrested')), 'accused_arrested', 'bad-value');
      const pocso = must(parseYesNo(get('pocso')), 'pocso', 'bad-value');
      const lat = must(parseCoordinate(get('recovered_lat'), -90, 90), 'recovered_lat', 'bad-value');
      const lon = must(parseCoordinate(get('recovered_lon'), -180, 180), 'recovered_lon', 'bad-value');

      const districtName = clean(get('district'));
      const district = findDistrict(districtName);
      if (district.kind !== 'found') {
        const suggestions = district.kind === 'none' ? district.suggestions.map((d) => d.name) : [];
        throw new RowRejected(
          'district',
          'unknown-district',
          districtName
            ? `"${districtName}" is not one of the 55 MP districts${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`
            : 'district is empty',
        );
      }
      const origin = locateOrigin(options.towns, district.value, clean(get('police_station')));

      const inIndia =
        lat !== null && lon !== null && lat >= INDIA_BOX.south && lat <= INDIA_BOX.north && lon >= INDIA_BOX.west && lon <= INDIA_BOX.east;
      const recovery = recoveredDate
        ? locateRecovery(options.towns, {
            place: clean(get('recovered_place')),
            district: clean(get('recovered_district')),
            state: clean(get('recovered_state')),
            lat: inIndia ? lat : null,
            lon: inIndia ? lon : null,
          })
        : undefined;
      if (recovery) {
        precision[recovery.precision ?? 'unlocated']++;
        if (recovery.unlocated) {
          const key = `${recovery.unlocated.name}|${recovery.state ?? ''}`;
          const entry = unlocated.get(key) ?? {
            name: recovery.unlocated.name,
            state: recovery.state,
            rows: 0,
            suggestions: recovery.unlocated.suggestions,
          };
          entry.rows++;
          unlocated.set(key, entry);
        }
        if (recovery.transliterated && recovery.precision === 'place' && recovery.place) {
          const entry = transliterated.get(recovery.place) ?? { from: recovery.place, to: recovery.transliterated, rows: 0 };
          entry.rows++;
          transliterated.set(recovery.place, entry);
        }
      }

      seen.add(caseId);
      accepted.push({
        case_id: caseId,
        origin_district: origin.district.id,
        origin_station: origin.station,
        origin_lat: origin.lat,
        origin_lon: origin.lon,
        origin_precision: origin.precision,
        missing_date: missingDate,
        recovered_date: recoveredDate,
        recovery_place: recovery?.place ?? null,
        recovery_district: recovery?.district ?? null,
        recovery_state: recovery?.state ?? null,
        recovery_lat: recovery?.lat ?? null,
        recovery_lon: recovery?.lon ?? null,
        recovery_precision: recovery?.precision ?? null,
        sex,
        age_years: age,
        accused_arrested: accused,
        pocso,
        source_row: r + 1,
      });
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejects.push({ row: r + 1, column: error.column, code: error.code, reason: error.reason, values: [...values] });
    }
  }
  return {
    header,
    inputRows: table.length - 1,
    accepted,
    rejects,
    unlocated: [...unlocated.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)),
    transliterated: [...transliterated.values()],
    ignoredColumns: ignored,
    precision,
  };
}

/** Rejected rows counted by reason, in the order of REJECT_REASONS. */
export function rejectCounts(rejects: readonly Reject[]): { code: RejectReason; rows: number }[] {
  return REJECT_REASONS.map((code) => ({ code, rows: rejects.filter((r) => r.code === code).length })).filter((c) => c.rows > 0);
}
