/**
 * Mutated case registers, as careless and hostile exports produce them, and the checks every one must
 * pass: the importer neither crashes nor hangs, input rows = accepted + rejected, every accepted row
 * fits the snapshot schema, and every rejected row says why. Used by `npm run fuzz` and by the tests.
 */
import fc from 'fast-check';
import type { CaseRecord } from '../data/case-record';
import { isRealDate } from '../filters/dates';
import type { TownGazetteer } from '../geo/gazetteer';
import { DISTRICT_BY_ID } from '../geo/mp-districts';
import { parseCsv } from '../import/csv-parse';
import { readImportFile } from '../import/read-file';
import { ImportError, validateTable, type ImportResult } from '../import/validate';
import { INDIA_BOX } from '../import/values';

const DATE_FORMS = [
  '2025-01-10',
  '10-01-2025',
  '10/01/2025',
  '10.01.2025',
  '१०-०१-२०२५',
  '2025-1-9',
  '31-02-2025',
  '2025-13-01',
  '00-00-0000',
  '10-01-25',
  '2025/01/10',
  'Jan 10 2025',
  '45667',
  '',
  '  ',
  '2026-01-01',
  '1899-12-31',
  '9999-12-31',
];
const NUMBERS = ['0', '17', '-1', '18', '1e9', '99999999999999999999', '3.5', 'NaN', 'Infinity', '-0', '१५', ' 16 ', '0x10'];
const TEXT = [
  'Khargone',
  'खरगोन',
  'ख\u094dरगोन',
  'खरगोन'.normalize('NFD'),
  'Gorakh\u200dpur',
  'गोरखपुर\u200c',
  "=cmd|' /C calc'!A0",
  '+1',
  '-2',
  '@SUM(A1)',
  '\t=1',
  '"quoted"',
  'a,b',
  'line\nbreak',
  '<img src=x onerror=alert(1)>',
  "O'Brien; DROP TABLE cases",
  '\u0000',
  '\u0007\u001b[31m',
  'x'.repeat(20_000),
  'Indore',
  'Surat',
  'Uttar Pradesh',
  'IN-GJ',
  'F',
  'बालिका',
  'yes',
  'हाँ',
];

/** A starting register: one of the corpus files, or generated rows in the import format. */
function generatedRegister(): fc.Arbitrary<string> {
  const header =
    'case_id,district,police_station,missing_date,recovered_date,recovered_place,recovered_district,recovered_state,' +
    'recovered_lat,recovered_lon,sex,age,accused_arrested,pocso';
  const cell = fc.oneof(
    fc.constantFrom(...DATE_FORMS),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...TEXT),
    fc.string({ maxLength: 12 }),
  );
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const row = fc
    .tuple(
      fc.nat(50),
      fc.constantFrom('Khargone', 'Katni', 'खरगोन', 'Hoshangabad', 'Nowhere', ''),
      fc.array(cell, { minLength: 12, maxLength: 12 }),
    )
    .map(([id, district, rest]) => [`F-${id}`, district, ...rest].map(quote).join(','));
  return fc.array(row, { minLength: 1, maxLength: 40 }).map((rows) => [header, ...rows].join('\r\n'));
}

type Mutation = (bytes: Uint8Array) => Uint8Array;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function onRows(change: (rows: string[][]) => string[][]): Mutation {
  return (bytes) => {
    let rows: string[][];
    try {
      rows = parseCsv(decode(bytes), ',');
    } catch {
      return bytes;
    }
    if (rows.length === 0) return bytes;
    const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return encode(
      change(rows)
        .map((r) => r.map(quote).join(','))
        .join('\n'),
    );
  };
}

/** The ways an export goes wrong, each with its own random choices. */
function mutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): Mutation => (b) => {
      const out = b.slice();
      if (out.length) out[at % out.length] = value;
      return out;
    }),
    fc.nat().map(
      (at): Mutation =>
        (b) =>
          b.slice(0, b.length ? at % (b.length + 1) : 0),
    ),
    fc.constantFrom(0x0a, 0x2c, 0x22, 0x0d).chain((boundary) =>
      fc.nat().map((k): Mutation => (b) => {
        const cuts = [...b.keys()].filter((i) => b[i] === boundary);
        return cuts.length ? b.slice(0, cuts[k % cuts.length] + 1) : b;
      }),
    ),
    fc.nat().map((seed): Mutation =>
      onRows((rows) => {
        const order = rows[0].map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101));
        return rows.map((r) => order.map((i) => r[i] ?? ''));
      }),
    ),
    fc.nat().map((k): Mutation => onRows((rows) => rows.map((r) => [...r, r[k % Math.max(1, r.length)] ?? '']))),
    fc.constant<Mutation>((b) => encode(decode(b).replace(/\r?\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3]))),
    fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\ufeff', '\u2028')).map(([at, c]): Mutation => (b) => {
      const text = decode(b);
      const i = text.length ? at % text.length : 0;
      return encode(text.slice(0, i) + c + text.slice(i));
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...TEXT)).map(([k, value]): Mutation =>
      onRows((rows) => {
        const r = 1 + (k % Math.max(1, rows.length - 1));
        if (rows[r]) rows[r][k % rows[r].length] = value;
        return rows;
      }),
    ),
    fc.nat(8).map(
      (depth): Mutation =>
        (b) =>
          encode(`${decode(b)}\n"${'"'.repeat(depth * 2)}deep${'"'.repeat(depth * 2)}",x`),
    ),
    fc.constant<Mutation>((b) => encode(`${decode(b)}\n${'y,'.repeat(50_000)}`)),
  );
}

