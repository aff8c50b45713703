import type { Language } from '../filters/url';
import { isRealDate } from '../filters/dates';
import { isRateHidden, isSmallCount } from '../stats/suppression';

/**
 * The one formatter of numbers and dates, in both languages: the Indian digit grouping (1,20,000) and
 * dates day first (30 Nov 2025 / 30 नव॰ 2025), whatever the browser's own locale. With suppression on,
 * counts of 1 to 4 read "<5" and shares built on them are left out.
 */
export interface Formatter {
  lang: Language;
  suppressing: boolean;
  /** Whole numbers that are not counts of children (days, km, rows). */
  number: (n: number) => string;
  /** A count of children: "<5" for 1 to 4 while suppressing. */
  count: (n: number) => string;
  percent: (fraction: number) => string;
  /** numerator / denominator as a percent; "–" without a denominator or when either count is hidden. */
  share: (numerator: number, denominator: number) => string;
  /** A number with `digits` decimals; ∞ for an infinite ratio. */
  decimal: (n: number, digits: number) => string;
  /** YYYY-MM-DD as a day-first date with the month's name. */
  date: (iso: string) => string;
  /** YYYY-MM or YYYY-MM-DD as month and year. */
  month: (iso: string) => string;
}

export const SUPPRESSED = '<5';
/** A count hidden only so that a printed total cannot give a small one away (it may be of any size). */
export const SECONDARY = '×';
export const NO_FIGURE = '–';

const LOCALES: Record<Language, string> = { en: 'en-IN', hi: 'hi-IN' };

/** One number format per count of decimals: building one costs more than formatting with it (a table's cells). */
const decimalFormats = new Map<number, Intl.NumberFormat>();

function decimalFormat(digits: number): Intl.NumberFormat {
  let format = decimalFormats.get(digits);
  if (!format)
    decimalFormats.set(digits, (format = new Intl.NumberFormat('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format;
}

export function formatter(lang: Language, suppressing: boolean): Formatter {
  // Hindi text keeps the international digits, as MP Police's Hindi press notes do.
  const integer = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat('en-IN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(`${LOCALES[lang]}-u-nu-latn`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(`${LOCALES[lang]}-u-nu-latn`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const utc = (iso: string) => new Date(`${iso.length === 7 ? `${iso}-01` : iso.slice(0, 10)}T00:00:00Z`);
  return {
    lang,
    suppressing,
    number: (n) => integer.format(n),
    count: (n) => (suppressing && isSmallCount(n) ? SUPPRESSED : integer.format(n)),
    percent: (f) => percent.format(f),
    share: (numerator, denominator) =>
      denominator <= 0 || (suppressing && isRateHidden(numerator, denominator)) ? NO_FIGURE : percent.format(numerator / denominator),
    decimal: (n, digits) => (Number.isFinite(n) ? decimalFormat(digits).format(n) : '∞'),
    date: (iso) => day.format(utc(iso)),
    month: (iso) => month.format(utc(iso)),
  };
}

/** A date as typed in a date field: DD/MM/YYYY, day first in both languages. */
export function dateFieldText(iso: string | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * What was typed in a date field: DD/MM/YYYY (or D/M/YYYY, with / - or . between) or YYYY-MM-DD, as
 * YYYY-MM-DD; '' for an empty field; null when it is not a date on the calendar.
 */
export function readDateField(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}` : trimmed;
  return isRealDate(iso) ? iso : null;
}
