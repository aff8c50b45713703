import { MP_DISTRICTS, type District } from './mp-districts';
import { HOME_STATE, STATES, type State } from './states';
import { editDistance, nameKey } from './normalize';

/** A lookup never guesses: one match, several equally good ones, or none with suggestions. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none'; suggestions: T[] };

/** A town from the GeoNames extract; `district` is an MP district id inside MP, else the GeoNames name. */
export interface Town {
  name: string;
  lat: number;
  lon: number;
  state: string;
  district: string;
}

const MAX_SUGGESTIONS = 3;

class NameIndex<T> {
  private readonly byKey = new Map<string, T[]>();

  constructor(items: readonly T[], names: (item: T) => string[]) {
    for (const item of items) {
      for (const key of new Set(names(item).map(nameKey))) {
        if (!key) continue;
        const list = this.byKey.get(key);
        if (list) list.push(item);
        else this.byKey.set(key, [item]);
      }
    }
  }

  lookup(name: string, accept: (item: T) => boolean = () => true): Lookup<T> {
    const key = nameKey(name);
    const exact = (this.byKey.get(key) ?? []).filter(accept);
    if (exact.length === 1) return { kind: 'found', value: exact[0] };
    if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
    return { kind: 'none', suggestions: this.suggest(key, accept) };
  }

  private suggest(key: string, accept: (item: T) => boolean): T[] {
    if (!key) return [];
    const limit = Math.max(2, Math.floor(key.length / 3));
    const scored: { item: T; distance: number }[] = [];
    for (const [candidate, items] of this.byKey) {
      const distance = editDistance(key, candidate, limit);
      if (distance > limit) continue;
      for (const item of items) if (accept(item)) scored.push({ item, distance });
    }
    scored.sort((a, b) => a.distance - b.distance);
    return [...new Set(scored.map((s) => s.item))].slice(0, MAX_SUGGESTIONS);
  }
}

const districtIndex = new NameIndex(MP_DISTRICTS, (d) => [d.id, d.name, d.nameHi, d.hq, ...d.aliases]);
const stateIndex = new NameIndex(STATES, (s) => [s.code, s.code.slice(3), s.name, s.nameHi, ...s.aliases]);

/** An MP district by English name, Hindi name, old name or HQ town. */
export function findDistrict(name: string): Lookup<District> {
  return districtIndex.lookup(name);
}

/** A state or union territory by ISO code, English or Hindi name, or alias. */
export function findState(name: string): Lookup<State> {
  const code = name.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return stateIndex.lookup(`IN-${code}`);
  return stateIndex.lookup(name);
}

export interface PlaceScope {
  /** ISO 3166-2 code: only towns in this state. */
  state?: string;
  /** MP district id or district name: only towns in this district. */
  district?: string;
}

/** Current and former names GeoNames files under another spelling: [alias, GeoNames name, state]. */
const TOWN_ALIASES: [string, string, string][] = [
  ['Morbi', 'Morvi', 'IN-GJ'],
  ['Gurgaon', 'Gurugram', 'IN-HR'],
  ['Allahabad', 'Prayagraj', 'IN-UP'],
  ['Bangalore', 'Bengaluru', 'IN-KA'],
  ['Bombay', 'Mumbai', 'IN-MH'],
  ['Baroda', 'Vadodara', 'IN-GJ'],
  ['Cochin', 'Kochi', 'IN-KL'],
  ['Hoshangabad', 'Narmadapuram', 'IN-MP'],
  ['Nagda', 'Nagda', 'IN-MP'],
  ['Birlagram', 'Nagda', 'IN-MP'],
  ['Katni', 'Murwara', 'IN-MP'],
  // Hindi names whose English form is not a transcription.
  ['दिल्ली', 'Delhi', 'IN-DL'],
  ['नई दिल्ली', 'New Delhi', 'IN-DL'],
  ['लखनऊ', 'Lucknow', 'IN-UP'],
  ['हैदराबाद', 'Hyderabad', 'IN-TS'],
  ['अहमदाबाद', 'Ahmedabad', 'IN-GJ'],
  ['मुंबई', 'Mumbai', 'IN-MH'],
  ['लुधियाना', 'Ludhiana', 'IN-PB'],
  ['बेंगलुरु', 'Bengaluru', 'IN-KA'],
  ['कोलकाता', 'Kolkata', 'IN-WB'],
  ['चेन्नई', 'Chennai', 'IN-TN'],
  ['Narsinghpur', 'Narsimhapur', 'IN-MP'],
];

