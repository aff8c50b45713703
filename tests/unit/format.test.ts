import { describe, expect, it } from 'vitest';
import { dateFieldText, formatter, readDateField, SUPPRESSED } from '../../src/i18n/format';

describe('the one number and date formatter', () => {
  const en = formatter('en', false);
  const hi = formatter('hi', false);

  it('groups digits the Indian way in both languages', () => {
    for (const f of [en, hi]) {
      expect(f.number(120000)).toBe('1,20,000');
      expect(f.number(34596)).toBe('34,596');
      expect(f.number(541573)).toBe('5,41,573');
      expect(f.count(10000000)).toBe('1,00,00,000');
      expect(f.decimal(123456.789, 1)).toBe('1,23,456.8');
      expect(f.percent(0.703)).toBe('70.3%');
    }
  });

  it('writes dates day first with the month named, in English and Hindi', () => {
    expect(en.date('2025-11-30')).toBe('30 Nov 2025');
    expect(hi.date('2025-11-30')).toBe('30 नव॰ 2025');
    expect(en.date('2024-02-29')).toBe('29 Feb 2024');
    expect(en.month('2025-11')).toBe('November 2025');
    expect(hi.month('2025-11-01')).toBe('नवंबर 2025');
  });

  it('shows counts of 1 to 4 as "<5" and hides shares built on them only while suppressing', () => {
    const suppressing = formatter('en', true);
    expect([0, 1, 4, 5].map(suppressing.count)).toEqual(['0', SUPPRESSED, SUPPRESSED, '5']);
    expect([0, 1, 4, 5].map(en.count)).toEqual(['0', '1', '4', '5']);
    expect(suppressing.share(3, 40)).toBe('–');
    expect(suppressing.share(12, 4)).toBe('–');
    expect(suppressing.share(0, 40)).toBe('0.0%');
    expect(suppressing.share(10, 40)).toBe('25.0%');
    expect(en.share(3, 40)).toBe('7.5%');
    expect(en.share(3, 0)).toBe('–');
  });
});

describe('date fields', () => {
  it('show and read dates day first', () => {
    expect(dateFieldText('2024-01-31')).toBe('31/01/2024');
    expect(dateFieldText(undefined)).toBe('');
    expect(readDateField('31/01/2024')).toBe('2024-01-31');
    expect(readDateField('1.2.2024')).toBe('2024-02-01');
    expect(readDateField('2024-01-31')).toBe('2024-01-31');
    expect(readDateField('  ')).toBe('');
  });

  it('refuse what is not a date on the calendar, including month-first American dates', () => {
    expect(readDateField('31/02/2024')).toBeNull();
    expect(readDateField('12/31/2024')).toBeNull();
    expect(readDateField('yesterday')).toBeNull();
    expect(readDateField('31/01/24')).toBeNull();
  });
});
