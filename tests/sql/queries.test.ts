import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { corridorsQuery, corridorTotalsQuery } from '../../src/queries/corridors';
import { corridorDetailQuery, focusKey } from '../../src/queries/corridor-detail';
import { comparisonPeriods, districtMonthsQuery, districtsQuery } from '../../src/queries/districts';
import { recoveryDaysQuery, recoveryPlaceCountsQuery, RECOVERY_PLACES, survivalCountsQuery } from '../../src/queries/survival';
import { overviewQuery } from '../../src/queries/overview';
import { comparableRows, type QueryDef } from '../../src/queries/query';
import { reportedMonthsQuery, timelineQuery } from '../../src/queries/timeline';
import { engineWith } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(FIXTURE_CASES);
});
afterAll(() => engine.close());

/** The query's answer, its rows in a set order when the query leaves them in none. */
async function run<T>(query: QueryDef<T>, filter: Partial<Filter> = {}): Promise<T> {
  const answer = query.decode(
    await engine.query(query.sql({ ...EMPTY_FILTER, ...filter }, { asOf: '2025-11-30', firstMissing: '2024-12-20' })),
  );
  return (Array.isArray(answer) ? comparableRows(query, answer) : answer) as T;
}

const OUTCOME_FILTERS: Partial<Filter>[] = [
  { status: 'recovered' },
  { status: 'missing' },
  { scope: 'interstate' },
  { scope: 'within' },
  { states: ['IN-UP'] },
];

