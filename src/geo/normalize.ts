const LATIN_MARKS = /[\u0300-\u036f]/g;
const NUKTA = /\u093c/g;
const SEPARATORS = /[\s_\-.,'’"()/\\]+/g;
const SUFFIXES = /\b(district|distt|dist|zila|zilla|city|town)\b|जिला|ज़िला|शहर/g;

/**
 * Key under which names match: case, spacing, hyphens, Latin diacritics and the Devanagari nukta
 * do not count ("Agar-Malwa" = "agar malwa", "Bālāghāt" = "Balaghat", "बड़वानी" = "बडवानी").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .replace(NUKTA, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .replace(SUFFIXES, ' ')
    .replace(/\s+/g, '');
}

/** Latin text without diacritics, for display ("Bālāghāt" → "Balaghat"). */
export function plainLatin(name: string): string {
  return name.normalize('NFKD').replace(LATIN_MARKS, '').normalize('NFC');
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
