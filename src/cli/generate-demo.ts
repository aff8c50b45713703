/**
 * Deterministic synthetic Operation Muskaan cases, calibrated to the published figures in DESIGN.md §1:
 * ~11.5k cases a year across the 55 districts, ~75% girls mostly aged 15–17, about 70% recovered
 * within the year with a long tail, ~80% of recoveries inside MP, interstate corridors to real
 * destinations in 23 states, and recovery spikes in the January and July campaign months.
 *
 * The differences the views exist to show are built in: cities report more than their share of
 * people; older girls are recovered more slowly than young children; the longer a child has been
 * missing, the more often she is found out of state (so interstate recoveries take longer); each
 * district has its own destinations; and a few corridors grow over the last six months.
 */
import type { CaseRecord } from '../data/case-record';
import { addDays, daysBetween } from '../filters/dates';
import { TownGazetteer, type Town } from '../geo/gazetteer';
import { haversineKm } from '../geo/haversine';
import { MP_DISTRICTS, type District } from '../geo/mp-districts';

export interface DemoOptions {
  seed: number;
  asOf: string;
  /** Total cases; defaults to MP's scale (~11.5k a year) over `years`. */
  rows?: number;
  years: number;
  towns: readonly Town[];
  /**
   * False for the null mode: no yearly growth, seasons, campaign months or growing corridors, so every
   * corridor's rate is constant in time (what the emerging-corridor test's false-alarm rate is measured on).
   */
  trend?: boolean;
}

/** 2011 census population in lakh, split for districts carved out since. */
const POPULATION_LAKH: Record<string, number> = {
  indore: 32.8,
  jabalpur: 24.6,
  sagar: 23.8,
  bhopal: 23.7,
  dhar: 21.9,
  gwalior: 20.3,
  ujjain: 19.9,
  morena: 19.7,
  khargone: 18.7,
  rewa: 18.6,
  chhatarpur: 17.6,
  shivpuri: 17.3,
  bhind: 17.0,
  balaghat: 17.0,
  chhindwara: 17.0,
  satna: 16.3,
  betul: 15.8,
  dewas: 15.6,
  rajgarh: 15.5,
  vidisha: 14.6,
  ratlam: 14.5,
  barwani: 13.9,
  seoni: 13.8,
  mandsaur: 13.4,
  raisen: 13.3,
  sehore: 13.1,
  khandwa: 13.1,
  katni: 12.9,
  damoh: 12.6,
  guna: 12.4,
  narmadapuram: 12.4,
  singrauli: 11.8,
  sidhi: 11.3,
  narsinghpur: 10.9,
  shahdol: 10.7,
  mandla: 10.5,
  tikamgarh: 10.4,
  jhabua: 10.3,
  panna: 10.2,
  shajapur: 9.4,
  ashoknagar: 8.4,
  neemuch: 8.3,
  datia: 7.9,
  burhanpur: 7.6,
  anuppur: 7.5,
  alirajpur: 7.3,
  dindori: 7.0,
  sheopur: 6.9,
  umaria: 6.4,
  maihar: 6.0,
  harda: 5.7,
  'agar-malwa': 5.7,
  mauganj: 5.0,
  niwari: 4.0,
  pandhurna: 4.0,
};

/**
 * Cities report more missing children than their share of people (2022: Indore 977 and Bhopal 661 of
 * MP's 11,717, about 8% and 6%; CRY's analysis of RTI data, Free Press Journal).
 */
const URBAN_REPORTING: Record<string, number> = { indore: 1.95, bhopal: 2.05, jabalpur: 1.35, gwalior: 1.35, ujjain: 1.15 };

