/**
 * Devanagari place names in Latin letters, the way Hindi names are spelled in English: the inherent
 * vowel is dropped at the end of a word and between a vowel-consonant and a consonant-vowel
 * (गोरखपुर → Gorakhpur, not Gorakhapura; जबलपुर → Jabalpur).
 */
const CONSONANTS: Record<string, string> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  क़: 'q',
  ख़: 'kh',
  ग़: 'g',
  ज़: 'z',
  ड़: 'r',
  ढ़: 'rh',
  फ़: 'f',
  य़: 'y',
};
const NUKTA_FORMS: Record<string, string> = { क: 'क़', ख: 'ख़', ग: 'ग़', ज: 'ज़', ड: 'ड़', ढ: 'ढ़', फ: 'फ़', य: 'य़' };
const VOWELS: Record<string, string> = {
  अ: 'a',
  आ: 'a',
  इ: 'i',
  ई: 'i',
  उ: 'u',
  ऊ: 'u',
  ए: 'e',
  ऐ: 'ai',
  ओ: 'o',
  औ: 'au',
  ऋ: 'ri',
  ऑ: 'o',
};
const MATRAS: Record<string, string> = {
  'ा': 'a',
  'ि': 'i',
  'ी': 'i',
  'ु': 'u',
  'ू': 'u',
  'े': 'e',
  'ै': 'ai',
  'ो': 'o',
  'ौ': 'au',
  'ृ': 'ri',
  'ॉ': 'o',
};
const LABIALS = new Set(['प', 'फ', 'ब', 'भ', 'म']);
const VIRAMA = '्';
const NUKTA = '़';
const NASAL: Record<string, string> = { 'ं': 'n', 'ँ': 'n', 'ः': 'h' };

export const DEVANAGARI = /[\u0900-\u097f]/;

type Unit = { kind: 'consonant'; latin: string; vowel: string | null; schwa: boolean } | { kind: 'other'; latin: string };

function transliterateWord(word: string): string {
  const chars = [...word.normalize('NFC')];
  const units: Unit[] = [];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i];
    if (chars[i + 1] === NUKTA && NUKTA_FORMS[c]) {
      c = NUKTA_FORMS[c];
      i++;
    }
    if (CONSONANTS[c] !== undefined) {
      const next = chars[i + 1];
      if (next === VIRAMA) {
        units.push({ kind: 'consonant', latin: CONSONANTS[c], vowel: null, schwa: false });
        i++;
      } else if (next !== undefined && MATRAS[next] !== undefined) {
        units.push({ kind: 'consonant', latin: CONSONANTS[c], vowel: MATRAS[next], schwa: false });
        i++;
      } else {
        units.push({ kind: 'consonant', latin: CONSONANTS[c], vowel: 'a', schwa: true });
      }
    } else if (VOWELS[c] !== undefined) units.push({ kind: 'other', latin: VOWELS[c] });
    else if (NASAL[c] !== undefined) units.push({ kind: 'other', latin: c === 'ं' && LABIALS.has(chars[i + 1]) ? 'm' : NASAL[c] });
    else units.push({ kind: 'other', latin: c });
  }
  const hasVowel = (u: Unit | undefined) => u !== undefined && (u.kind === 'other' ? /[aeiou]/.test(u.latin) : u.vowel !== null);
  // Right to left: drop the final schwa, then a schwa in the context vowel·C·[a]·C·vowel.
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.kind !== 'consonant' || !u.schwa) continue;
    const isLast = i === units.length - 1 || units.slice(i + 1).every((r) => r.kind === 'other' && !/[a-z]/.test(r.latin));
    const next = units[i + 1];
    const medial = i > 0 && hasVowel(units[i - 1]) && next?.kind === 'consonant' && hasVowel(next) && i >= 1;
    if ((isLast && i > 0) || medial) u.vowel = null;
  }
  return units.map((u) => (u.kind === 'consonant' ? u.latin + (u.vowel ?? '') : u.latin)).join('');
}

/** Latin transcription of a Devanagari name; Latin text passes through unchanged. */
export function transliterate(text: string): string {
  return text
    .split(/(\s+|-)/)
    .map((part) => (DEVANAGARI.test(part) ? capitalise(transliterateWord(part)) : part))
    .join('');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** English spellings of the same Hindi name differ in a few regular ways (Dewas/Devas, Indore/Indaur). */
const SPELLING_VARIANTS: [RegExp, string][] = [
  [/v/g, 'w'],
  [/au/g, 'o'],
  [/ai/g, 'e'],
  [/ph/g, 'f'],
  [/([^aeiou])$/, '$1e'],
];

/** The transcription and its common English spelling variants, for gazetteer look-up. */
export function latinVariants(text: string): string[] {
  let variants = [transliterate(text)];
  for (const [pattern, replacement] of SPELLING_VARIANTS) {
    variants = [...variants, ...variants.map((v) => v.replace(pattern, replacement))];
  }
  return [...new Set(variants)];
}
