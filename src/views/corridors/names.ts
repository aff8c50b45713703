import type { CorridorLevel } from '../../filters/url';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { STATE_BY_CODE } from '../../geo/states';
import type { Translator } from '../../i18n';

/** A destination as users say it: a state by name, an MP district in the chosen language, else the place. */
export function destinationName(
  d: { place: string; placeDistrict?: string | null; state: string },
  level: CorridorLevel,
  f: Translator,
): string {
  const state = STATE_BY_CODE.get(d.state);
  if (level === 'state') return state ? f.name(state) : d.state;
  const district = d.state === 'IN-MP' && d.placeDistrict ? DISTRICT_BY_ID.get(d.placeDistrict) : undefined;
  if (level === 'district' && district) return f.name(district);
  if (district && d.place === district.hq) return f.name({ name: district.hq, nameHi: district.nameHi });
  return d.place;
}

/** Median days among the recovered of a corridor or place; hidden with its count when that is suppressed. */
export function medianText(count: number, medianDays: number, f: Translator): string {
  return f.count(count) === String(count) || !f.suppressing ? f.t('corridors.days', { n: f.number(medianDays) }) : '–';
}

export function stateName(code: string, f: Translator): string {
  const state = STATE_BY_CODE.get(code);
  return state ? f.name(state) : code;
}
