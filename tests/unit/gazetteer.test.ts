import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDistrict, findState, TownGazetteer, townsFromFile, type TownFile } from '../../src/geo/gazetteer';
import { haversineKm } from '../../src/geo/haversine';
import { MP_DISTRICTS } from '../../src/geo/mp-districts';
import { nameKey } from '../../src/geo/normalize';
import { STATES } from '../../src/geo/states';

const towns = townsFromFile(JSON.parse(readFileSync('src/geo/data/towns.json', 'utf8')) as TownFile);
const gazetteer = new TownGazetteer(towns);

const DISTRICT_NAMES = [
  'Agar Malwa',
  'Alirajpur',
  'Anuppur',
  'Ashoknagar',
  'Balaghat',
  'Barwani',
  'Betul',
  'Bhind',
  'Bhopal',
  'Burhanpur',
  'Chhatarpur',
  'Chhindwara',
  'Damoh',
  'Datia',
  'Dewas',
  'Dhar',
  'Dindori',
  'Guna',
  'Gwalior',
  'Harda',
  'Indore',
  'Jabalpur',
  'Jhabua',
  'Katni',
  'Khandwa',
  'Khargone',
  'Maihar',
  'Mandla',
  'Mandsaur',
  'Mauganj',
  'Morena',
  'Narmadapuram',
  'Narsinghpur',
  'Neemuch',
  'Niwari',
  'Pandhurna',
  'Panna',
  'Raisen',
  'Rajgarh',
  'Ratlam',
  'Rewa',
  'Sagar',
  'Satna',
  'Sehore',
  'Seoni',
  'Shahdol',
  'Shajapur',
  'Sheopur',
  'Shivpuri',
  'Sidhi',
  'Singrauli',
  'Tikamgarh',
  'Ujjain',
  'Umaria',
  'Vidisha',
];

function found<T>(lookup: { kind: string; value?: T }): T {
  expect(lookup.kind).toBe('found');
  return lookup.value as T;
}

describe('MP districts', () => {
  it('has all 55 districts, each with a unique id', () => {
    expect(MP_DISTRICTS).toHaveLength(55);
    expect(new Set(MP_DISTRICTS.map((d) => d.id)).size).toBe(55);
    for (const name of DISTRICT_NAMES) expect(found(findDistrict(name)).name).toBe(name);
  });

  it('resolves old names, HQ towns and variant spellings', () => {
    const cases: [string, string][] = [
      ['Hoshangabad', 'narmadapuram'],
      ['East Nimar', 'khandwa'],
      ['West Nimar', 'khargone'],
      ['Murwara', 'katni'],
      ['Narsimhapur', 'narsinghpur'],
      ['Saugor', 'sagar'],
      ['Khargon', 'khargone'],
      ['Waidhan', 'singrauli'],
      ['Nimach', 'neemuch'],
      ['Agar', 'agar-malwa'],
      ['Badwani', 'barwani'],
    ];
    for (const [name, id] of cases) expect(found(findDistrict(name)).id, name).toBe(id);
  });

  it('resolves Hindi names, with or without the nukta', () => {
    expect(found(findDistrict('खरगोन')).id).toBe('khargone');
    expect(found(findDistrict('बड़वानी')).id).toBe('barwani');
    expect(found(findDistrict('बडवानी')).id).toBe('barwani');
    expect(found(findDistrict('होशंगाबाद')).id).toBe('narmadapuram');
    expect(found(findDistrict('निवाड़ी')).id).toBe('niwari');
  });

  it('ignores case, spacing, hyphens, diacritics and the word "district"', () => {
    expect(found(findDistrict('  AGAR-malwa ')).id).toBe('agar-malwa');
    expect(found(findDistrict('Bālāghāt')).id).toBe('balaghat');
    expect(found(findDistrict('ashok nagar')).id).toBe('ashoknagar');
    expect(found(findDistrict('Katni District')).id).toBe('katni');
  });

  it('never guesses: a typo is no match, with the intended district suggested', () => {
    const lookup = findDistrict('Khargonee');
    expect(lookup.kind).toBe('none');
    expect(lookup.kind === 'none' && lookup.suggestions.map((d) => d.id)).toContain('khargone');
    expect(findDistrict('Gorakhpur').kind).toBe('none');
  });

  it('places every HQ within 5 km of the GeoNames town of that name where GeoNames has it', () => {
    const unchecked: string[] = [];
    for (const d of MP_DISTRICTS) {
      const names = [d.hq, ...d.aliases].map(nameKey);
      const matches = towns.filter((t) => t.state === 'IN-MP' && t.district === d.id && names.includes(nameKey(t.name)));
      if (matches.length === 0) {
        unchecked.push(d.id);
        continue;
      }
      for (const t of matches) expect(haversineKm(d.lat, d.lon, t.lat, t.lon), d.name).toBeLessThan(5);
    }
    // GeoNames' extract lacks these two HQ towns; their coordinates are hand-checked.
    expect(unchecked).toEqual(['niwari', 'singrauli']);
  });
});