describe('overview', () => {
  it('counts reported, recovered, still missing, interstate and unlocated', async () => {
    expect(await run(overviewQuery)).toEqual({
      reported: 10,
      recovered: 8,
      stillMissing: 2,
      interstate: 4,
      unlocated: 1,
      firstMissing: '2024-12-20',
      lastMissing: '2025-07-01',
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
    const corridors = await run(corridorsQuery('place'));
    expect(corridors.map((c) => [c.origin, c.place, c.state, c.count, c.medianDays, c.interstate])).toEqual([
      ['khargone', 'Gorakhpur', 'IN-UP', 2, 20, true],
      ['bhopal', 'Indore', 'IN-MP', 1, 1, false],
      ['katni', 'Jabalpur', 'IN-MP', 1, 4, false],
      ['katni', 'Kota', 'IN-RJ', 1, 30, true],
      ['shivpuri', 'Surat', 'IN-GJ', 1, 45, true],
    ]);
  });

  it('starts each corridor at the district HQ and ends at the recovery place', async () => {
    const [gorakhpur] = await run(corridorsQuery('place'));
    expect(gorakhpur).toMatchObject({
      originName: 'Khargone',
      originNameHi: 'खरगोन',
      originLat: 21.8229,
      originLon: 75.6139,
      lat: 26.7663,
      lon: 83.3689,
    });
  });

  it('counts home-district and unlocated recoveries instead of drawing them', async () => {
    const drawn = (await run(corridorsQuery('place'))).reduce((n, c) => n + c.count, 0);
    expect(drawn).toBe(6);
    expect(await run(corridorTotalsQuery)).toEqual({ withinHomeDistrict: 1, unlocated: 1, elsewhereInMp: 2 });
    expect(await run(corridorTotalsQuery, { districts: ['shivpuri'] })).toEqual({ withinHomeDistrict: 0, unlocated: 0, elsewhereInMp: 0 });
  });

  it('is empty, not an error, when nothing matches', async () => {
    expect(await run(corridorsQuery('place'), { status: 'missing' })).toEqual([]);
  });
});

describe('district leaderboard', () => {
  it('lists all 55 districts, including those without cases', async () => {
    const rows = await run(districtsQuery('previous'));
    expect(rows).toHaveLength(55);
    expect(rows.find((r) => r.id === 'umaria')).toEqual({
      id: 'umaria',
      name: 'Umaria',
      nameHi: 'उमरिया',
      reported: 0,
      recovered: 0,
      recoveryRate: null,
      stillMissing: 0,
      overAhtuDays: 0,
      interstateShare: null,
      rank: 5,
      previousReported: null,
      previousRank: null,
    });
  });

  it('computes reported, recovered, rate, still missing, the 120-day rule, interstate share and rank', async () => {
    const rows = await run(districtsQuery('previous'));
    const pick = (id: string) => rows.find((r) => r.id === id)!;
    expect(pick('khargone')).toMatchObject({ reported: 4, recovered: 3, recoveryRate: 0.75, stillMissing: 1, overAhtuDays: 1, rank: 1 });
    expect(pick('khargone').interstateShare).toBeCloseTo(2 / 3, 10);
    expect(pick('katni')).toMatchObject({ reported: 3, recovered: 3, recoveryRate: 1, stillMissing: 0, overAhtuDays: 0, rank: 2 });
    expect(pick('katni').interstateShare).toBeCloseTo(1 / 3, 10);
    expect(pick('bhopal')).toMatchObject({
      reported: 2,
      recovered: 1,
      recoveryRate: 0.5,
      stillMissing: 1,
      overAhtuDays: 1,
      interstateShare: 0,
    });
    expect(rows[0].id).toBe('khargone');
  });

  it('compares with the previous period of equal length when the snapshot covers it', async () => {
    // 2025-05-10..07-31 (83 days) against 2025-02-16..05-09: k3, k4, t2.
    const rows = await run(districtsQuery('previous'), { from: '2025-05-10', to: '2025-07-31' });
    const pick = (id: string) => rows.find((r) => r.id === id)!;
    expect(pick('katni')).toMatchObject({ reported: 1, previousReported: 1 });
    expect(pick('khargone')).toMatchObject({ reported: 0, previousReported: 2, previousRank: 1 });
    expect(pick('bhopal')).toMatchObject({ reported: 0, previousReported: 0 });
  });

  it('compares whole calendar months with as many whole months before them', async () => {
    // May–July 2025 against February–April 2025 (not the 92 days from 29 January).
    const context = { asOf: '2025-11-30', firstMissing: '2024-12-20' };
    expect(comparisonPeriods({ ...EMPTY_FILTER, from: '2025-05-01', to: '2025-07-31' }, context, 'previous').previous).toEqual({
      from: '2025-02-01',
      to: '2025-04-30',
    });
    const rows = await run(districtsQuery('previous'), { from: '2025-05-01', to: '2025-07-31' });
    const pick = (id: string) => rows.find((r) => r.id === id)!;
    expect(pick('katni')).toMatchObject({ reported: 2, rank: 1, previousReported: 0, previousRank: 3 });
    expect(pick('shivpuri')).toMatchObject({ reported: 1, rank: 2, previousReported: 0, previousRank: 3 });
    expect(pick('khargone')).toMatchObject({ reported: 0, rank: 3, previousReported: 3, previousRank: 1 });
    expect(pick('bhopal')).toMatchObject({ reported: 0, previousReported: 1, previousRank: 2 });
  });

  it('compares with the same period last year, when the snapshot covers it', async () => {
    const context = { asOf: '2025-11-30', firstMissing: '2024-01-01' };
    const periods = comparisonPeriods({ ...EMPTY_FILTER, from: '2025-01-01', to: '2025-03-31' }, context, 'year');
    expect(periods).toMatchObject({ previous: { from: '2024-01-01', to: '2024-03-31' }, previousCovered: true });
    expect(
      comparisonPeriods({ ...EMPTY_FILTER, from: '2025-01-01', to: '2025-03-31' }, { ...context, firstMissing: '2024-12-20' }, 'year')
        .previousCovered,
    ).toBe(false);
    const rows = await run(districtsQuery('year'), { from: '2025-12-20', to: '2026-01-31' });
    expect(rows.find((r) => r.id === 'khargone')).toMatchObject({ reported: 0, previousReported: 1 });
    expect(rows.find((r) => r.id === 'bhopal')).toMatchObject({ previousReported: 1 });
  });

  it('keeps every district when districts are selected, but follows the other filters', async () => {
    const rows = await run(districtsQuery('previous'), { districts: ['khargone'], sex: ['F'] });
    expect(rows).toHaveLength(55);
    expect(rows.find((r) => r.id === 'khargone')).toMatchObject({ reported: 3, recovered: 2 });
    expect(rows.find((r) => r.id === 'katni')).toMatchObject({ reported: 2, recovered: 2 });
  });

  it('counts cases per district and month for the sparklines', async () => {
    expect((await run(districtMonthsQuery)).filter((m) => m.district === 'khargone')).toEqual([
      { district: 'khargone', month: '2025-01', reported: 1 },
      { district: 'khargone', month: '2025-02', reported: 1 },
      { district: 'khargone', month: '2025-03', reported: 1 },
      { district: 'khargone', month: '2025-04', reported: 1 },
    ]);
  });
});

describe('survival counts', () => {
  it('gives days to recovery, or to the as-of date for children still missing, per group', async () => {
    const rows = await run(survivalCountsQuery('sex'));
    expect(rows.filter((r) => r.group === 'F')).toEqual([
      { group: 'F', time: 4, events: 1, censored: 0 },
      { group: 'F', time: 10, events: 1, censored: 0 },
      { group: 'F', time: 30, events: 2, censored: 0 },
      { group: 'F', time: 45, events: 1, censored: 0 },
      { group: 'F', time: 243, events: 0, censored: 1 },
    ]);
    expect(rows.filter((r) => r.group === 'U')).toEqual([{ group: 'U', time: 345, events: 0, censored: 1 }]);
  });

  it('never applies a filter on the outcome, which would drop the children still missing', async () => {
    const all = await run(survivalCountsQuery('sex'));
    for (const filter of OUTCOME_FILTERS) expect(await run(survivalCountsQuery('sex'), filter), JSON.stringify(filter)).toEqual(all);
    expect(await run(survivalCountsQuery('sex'), { status: 'recovered', sex: ['M'] })).toEqual(all.filter((r) => r.group === 'M'));
  });

  it("gives each child's days and place of recovery (home district, elsewhere in MP, another state), or censoring", async () => {
    const rows = await run(recoveryPlaceCountsQuery);
    const named = rows.map((r) => [r.time, r.cause === null ? 'missing' : RECOVERY_PLACES[r.cause], r.count]);
    expect(named).toEqual([
      [1, 'mp', 1],
      [2, 'home', 1],
      [4, 'mp', 1],
      [10, 'interstate', 1],
      [20, 'mp', 1],
      [30, 'interstate', 2],
      [45, 'interstate', 1],
      [243, 'missing', 1],
      [345, 'missing', 1],
    ]);
    for (const filter of OUTCOME_FILTERS) expect(await run(recoveryPlaceCountsQuery, filter)).toEqual(rows);
  });

  it('groups by age band and leaves out unrecorded ages', async () => {
    const rows = await run(survivalCountsQuery('age'));
    expect([...new Set(rows.map((r) => r.group))].sort()).toEqual(['12-14', '15-17', '6-11']);
    expect(rows.reduce((n, r) => n + r.events + r.censored, 0)).toBe(9);
  });

  it('bins days to recovery among the recovered', async () => {
    expect((await run(recoveryDaysQuery)).map((b) => b.count)).toEqual([1, 2, 1, 3, 1, 0, 0, 0, 0, 0]);
  });
});

describe('corridor levels and details', () => {
  it('aggregates to districts, naming MP districts from the reference table and keeping cities without one', async () => {
    const corridors = await run(corridorsQuery('district'));
    expect(corridors.map((c) => [c.origin, c.place, c.state, c.count])).toEqual([
      ['khargone', 'Gorakhpur', 'IN-UP', 2],
      ['bhopal', 'Indore', 'IN-MP', 1],
      ['katni', 'Kota', 'IN-RJ', 1],
      ['katni', 'Jabalpur', 'IN-MP', 1],
      ['shivpuri', 'Surat', 'IN-GJ', 1],
    ]);
  });

  it('aggregates to states, drawing only other states', async () => {
    const corridors = await run(corridorsQuery('state'));
    expect(corridors.map((c) => [c.origin, c.target, c.count, c.medianDays])).toEqual([
      ['khargone', 'IN-UP', 2, 20],
      ['katni', 'IN-RJ', 1, 30],
      ['shivpuri', 'IN-GJ', 1, 45],
    ]);
  });

  it('describes a corridor: months, sex and age mix, median days, accused arrested, places', async () => {
    const focus = focusKey({ kind: 'corridor', origin: 'khargone', target: 'Gorakhpur|Gorakhpur|IN-UP', level: 'place' });
    const detail = await run(corridorDetailQuery(focus));
    expect(detail.total).toMatchObject({ cases: 2, recovered: 2, medianDays: 20, withAccusedArrested: 1, arrestKnown: 2 });
    expect(detail.months.map((m) => [m.key, m.cases])).toEqual([
      ['2025-01', 1],
      ['2025-02', 1],
    ]);
    expect(detail.sex.map((m) => [m.key, m.cases])).toEqual([['F', 2]]);
    expect(detail.age.map((m) => [m.key, m.cases])).toEqual([['15-17', 2]]);
    expect(detail.places.map((m) => [m.key, m.cases])).toEqual([['Gorakhpur, IN-UP', 2]]);
  });

  it('describes an origin district, with its still-missing children and every destination', async () => {
    const detail = await run(corridorDetailQuery(focusKey({ kind: 'origin', origin: 'katni' })));
    expect(detail.total).toMatchObject({ cases: 3, recovered: 3, medianDays: 20, arrestKnown: 0 });
    expect(detail.sex.map((m) => [m.key, m.cases])).toEqual([
      ['F', 2],
      ['M', 1],
    ]);
    expect(detail.age.map((m) => [m.key, m.cases])).toEqual([
      ['12-14', 2],
      ['15-17', 1],
    ]);
    expect(detail.places).toHaveLength(3);
  });

  it('describes a destination with the same children its ring counts: drawn recoveries only', async () => {
    const ring = (await run(corridorsQuery('place'))).filter((c) => c.target === 'Indore|indore|IN-MP').reduce((n, c) => n + c.count, 0);
    expect(
      (await run(corridorDetailQuery(focusKey({ kind: 'destination', target: 'Indore|indore|IN-MP', level: 'place' })))).total.cases,
    ).toBe(ring);
    const home = await run(corridorDetailQuery(focusKey({ kind: 'destination', target: 'Khargone|khargone|IN-MP', level: 'place' })));
    expect(home.total.cases).toBe(0);
    const surat = await run(corridorDetailQuery(focusKey({ kind: 'destination', target: 'Surat|IN-GJ', level: 'district' })));
    expect(surat.total.cases).toBe(1);
  });

  it('escapes a hostile destination key', async () => {
    const detail = await run(corridorDetailQuery(focusKey({ kind: 'destination', target: "x' OR '1'='1", level: 'state' })));
    expect(detail.total.cases).toBe(0);
  });
});

describe('monthly timeline', () => {
  it('counts reports by month missing and recoveries by month recovered', async () => {
    expect((await run(timelineQuery)).map(({ missedShare: _, ...m }) => m)).toEqual([
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

  it("estimates how short the first months' recoveries are, from the delays seen", async () => {
    // Delays 1, 2, 4, 10, 20, 30, 30, 45 days; the period starts 2024-12-20. Mid-January is 26 days in:
    // 3 of 8 delays are longer, so about 37.5% of January's recoveries are of children missing before the start.
    const shares = (await run(timelineQuery)).map((m) => [m.month, m.missedShare]);
    expect(shares.slice(0, 3)).toEqual([
      ['2024-12', 1],
      ['2025-01', 0.375],
      ['2025-02', 0],
    ]);
    const fromMarch = await run(timelineQuery, { from: '2025-03-01' });
    // From March: delays 2, 4, 20, 45; mid-March is 14 days in, so half of March's recoveries are missed.
    expect(fromMarch[0]).toMatchObject({ month: '2025-03', missedShare: 0.5 });
  });

  it('keeps the whole range of months for the brushable timeline when a date range is set', async () => {
    const months = await run(reportedMonthsQuery, { from: '2025-05-01', to: '2025-05-31' });
    expect(months.map((m) => m.month)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
  });
});
