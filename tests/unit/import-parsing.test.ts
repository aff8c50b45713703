import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../src/import/columns';
import { parseCsv } from '../../src/import/csv-parse';
import { latinVariants, transliterate } from '../../src/import/transliterate';
import { parseAge, parseDate, parseSex, parseYesNo } from '../../src/import/values';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('drops a BOM and blank lines, and keeps empty fields', () => {
    expect(parseCsv('\ufeffa,b,c\n\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('reads a last line without a line end', () => {
    expect(parseCsv('a\n1')).toEqual([['a'], ['1']]);
  });

  it('refuses a quote that is never closed', () => {
    expect(() => parseCsv('a\n"1\n')).toThrow(/not closed/);
  });
});

describe('header aliases', () => {
  it('matches case, spaces, underscores and hyphens alike, and the police words', () => {
    const { index, ignored } = mapHeaders(['Case ID', 'DISTRICT', 'PS', 'Missing-Date', 'remarks']);
    expect(index).toEqual({ case_id: 0, district: 1, police_station: 2, missing_date: 3 });
    expect(ignored).toEqual(['remarks']);
    expect(mapHeaders(['Thana']).index.police_station).toBe(0);
    expect(mapHeaders(['Police Station']).index.police_station).toBe(0);
  });
});

describe('values', () => {
  it('reads dates day first in every accepted form', () => {
    for (const text of ['2025-03-04', '04-03-2025', '04/03/2025', '04.03.2025', '4/3/2025', '०४/०३/२०२५']) {
      expect(parseDate(text), text).toEqual({ ok: true, value: '2025-03-04' });
    }
  });

  it('rejects impossible dates and other formats with the value in the reason', () => {
    expect(parseDate('29-02-2025')).toEqual({ ok: false, reason: '"29-02-2025" is not a possible date' });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('March 4, 2025').ok).toBe(false);
  });

  it('reads sex in English and Hindi, empty as not recorded', () => {
    expect(
      ['F', 'female', 'Girl', 'बालिका', 'M', 'boy', 'बालक', 'T', 'transgender', ''].map((s) => (parseSex(s) as { value: string }).value),
    ).toEqual(['F', 'F', 'F', 'F', 'M', 'M', 'M', 'T', 'T', 'U']);
    expect(parseSex('X').ok).toBe(false);
  });

  it('takes ages 0–17 only', () => {
    expect(parseAge('0')).toEqual({ ok: true, value: 0 });
    expect(parseAge('17')).toEqual({ ok: true, value: 17 });
    expect(parseAge('18').ok).toBe(false);
    expect(parseAge('-1').ok).toBe(false);
    expect(parseAge('16.5').ok).toBe(false);
  });

  it('reads yes and no in English and Hindi', () => {
    expect(['yes', 'Y', '1', 'हाँ', 'no', 'N', '0', 'नहीं'].map((s) => (parseYesNo(s) as { value: boolean }).value)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('transliteration', () => {
  it('drops the inherent vowel the way Hindi names are spelled', () => {
    expect(transliterate('गोरखपुर')).toBe('Gorakhpur');
    expect(transliterate('जबलपुर')).toBe('Jabalpur');
    expect(transliterate('सूरत')).toBe('Surat');
    expect(transliterate('कोटा')).toBe('Kota');
    expect(transliterate('भीलवाड़ा')).toBe('Bhilvara');
  });

  it('offers the usual English spellings as variants', () => {
    expect(latinVariants('भीलवाड़ा')).toContain('Bhilwara');
    expect(latinVariants('इंदौर')).toContain('Indore');
    expect(latinVariants('देवास')).toContain('Dewas');
  });

  it('leaves Latin text alone', () => {
    expect(transliterate('Kota Junction')).toBe('Kota Junction');
  });
});
