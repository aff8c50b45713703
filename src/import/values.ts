/** Parsers for the import format's values: each returns a value, null for empty, or an error text. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const DEVANAGARI_DIGITS = /[०-९]/g;

/** Devanagari digits as ASCII, surrounding space trimmed. */
export function clean(value: string | undefined): string {
  return (value ?? '').replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966)).trim();
}

/** YYYY-MM-DD, or day first: DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY (the Indian convention). */
export function parseDate(raw: string | undefined): Parsed<string> {
  const text = clean(raw);
  if (!text) return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: number, month: number, day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return fail(`"${text}" is not a date (use YYYY-MM-DD or DD-MM-YYYY)`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) {
    return fail(`"${text}" is not a possible date`);
  }
  return ok(date.toISOString().slice(0, 10));
}

const SEX: Record<string, 'F' | 'M' | 'T' | 'U'> = {
  f: 'F',
  female: 'F',
  girl: 'F',
  g: 'F',
  बालिका: 'F',
  लड़की: 'F',
  महिला: 'F',
  स्त्री: 'F',
  m: 'M',
  male: 'M',
  boy: 'M',
  b: 'M',
  बालक: 'M',
  लड़का: 'M',
  पुरुष: 'M',
  t: 'T',
  transgender: 'T',
  tg: 'T',
  ट्रांसजेंडर: 'T',
  किन्नर: 'T',
  u: 'U',
  unknown: 'U',
  'not recorded': 'U',
  na: 'U',
};

/** F/M/T/U, female/male/transgender, girl/boy, बालिका/बालक; empty means not recorded. */
export function parseSex(raw: string | undefined): Parsed<'F' | 'M' | 'T' | 'U'> {
  const text = clean(raw).toLowerCase().normalize('NFC');
  if (!text) return ok('U');
  const sex = SEX[text];
  return sex ? ok(sex) : fail(`"${clean(raw)}" is not a recognised sex (F, M, T, girl, boy, बालिका, बालक …)`);
}

export function parseAge(raw: string | undefined): Parsed<number> {
  const text = clean(raw);
  if (!text) return ok(null);
  if (!/^\d+(\.0+)?$/.test(text)) return fail(`age "${text}" is not a whole number of years`);
  const age = Number.parseInt(text, 10);
  return age <= 17 ? ok(age) : fail(`age ${age} is outside 0–17`);
}

export function parseCount(raw: string | undefined): Parsed<number> {
  const text = clean(raw);
  if (!text) return ok(null);
  if (!/^\d{1,4}$/.test(text)) return fail(`"${text}" is not a number of people`);
  return ok(Number(text));
}

const YES = new Set(['y', 'yes', 'true', '1', 'हाँ', 'हां']);
const NO = new Set(['n', 'no', 'false', '0', 'नहीं']);

export function parseYesNo(raw: string | undefined): Parsed<boolean> {
  const text = clean(raw).toLowerCase();
  if (!text) return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail(`"${clean(raw)}" is not yes or no`);
}

export function parseCoordinate(raw: string | undefined, min: number, max: number): Parsed<number> {
  const text = clean(raw);
  if (!text) return ok(null);
  const value = Number(text);
  if (!Number.isFinite(value)) return fail(`"${text}" is not a coordinate`);
  return value >= min && value <= max ? ok(value) : fail(`${value} is out of range`);
}

/** India's extent, generous at the edges. */
export const INDIA_BOX = { south: 6, north: 37.5, west: 68, east: 97.5 };
