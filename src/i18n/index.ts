import { useMemo } from 'react';
import { useLocation } from '../filters/location-store';
import type { Language } from '../filters/url';
import { en } from './en';
import { hi } from './hi';
import { translate, type StringKey, type Strings } from './strings';

export const STRINGS: Record<Language, Strings> = { en, hi };

export interface Translator {
  lang: Language;
  t: (key: StringKey, values?: Record<string, string | number>) => string;
  /** Whole numbers with Indian digit grouping (1,20,000). */
  number: (n: number) => string;
  percent: (fraction: number) => string;
  /** A number with `digits` decimals, Indian grouping; ∞ for an infinite ratio. */
  decimal: (n: number, digits: number) => string;
  /** English or Hindi name of a district, state or other named thing. */
  name: (named: { name: string; nameHi: string }) => string;
}

export function useT(): Translator {
  const { lang } = useLocation();
  return useMemo(() => {
    const integer = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat('en-IN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      lang,
      t: (key, values) => translate(STRINGS[lang], key, values),
      number: (n) => integer.format(n),
      percent: (f) => percent.format(f),
      decimal: (n, digits) =>
        Number.isFinite(n)
          ? new Intl.NumberFormat('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)
          : '∞',
      name: (named) => (lang === 'hi' ? named.nameHi : named.name),
    };
  }, [lang]);
}