/** Towns across India, looked up by name inside an optional state and district. */
export class TownGazetteer {
  private readonly index: NameIndex<Town & { districtKey: string }>;
  private readonly centroids = new Map<string, { lat: number; lon: number }>();
  private readonly memo = new Map<string, Lookup<Town>>();

  constructor(geonames: readonly Town[]) {
    // Every district HQ is a town, also those GeoNames' extract lacks (Niwari, Waidhan).
    const known = new Set(geonames.filter((t) => t.state === HOME_STATE).map((t) => `${t.district}|${nameKey(t.name)}`));
    const towns = [
      ...geonames,
      ...MP_DISTRICTS.filter((d) => ![d.hq, ...d.aliases].some((n) => known.has(`${d.id}|${nameKey(n)}`))).map((d) => ({
        name: d.hq,
        lat: d.lat,
        lon: d.lon,
        state: HOME_STATE,
        district: d.id,
      })),
    ];
    const sums = new Map<string, [number, number, number]>();
    for (const t of towns) {
      const s = sums.get(t.state) ?? [0, 0, 0];
      sums.set(t.state, [s[0] + t.lat, s[1] + t.lon, s[2] + 1]);
    }
    for (const [state, [lat, lon, n]] of sums) this.centroids.set(state, { lat: lat / n, lon: lon / n });
    // HQ towns GeoNames files under an old name (Saugor, Murwara) answer to the HQ name too.
    const hqAliases = MP_DISTRICTS.flatMap((d) =>
      geonames
        .filter(
          (t) =>
            t.state === HOME_STATE &&
            t.district === d.id &&
            nameKey(t.name) !== nameKey(d.hq) &&
            d.aliases.some((a) => nameKey(a) === nameKey(t.name)),
        )
        .map((t): [string, string, string] => [d.hq, t.name, HOME_STATE]),
    );
    const aliases = new Map<string, string[]>();
    for (const [alias, name, state] of [...TOWN_ALIASES, ...hqAliases]) {
      const key = `${nameKey(name)}|${state}`;
      aliases.set(key, [...(aliases.get(key) ?? []), alias]);
    }
    this.index = new NameIndex(
      towns.map((t) => ({ ...t, districtKey: nameKey(t.district) })),
      (t) => [t.name, ...(aliases.get(`${nameKey(t.name)}|${t.state}`) ?? [])],
    );
  }

  /** Mean position of the state's towns: where a recovery known only by its state is placed. */
  stateCentroid(code: string): { lat: number; lon: number } | undefined {
    return this.centroids.get(code);
  }

  findPlace(name: string, scope: PlaceScope = {}): Lookup<Town> {
    const district = scope.district ? nameKey(scope.district) : undefined;
    // Registers repeat the same few hundred names: remember each answer (misses cost an edit-distance scan).
    const memoKey = `${nameKey(name)}|${scope.state ?? ''}|${district ?? ''}`;
    let found = this.memo.get(memoKey);
    if (!found) {
      found = this.index.lookup(name, (t) => (!scope.state || t.state === scope.state) && (!district || t.districtKey === district));
      this.memo.set(memoKey, found);
    }
    return found;
  }
}

/** The compact committed form: [name, lat, lon, state, district] rows. */
export interface TownFile {
  source: string;
  licence: string;
  towns: [string, number, number, string, string][];
}

export function townsFromFile(file: TownFile): Town[] {
  return file.towns.map(([name, lat, lon, state, district]) => ({ name, lat, lon, state, district }));
}