/** Interstate destinations named in MP press notes and NCRB reports, with relative weights. */
const DESTINATIONS: [name: string, state: string, district: string | undefined, weight: number][] = [
  ['Surat', 'IN-GJ', undefined, 6],
  ['Ahmedabad', 'IN-GJ', undefined, 4],
  ['Morbi', 'IN-GJ', undefined, 2.5],
  ['Valsad', 'IN-GJ', undefined, 1.5],
  ['Vadodara', 'IN-GJ', undefined, 2],
  ['Rajkot', 'IN-GJ', undefined, 1],
  ['Kota', 'IN-RJ', undefined, 3.5],
  ['Alwar', 'IN-RJ', undefined, 1.5],
  ['Bhilwara', 'IN-RJ', undefined, 2],
  ['Jaipur', 'IN-RJ', undefined, 3],
  ['Udaipur', 'IN-RJ', 'Udaipur', 1.2],
  ['Mumbai', 'IN-MH', undefined, 3.5],
  ['Pune', 'IN-MH', undefined, 2.5],
  ['Nashik', 'IN-MH', undefined, 1.5],
  ['Nagpur', 'IN-MH', undefined, 3],
  ['Gorakhpur', 'IN-UP', undefined, 1],
  ['Lucknow', 'IN-UP', undefined, 1.5],
  ['Kanpur', 'IN-UP', undefined, 1.5],
  ['Agra', 'IN-UP', undefined, 1.5],
  ['Jhansi', 'IN-UP', undefined, 2.5],
  ['Prayagraj', 'IN-UP', undefined, 1.2],
  ['Delhi', 'IN-DL', undefined, 4],
  ['Ludhiana', 'IN-PB', undefined, 1.5],
  ['Amritsar', 'IN-PB', undefined, 0.5],
  ['Gurugram', 'IN-HR', undefined, 1.5],
  ['Faridabad', 'IN-HR', undefined, 1],
  ['Hyderabad', 'IN-TS', undefined, 1.5],
  ['Bengaluru', 'IN-KA', undefined, 1],
  ['Kochi', 'IN-KL', undefined, 0.4],
  ['Jammu', 'IN-JK', undefined, 0.5],
  ['Raipur', 'IN-CG', undefined, 1.2],
  ['Bilaspur', 'IN-CG', undefined, 0.6],
  ['Patna', 'IN-BR', undefined, 0.5],
  ['Chandigarh', 'IN-CH', undefined, 0.6],
  ['Dehradun', 'IN-UK', undefined, 0.4],
  ['Haridwar', 'IN-UK', undefined, 0.3],
  ['Solan', 'IN-HP', undefined, 0.3],
  ['Kolkata', 'IN-WB', undefined, 0.5],
  ['Ranchi', 'IN-JH', undefined, 0.4],
  ['Bhubaneswar', 'IN-OD', undefined, 0.3],
  ['Visakhapatnam', 'IN-AP', undefined, 0.3],
  ['Chennai', 'IN-TN', undefined, 0.4],
  ['Tiruppur', 'IN-TN', undefined, 0.3],
  ['Madgaon', 'IN-GA', undefined, 0.3],
  ['Guwahati', 'IN-AS', undefined, 0.2],
];

/** Corridors from press notes, much stronger than distance alone would make them: [origin, destination, factor]. */
const KNOWN_CORRIDORS: [origin: string, destination: string, factor: number][] = [
  ['khargone', 'Gorakhpur', 12],
  ['katni', 'Kota', 6],
  ['katni', 'Alwar', 6],
  ['shivpuri', 'Surat', 5],
  ['shivpuri', 'Bhilwara', 6],
  ['chhatarpur', 'Jammu', 20],
];

/**
 * Corridors that grow over the last six months, for the emerging-corridor alerts: about `perMonth` extra
 * recoveries a month at the demo's scale (more in larger snapshots).
 */
export const GROWING_CORRIDORS: { origin: string; destination: string; perMonth: number }[] = [
  { origin: 'khargone', destination: 'Gorakhpur', perMonth: 6 },
  { origin: 'dhar', destination: 'Morbi', perMonth: 6 },
  { origin: 'rewa', destination: 'Ludhiana', perMonth: 4 },
];
const GROWTH_MONTHS = 6;

/** Places as officers write them that no gazetteer can place: counted, never drawn. */
const UNLOCATABLE_PLACES = ['Railway station', 'Bus stand', 'Brick kiln', 'Dhaba on highway', 'Relative’s house'];

