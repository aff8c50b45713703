import { createContext, useContext } from 'react';
import { useLocationPart } from '../filters/location-store';
import type { Language } from '../filters/url';
import { en } from './en';
import { formatter, type Formatter } from './format';
import { hi } from './hi';
import { translate, type StringKey, type Strings } from './strings';

export const STRINGS: Record<Language, Strings> = { en, hi };

export interface Translator extends Formatter {
  t: (key: StringKey, values?: Record<string, string | number>) => string;
  /** English or Hindi name of a district, state or other named thing. */
  name: (named: { name: string; nameHi: string }) => string;
}

/** Set by a briefing, where small counts are always suppressed whatever the link says. */
export const ForceSuppression = createContext(false);

/** One translator per language and suppression, shared by every component (its formats are costly to build). */
const translators = new Map<string, Translator>();

function translator(lang: Language, suppressing: boolean): Translator {
  const key = `${lang}|${suppressing}`;
  let made = translators.get(key);
  if (!made)
    translators.set(
      key,
      (made = {
        ...formatter(lang, suppressing),
        t: (k, values) => translate(STRINGS[lang], k, values),
        name: (named) => (lang === 'hi' ? named.nameHi : named.name),
      }),
    );
  return made;
}

export function useT(): Translator {
  // Only the language and the suppression switch: a filter change does not re-render every labelled component.
  const lang = useLocationPart((l) => l.lang);
  const suppressSetting = useLocationPart((l) => l.settings.suppress);
  const suppressing = useContext(ForceSuppression) || suppressSetting;
  return translator(lang, suppressing);
}