export interface FuzzFile {
  bytes: Uint8Array;
  /** What was done to it, for the report. */
  label: string;
}

/** Registers built from `seeds` (the corpus's text files) and generated rows, each mutated one to three times. */
export function fuzzFiles(seeds: readonly Uint8Array[], n: number, seed: number): FuzzFile[] {
  const base = fc.oneof({ arbitrary: fc.constantFrom(...seeds), weight: 1 }, { arbitrary: generatedRegister().map(encode), weight: 3 });
  const arbitrary = fc
    .tuple(base, fc.array(mutation(), { minLength: 1, maxLength: 3 }))
    .map(([bytes, mutations]) => ({ bytes: mutations.reduce((b, m) => m(b), bytes), label: `${mutations.length} mutation(s)` }));
  return fc.sample(arbitrary, { numRuns: n, seed });
}

/** Why an accepted case does not fit the snapshot schema; empty when it fits. */
export function schemaProblems(c: CaseRecord, asOf: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const finite = (x: number | null) => x !== null && Number.isFinite(x);
  check(typeof c.case_id === 'string' && c.case_id.trim() !== '', 'case_id');
  check(DISTRICT_BY_ID.has(c.origin_district), 'origin_district');
  check(finite(c.origin_lat) && finite(c.origin_lon), 'origin location');
  check(c.origin_precision === 'station' || c.origin_precision === 'district', 'origin_precision');
  check(isRealDate(c.missing_date) && c.missing_date <= asOf, 'missing_date');
  check(
    c.recovered_date === null || (isRealDate(c.recovered_date) && c.recovered_date >= c.missing_date && c.recovered_date <= asOf),
    'recovered_date',
  );
  check(['F', 'M', 'T', 'U'].includes(c.sex), 'sex');
  check(c.age_years === null || (Number.isInteger(c.age_years) && c.age_years >= 0 && c.age_years <= 17), 'age_years');
  check(
    c.accused_arrested === null || (Number.isInteger(c.accused_arrested) && c.accused_arrested >= 0 && c.accused_arrested <= 32_767),
    'accused_arrested',
  );
  check(c.pocso === null || typeof c.pocso === 'boolean', 'pocso');
  const located = c.recovery_lat !== null || c.recovery_lon !== null;
  check(
    !located ||
      (finite(c.recovery_lat) &&
        finite(c.recovery_lon) &&
        c.recovery_lat! >= INDIA_BOX.south &&
        c.recovery_lat! <= INDIA_BOX.north &&
        c.recovery_lon! >= INDIA_BOX.west &&
        c.recovery_lon! <= INDIA_BOX.east),
    'recovery location',
  );
  check([null, 'place', 'district', 'state'].includes(c.recovery_precision), 'recovery_precision');
  check(c.recovered_date !== null || (c.recovery_place === null && c.recovery_state === null && !located), 'recovery without a date');
  return problems;
}

export interface FuzzOutcome {
  /** The file could not be read at all (an ImportError with its message). */
  refused?: string;
  result?: ImportResult;
  ms: number;
  /** Everything that breaks the importer's promises; empty when all hold. */
  failures: string[];
}

/** Longest a single small register may take before it counts as a hang. */
export const FILE_TIME_LIMIT_MS = 2000;

/** Reads and validates one file and checks every promise of the importer. */
export async function checkFile(bytes: Uint8Array, options: { asOf: string; towns: TownGazetteer }): Promise<FuzzOutcome> {
  const started = performance.now();
  const failures: string[] = [];
  let outcome: Omit<FuzzOutcome, 'ms' | 'failures'> = {};
  try {
    const { table } = await readImportFile(bytes);
    const result = validateTable(table, options);
    outcome = { result };
    if (result.inputRows !== result.accepted.length + result.rejects.length) {
      failures.push(`input ${result.inputRows} ≠ accepted ${result.accepted.length} + rejected ${result.rejects.length}`);
    }
    for (const c of result.accepted) {
      const problems = schemaProblems(c, options.asOf);
      if (problems.length) failures.push(`accepted ${JSON.stringify(c.case_id).slice(0, 40)} breaks the schema: ${problems.join(', ')}`);
    }
    for (const r of result.rejects) if (!r.reason || !r.code || !r.column) failures.push(`row ${r.row} rejected without a reason`);
  } catch (error) {
    if (error instanceof ImportError && error.message) outcome = { refused: error.message };
    else failures.push(`crash: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 300));
  }
  const ms = performance.now() - started;
  if (ms > FILE_TIME_LIMIT_MS) failures.push(`took ${Math.round(ms)} ms`);
  return { ...outcome, ms, failures };
}