/** Campaign months: recoveries cluster in Operation Muskaan drives. */
const CAMPAIGN_MONTHS = [1, 7];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (u: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

interface Place {
  name: string;
  district: string;
  state: string;
  lat: number;
  lon: number;
}

/** Cases are generated and written in windows of about this many rows, so 10M never sit in memory at once. */
export const CHUNK_ROWS = 500_000;

/** The whole demo at once (small snapshots: one window, so the committed demo is one deterministic draw). */
export function generateDemoCases(options: DemoOptions): CaseRecord[] {
  return [...generateDemoChunks(options)].flat();
}

/** Cases in `missing_date` order, one window of dates at a time. */
export function* generateDemoChunks(options: DemoOptions): Generator<CaseRecord[]> {
  const start = addDays(options.asOf, -Math.round(365.25 * options.years) + 1);
  const span = daysBetween(start, options.asOf) + 1;
  const total = options.rows ?? Math.round(11_500 * options.years);
  const windows = Math.max(1, Math.ceil(total / CHUNK_ROWS));
  const idWidth = Math.max(7, String(total).length);
  let done = 0;
  for (let w = 0; w < windows; w++) {
    const from = addDays(start, Math.floor((span * w) / windows));
    const to = w === windows - 1 ? options.asOf : addDays(start, Math.floor((span * (w + 1)) / windows) - 1);
    const rows = w === windows - 1 ? total - done : Math.round((total * (daysBetween(from, to) + 1)) / span);
    const cases = generateWindow(options, { from, to, rows, seed: options.seed + w, firstYear: Number(start.slice(0, 4)) });
    cases.forEach((r, i) => {
      r.case_id = `DEMO-${r.missing_date.slice(0, 4)}-${String(done + i + 1).padStart(idWidth, '0')}`;
    });
    done += rows;
    yield cases;
  }
}

interface Window {
  from: string;
  to: string;
  rows: number;
  seed: number;
  firstYear: number;
}

function generateWindow(options: DemoOptions, window: Window): CaseRecord[] {
  const random = mulberry32(window.seed);
  const gazetteer = new TownGazetteer(options.towns);
  const start = window.from;
  const span = daysBetween(start, window.to) + 1;
  const total = window.rows;

  const interstate: (Place & { weight: number })[] = DESTINATIONS.map(([name, state, district, weight]) => {
    const found = gazetteer.findPlace(name, { state, district });
    if (found.kind !== 'found') throw new Error(`demo destination ${name} (${state}) is not in the gazetteer`);
    const t = found.value;
    return { name, district: t.district, state, lat: t.lat, lon: t.lon, weight };
  });
  const mpTowns = options.towns.filter((t) => t.state === 'IN-MP');
  const townsOf = new Map(MP_DISTRICTS.map((d) => [d.id, mpTowns.filter((t) => t.district === d.id)]));
  const hqPlace = (d: District): Place => ({ name: d.hq, district: d.id, state: 'IN-MP', lat: d.lat, lon: d.lon });

  const pickOrigin = weightedPicker(MP_DISTRICTS, (d) => POPULATION_LAKH[d.id] * (URBAN_REPORTING[d.id] ?? 1));
  // Each district has its own destinations: distance, the press-note corridors, and a fixed per-pair affinity.
  const pickInterstate = new Map(
    MP_DISTRICTS.map((o) => [
      o.id,
      weightedPicker(
        interstate,
        (p) =>
          p.weight *
          Math.exp(-haversineKm(o.lat, o.lon, p.lat, p.lon) / 600) *
          Math.exp(1.1 * stableGaussian(`${o.id}>${p.name}`)) *
          (KNOWN_CORRIDORS.find(([origin, destination]) => origin === o.id && destination === p.name)?.[2] ?? 1),
      ),
    ]),
  );
  const interstateLean = new Map(MP_DISTRICTS.map((o) => [o.id, Math.exp(0.35 * stableGaussian(o.id))]));
  const pickOtherDistrict = new Map(
    MP_DISTRICTS.map((o) => [
      o.id,
      weightedPicker(
        MP_DISTRICTS.filter((d) => d.id !== o.id),
        (d) =>
          POPULATION_LAKH[d.id] *
          (d.id === 'indore' || d.id === 'bhopal' ? 3 : 1) *
          Math.exp(-haversineKm(o.lat, o.lon, d.lat, d.lon) / 150),
      ),
    ]),
  );
  const trend = options.trend ?? true;
  const pickDay = (year: number) => {
    // Mild seasonality (more reports in the summer months) and ~3% growth a year.
    for (;;) {
      const day = Math.floor(random() * span);
      const date = addDays(start, day);
      const month = Number(date.slice(5, 7));
      const seasonal = trend && month >= 4 && month <= 6 ? 1.15 : 1;
      const growth = trend ? 1 + 0.03 * (Number(date.slice(0, 4)) - year) : 1;
      if (random() * 1.25 < seasonal * growth) return date;
    }
  };
  const firstYear = window.firstYear;

  const records: CaseRecord[] = [];
  const addCase = (
    origin: District,
    missing: string,
    sex: CaseRecord['sex'],
    age: number | null,
    recovered: string | null,
    place: Place | null,
  ) => {
    const towns = townsOf.get(origin.id) ?? [];
    const station = towns.length > 0 && random() < 0.6 ? towns[Math.floor(random() * towns.length)] : undefined;
    const located = place !== null && random() > 0.015;
    const girlOlder = sex === 'F' && (age ?? 0) >= 12;
    const arrestRoll = random();
    const arrested = !recovered ? null : arrestRoll < (girlOlder ? 0.3 : 0.08) ? 1 : arrestRoll < (girlOlder ? 0.36 : 0.09) ? 2 : 0;
    records.push({
      case_id: '',
      origin_district: origin.id,
      origin_station: station ? station.name : null,
      origin_lat: station ? station.lat : origin.lat,
      origin_lon: station ? station.lon : origin.lon,
      origin_precision: station ? 'station' : 'district',
      missing_date: missing,
      recovered_date: recovered,
      recovery_place: place ? (located ? place.name : UNLOCATABLE_PLACES[Math.floor(random() * UNLOCATABLE_PLACES.length)]) : null,
      recovery_district: place ? place.district : null,
      recovery_state: place ? place.state : null,
      recovery_lat: place && located ? place.lat : null,
      recovery_lon: place && located ? place.lon : null,
      recovery_precision: place && located ? 'place' : null,
      sex,
      age_years: age,
      accused_arrested: arrested,
      pocso: recovered ? (arrested ?? 0) > 0 && girlOlder && random() < 0.8 : null,
      source_row: null,
    });
  };

  for (let i = 0; i < total; i++) {
    const origin = pickOrigin(random());
    const missing = pickDay(firstYear);
    const u = random();
    const sex = u < 0.75 ? 'F' : u < 0.993 ? 'M' : u < 0.996 ? 'T' : 'U';
    const a = random();
    const band =
      sex === 'F'
        ? a < 0.65
          ? [15, 17]
          : a < 0.87
            ? [12, 14]
            : a < 0.95
              ? [6, 11]
              : [0, 5]
        : a < 0.4
          ? [15, 17]
          : a < 0.7
            ? [12, 14]
            : a < 0.9
              ? [6, 11]
              : [0, 5];
    const age = random() < 0.01 ? null : band[0] + Math.floor(random() * (band[1] - band[0] + 1));
    const pace = RECOVERY_PACE[paceGroup(sex, age)];

    let recovered: string | null = null;
    let delay = 0;
    if (random() < pace.everRecovered) {
      const r = random();
      delay =
        r < pace.fast
          ? 1 + Math.floor(-8 * pace.scale * Math.log(1 - random()))
          : r < pace.fast + pace.medium
            ? Math.round(45 * pace.scale * Math.exp(0.8 * gaussian(random)))
            : Math.round(-500 * pace.scale * Math.log(1 - random()));
      let date = addDays(missing, Math.max(0, delay));
      if (trend && delay > 20 && random() < 0.3) date = nextCampaignDay(date, random);
      delay = daysBetween(missing, date);
      if (date <= options.asOf) recovered = date;
    }

    let place: Place | null = null;
    if (recovered) {
      // The longer a child has been missing, the further from home she tends to be found.
      const far = delay <= 7 ? 0.45 : delay <= 60 ? 1 : delay <= 365 ? 1.6 : 2;
      const interstateShare = Math.min(0.8, pace.interstate * far * interstateLean.get(origin.id)!);
      const homeShare = (1 - interstateShare) * (delay <= 7 ? 0.75 : delay <= 60 ? 0.55 : 0.4);
      const towns = townsOf.get(origin.id) ?? [];
      const w = random();
      if (w < interstateShare) place = pickInterstate.get(origin.id)!(random());
      else if (w < interstateShare + homeShare) {
        place = towns.length && random() < 0.5 ? toPlace(towns[Math.floor(random() * towns.length)]) : hqPlace(origin);
      } else place = hqPlace(pickOtherDistrict.get(origin.id)!(random()));
    }
    addCase(origin, missing, sex, age, recovered, place);
  }

  // The growing corridors: extra recoveries in the last six months, scaled to the snapshot's size.
  const growthStart = addDays(options.asOf, -Math.round(30.44 * GROWTH_MONTHS) + 1);
  if (trend && window.to === options.asOf) {
    const scale = total / (11_500 * (span / 365.25));
    for (const corridor of GROWING_CORRIDORS) {
      const origin = MP_DISTRICTS.find((d) => d.id === corridor.origin)!;
      const place = interstate.find((p) => p.name === corridor.destination)!;
      const extra = Math.round(corridor.perMonth * GROWTH_MONTHS * scale);
      for (let i = 0; i < extra; i++) {
        // Growth ramps up: recoveries are denser towards the as-of date (density rising linearly).
        const recovered = addDays(growthStart, Math.floor(Math.sqrt(random()) * (daysBetween(growthStart, options.asOf) + 1)));
        const missing = addDays(recovered, -(20 + Math.floor(random() * 160)));
        addCase(origin, missing, 'F', 14 + Math.floor(random() * 4), recovered, place);
      }
    }
  }
  // Stored in missing_date order so DuckDB can skip row groups on a date brush.
  records.sort((x, y) => (x.missing_date < y.missing_date ? -1 : x.missing_date > y.missing_date ? 1 : 0));
  return records;
}

/** How fast children are recovered, by sex and age: older girls are found more slowly and further away. */
const RECOVERY_PACE = {
  young: { everRecovered: 0.9, fast: 0.6, medium: 0.3, scale: 0.6, interstate: 0.08 },
  child: { everRecovered: 0.87, fast: 0.5, medium: 0.33, scale: 0.8, interstate: 0.11 },
  teen: { everRecovered: 0.84, fast: 0.42, medium: 0.33, scale: 1, interstate: 0.15 },
  olderGirl: { everRecovered: 0.8, fast: 0.32, medium: 0.35, scale: 1.3, interstate: 0.2 },
};

function paceGroup(sex: CaseRecord['sex'], age: number | null): keyof typeof RECOVERY_PACE {
  if (age === null) return 'teen';
  if (age <= 5) return 'young';
  if (age <= 11) return 'child';
  return sex === 'F' && age >= 15 ? 'olderGirl' : 'teen';
}

/** A standard normal value fixed by a key (FNV-1a hash), the same in every window and run. */
function stableGaussian(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  const next = mulberry32(h >>> 0);
  return gaussian(next);
}

function toPlace(t: Town): Place {
  return { name: t.name, district: t.district, state: t.state, lat: t.lat, lon: t.lon };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function nextCampaignDay(date: string, random: () => number): string {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  let target = CAMPAIGN_MONTHS.find((m) => m > month);
  if (!target) {
    target = CAMPAIGN_MONTHS[0];
    year++;
  }
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(target).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
