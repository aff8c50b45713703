const MS_PER_DAY = 86_400_000;

/** A YYYY-MM-DD date that exists on the calendar (not 2025-02-30, not 2025-13-01). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / MS_PER_DAY);
}

/** The YYYY-MM-DD date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** First and last day of the month of a YYYY-MM-DD or YYYY-MM date. */
export function monthBounds(date: string): [string, string] {
  const [year, month] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return [`${year}-${mm}-01`, `${year}-${mm}-${String(last).padStart(2, '0')}`];
}

/** The same day `years` years later (earlier, when negative); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const last = Number(monthBounds(`${year + years}-${String(month).padStart(2, '0')}`)[1].slice(8));
  return `${year + years}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Whole calendar months from `from` to `to` when the range starts on a 1st and ends on a month's last day, else null. */
export function wholeMonths(from: string, to: string): number | null {
  if (from.slice(8) !== '01' || monthBounds(to)[1] !== to || to < from) return null;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The date `months` calendar months before `date` (after, when negative): a month's last day stays a
 * last day (30 November − 3 months = 31 August), any other day is clamped to the target month's length.
 */
export function shiftMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const target = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const [, last] = monthBounds(target);
  const endOfMonth = monthBounds(date)[1] === date;
  return endOfMonth ? last : `${target}-${String(Math.min(day, Number(last.slice(8)))).padStart(2, '0')}`;
}
