import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { hi } from '../../src/i18n/hi';
import { translate } from '../../src/i18n/strings';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('English and Hindi strings', () => {
  const english = leaves(en);
  const hindi = leaves(hi);

  it('have the same keys', () => {
    expect([...hindi.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text and the same placeholders', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(hindi.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(hindi.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('use the police words of the glossary', () => {
    expect(hi.kpi.recovered).toBe('दस्तयाब');
    expect(hi.kpi.rate).toBe('अब तक की दस्तयाबी दर');
    expect(hi.app.synthetic).toContain('कृत्रिम (डेमो) डेटा');
    expect(hi.sex.F).toBe('बालिका');
  });

  it('fill placeholders', () => {
    expect(translate(en, 'corridors.days', { n: 12 })).toBe('12 days');
    expect(translate(hi, 'corridors.days', { n: 12 })).toBe('12 दिन');
  });
});
