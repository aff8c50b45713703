import { findDistrict, findState, type Lookup, type Town, type TownGazetteer } from '../geo/gazetteer';
import { DISTRICT_BY_ID, type District } from '../geo/mp-districts';
import { HOME_STATE } from '../geo/states';
import { DEVANAGARI, latinVariants } from './transliterate';

/** A name looked up as written, then (for Devanagari) through its Latin transcriptions. */
export function findTown(gazetteer: TownGazetteer, name: string, scope: { state?: string; district?: string }) {
  const direct = gazetteer.findPlace(name, scope);
  if (direct.kind !== 'none' || !DEVANAGARI.test(name)) return { lookup: direct, transliterated: undefined };
  let suggestions: Town[] = [];
  for (const variant of latinVariants(name)) {
    const lookup = gazetteer.findPlace(variant, scope);
    if (lookup.kind !== 'none') return { lookup, transliterated: variant };
    suggestions = [...suggestions, ...lookup.suggestions];
  }
  return {
    lookup: { kind: 'none', suggestions: [...new Set(suggestions)].slice(0, 3) } as Lookup<Town>,
    transliterated: latinVariants(name)[0],
  };
}

const STATION_WORDS =
  /^(thana|ps|p\.s\.?|police station|chowki|chouki|chauki|थाना|चौकी)\s+|\s+(ps|p\.s\.?|thana|police station|chowki|थाना|चौकी)$/gi;

export interface Origin {
  district: District;
  station: string | null;
  lat: number;
  lon: number;
  precision: 'station' | 'district';
}

/** The police station when the gazetteer places it inside its district, else the district HQ. */
export function locateOrigin(gazetteer: TownGazetteer, district: District, station: string): Origin {
  const name = station.replace(STATION_WORDS, '').trim();
  if (name) {
    const { lookup } = findTown(gazetteer, name, { state: HOME_STATE, district: district.id });
    if (lookup.kind === 'found') {
      return { district, station, lat: lookup.value.lat, lon: lookup.value.lon, precision: 'station' };
    }
  }
  return { district, station: station || null, lat: district.lat, lon: district.lon, precision: 'district' };
}

export interface RecoveryInput {
  place: string;
  district: string;
  state: string;
  lat: number | null;
  lon: number | null;
}

export interface Recovery {
  place: string | null;
  district: string | null;
  state: string | null;
  lat: number | null;
  lon: number | null;
  precision: 'place' | 'district' | 'state' | null;
  /** Set when the place name was given but not found: why, and up to three suggestions. */
  unlocated?: { name: string; suggestions: string[] };
  transliterated?: string;
}

function townLabel(t: Town): string {
  const district = DISTRICT_BY_ID.get(t.district)?.name ?? t.district;
  return `${t.name} (${district ? `${district}, ` : ''}${t.state})`;
}

function mpDistrict(name: string): District | undefined {
  const found = findDistrict(name);
  return found.kind === 'found' ? found.value : undefined;
}

/**
 * Places a recovery from what the register gives, most precise first: coordinates inside India, the
 * named town (within the named state and district), the district's HQ, the state. A place name that is
 * not found is kept as written and listed with suggestions, never replaced by a guess.
 */
export function locateRecovery(gazetteer: TownGazetteer, input: RecoveryInput): Recovery {
  const stateLookup = input.state ? findState(input.state) : undefined;
  const state = stateLookup?.kind === 'found' ? stateLookup.value.code : null;
  const givenDistrict = input.district.trim();
  const inMp = state === HOME_STATE || state === null;
  const mp = givenDistrict && inMp ? mpDistrict(givenDistrict) : undefined;
  const districtName = mp?.id ?? (givenDistrict || null);
  const place = input.place.trim();

  if (input.lat !== null && input.lon !== null) {
    return {
      place: place || null,
      district: districtName,
      state: state ?? (mp ? HOME_STATE : null),
      lat: input.lat,
      lon: input.lon,
      precision: 'place',
    };
  }

  if (place) {
    let unlocated: Recovery['unlocated'] = { name: place, suggestions: [] };
    let transliterated: string | undefined;
    const scopes = [{ state: state ?? undefined, district: mp?.id ?? (givenDistrict || undefined) }, { state: state ?? undefined }];
    for (const scope of scopes) {
      const result = findTown(gazetteer, place, scope);
      transliterated = result.transliterated;
      if (result.lookup.kind === 'found') {
        const t = result.lookup.value;
        return { place, district: t.district || districtName, state: t.state, lat: t.lat, lon: t.lon, precision: 'place', transliterated };
      }
      if (result.lookup.kind === 'ambiguous') {
        unlocated = { name: place, suggestions: result.lookup.candidates.slice(0, 3).map(townLabel) };
        break;
      }
      if (result.lookup.suggestions.length) unlocated = { name: place, suggestions: result.lookup.suggestions.map(townLabel) };
    }
    return {
      place,
      district: districtName,
      state: state ?? (mp ? HOME_STATE : null),
      lat: null,
      lon: null,
      precision: null,
      unlocated,
      transliterated,
    };
  }

  // No place name: the district's HQ, else the state.
  if (mp) return { place: mp.hq, district: mp.id, state: HOME_STATE, lat: mp.lat, lon: mp.lon, precision: 'district' };
  if (givenDistrict && state) {
    const town = gazetteer.findPlace(givenDistrict, { state });
    if (town.kind === 'found') {
      return { place: town.value.name, district: givenDistrict, state, lat: town.value.lat, lon: town.value.lon, precision: 'district' };
    }
  }
  const centroid = state ? gazetteer.stateCentroid(state) : undefined;
  if (state && centroid) return { place: null, district: districtName, state, lat: centroid.lat, lon: centroid.lon, precision: 'state' };
  return { place: null, district: districtName, state, lat: null, lon: null, precision: null };
}
