import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { corridorsQuery, corridorTotalsQuery } from '../../src/queries/corridors';
import { districtsQuery } from '../../src/queries/districts';
import { overviewQuery } from '../../src/queries/overview';
import type { QueryDef } from '../../src/queries/query';
import { timelineQuery } from '../../src/queries/timeline';
import { engineWith } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(FIXTURE_CASES);
});
afterAll(() => engine.close());

async function run<T>(query: QueryDef<T>, filter: Partial<Filter> = {}): Promise<T> {
  return query.decode(await engine.query(query.sql({ ...EMPTY_FILTER, ...filter }, { asOf: '2025-11-30' })));
}

describe('overview', () => {
  it('counts reported, recovered, still missing, interstate and unlocated', async () => {
    expect(await run(overviewQuery)).toEqual({
      reported: 10, recovered: 8, stillMissing: 2, interstate: 4, unlocated: 1,
      firstMissing: '2024-12-20', lastMissing: '2025-07-01',
    });
  });

  it('follows every filter field', async () => {
    const reported = async (filter: Partial<Filter>) => (await run(overviewQuery, filter)).reported;
    expect(await reported({ sex: ['F'] })).toBe(6);
    expect(await reported({ ageBands: ['15-17'] })).toBe(6);
    expect(await reported({ ageBands: ['6-11', '12-14'] })).toBe(3);
    expect(await reported({ from: '2025-02-01', to: '2025-05-31' })).toBe(5);
    expect(await reported({ districts: ['katni', 'shivpuri'] })).toBe(4);
    expect(await reported({ states: ['IN-UP'] })).toBe(2);
    expect(await reported({ scope: 'interstate' })).toBe(4);
    expect(await reported({ scope: 'within' })).toBe(4);
    expect(await reported({ status: 'missing' })).toBe(2);
    expect(await reported({ status: 'recovered', sex: ['M'] })).toBe(2);
  });

  it('treats a hostile district value as a name that matches nothing', async () => {
    expect((await run(overviewQuery, { districts: ["khargone') OR ('1'='1"] })).reported).toBe(0);
    expect((await run(overviewQuery)).reported).toBe(10);
  });
});

describe('corridors', () => {
  it('aggregates origin district → place, most used first, with median days', async () => {
    const corridors = await run(corridorsQuery);
    expect(corridors.map((c) => [c.origin, c.place, c.state, c.count, c.medianDays, c.interstate])).toEqual([
      ['khargone', 'Gorakhpur', 'IN-UP', 2, 20, true],
      ['bhopal', 'Indore', 'IN-MP', 1, 1, false],
      ['katni', 'Jabalpur', 'IN-MP', 1, 4, false],
      ['katni', 'Kota', 'IN-RJ', 1, 30, true],
      ['shivpuri', 'Surat', 'IN-GJ', 1, 45, true],
    ]);
  });

  it('starts each corridor at the district HQ and ends at the recovery place', async () => {
    const [gorakhpur] = await run(corridorsQuery);
    expect(gorakhpur).toMatchObject({ originName: 'Khargone', originNameHi: 'खरगोन', originLat: 21.8229, originLon: 75.6139,
      lat: 26.7663, lon: 83.3689 });
  });

  it('counts home-district and unlocated recoveries instead of drawing them', async () => {
    expect(await run(corridorTotalsQuery)).toEqual({ drawn: 6, withinHomeDistrict: 1, unlocated: 1 });
    expect(await run(corridorTotalsQuery, { districts: ['shivpuri'] })).toEqual({ drawn: 1, withinHomeDistrict: 0, unlocated: 0 });
  });

  it('is empty, not an error, when nothing matches', async () => {
    expect(await run(corridorsQuery, { status: 'missing' })).toEqual([]);
  });
});

describe('district leaderboard', () => {
  it('lists all 55 districts, including those without cases', async () => {
    const rows = await run(districtsQuery);
    expect(rows).toHaveLength(55);
    expect(rows.find((r) => r.id === 'umaria')).toEqual({
      id: 'umaria', name: 'Umaria', nameHi: 'उमरिया', reported: 0, recovered: 0, recoveryRate: null, medianDays: null, stillMissing: 0,
    });
  });

  it('computes reported, recovered, rate, median days and still missing', async () => {
    const rows = await run(districtsQuery);
    const pick = (id: string) => rows.find((r) => r.id === id)!;
    expect(pick('khargone')).toMatchObject({ reported: 4, recovered: 3, recoveryRate: 0.75, medianDays: 10, stillMissing: 1 });
    expect(pick('katni')).toMatchObject({ reported: 3, recovered: 3, recoveryRate: 1, medianDays: 20, stillMissing: 0 });
    expect(pick('bhopal')).toMatchObject({ reported: 2, recovered: 1, recoveryRate: 0.5, medianDays: 1, stillMissing: 1 });
    expect(rows[0].id).toBe('khargone');
  });

  it('keeps every district when districts are selected, but follows the other filters', async () => {
    const rows = await run(districtsQuery, { districts: ['khargone'], sex: ['F'] });
    expect(rows).toHaveLength(55);
    expect(rows.find((r) => r.id === 'khargone')).toMatchObject({ reported: 3, recovered: 2 });
    expect(rows.find((r) => r.id === 'katni')).toMatchObject({ reported: 2, recovered: 2 });
  });
});

describe('monthly timeline', () => {
  it('counts reports by month missing and recoveries by month recovered', async () => {
    expect(await run(timelineQuery)).toEqual([
      { month: '2024-12', reported: 1, recovered: 0 },
      { month: '2025-01', reported: 2, recovered: 1 },
      { month: '2025-02', reported: 2, recovered: 2 },
      { month: '2025-03', reported: 1, recovered: 2 },
      { month: '2025-04', reported: 1, recovered: 0 },
      { month: '2025-05', reported: 1, recovered: 1 },
      { month: '2025-06', reported: 1, recovered: 1 },
      { month: '2025-07', reported: 1, recovered: 0 },
      { month: '2025-08', reported: 0, recovered: 1 },
    ]);
  });
});