describe('states', () => {
  it('lists the 28 states and 8 union territories with current ISO codes', () => {
    expect(STATES.filter((s) => s.kind === 'state')).toHaveLength(28);
    expect(STATES.filter((s) => s.kind === 'ut')).toHaveLength(8);
    for (const code of ['IN-TS', 'IN-CG', 'IN-OD', 'IN-UK', 'IN-DH', 'IN-LA']) expect(found(findState(code)).code).toBe(code);
  });

  it('resolves names, Hindi names, old names and two-letter codes', () => {
    expect(found(findState('Uttar Pradesh')).code).toBe('IN-UP');
    expect(found(findState('राजस्थान')).code).toBe('IN-RJ');
    expect(found(findState('Orissa')).code).toBe('IN-OD');
    expect(found(findState('Uttaranchal')).code).toBe('IN-UK');
    expect(found(findState('gj')).code).toBe('IN-GJ');
  });
});

describe('towns', () => {
  it('does not pick one of two Gorakhpurs without a state', () => {
    const lookup = gazetteer.findPlace('Gorakhpur');
    expect(lookup.kind).toBe('ambiguous');
    expect(lookup.kind === 'ambiguous' && lookup.candidates.map((t) => t.state).sort()).toEqual(['IN-HR', 'IN-UP']);
  });

  it('finds Gorakhpur in Uttar Pradesh when the state is given', () => {
    const town = found(gazetteer.findPlace('Gorakhpur', { state: 'IN-UP' }));
    expect(haversineKm(town.lat, town.lon, 26.76, 83.37)).toBeLessThan(5);
  });

  it('does not take a station called Gorakhpur in Jabalpur district for the city in UP', () => {
    const lookup = gazetteer.findPlace('Gorakhpur', { state: 'IN-MP', district: 'jabalpur' });
    expect(lookup.kind).not.toBe('found');
  });

  it('knows every district HQ as a town, also those GeoNames lacks', () => {
    for (const d of MP_DISTRICTS)
      expect(found(gazetteer.findPlace(d.hq, { state: 'IN-MP', district: d.id })).lat, d.hq).toBeCloseTo(d.lat, 0);
  });

  it('scopes by district: towns of Khargone district are found there', () => {
    const town = found(gazetteer.findPlace('Sanawad', { district: 'khargone' }));
    expect(town.state).toBe('IN-MP');
  });

  it('suggests the real name for a typo instead of matching it', () => {
    const lookup = gazetteer.findPlace('Gorakhpurr', { state: 'IN-UP' });
    expect(lookup.kind).toBe('none');
    expect(lookup.kind === 'none' && lookup.suggestions.map((t) => t.name)).toContain('Gorakhpur');
  });

  it('knows renamed cities by their old and new names', () => {
    expect(found(gazetteer.findPlace('Gurgaon', { state: 'IN-HR' })).name).toBe('Gurugram');
    expect(found(gazetteer.findPlace('Morbi', { state: 'IN-GJ' })).name).toBe('Morvi');
    expect(found(gazetteer.findPlace('Allahabad')).name).toBe('Prayagraj');
  });
});
