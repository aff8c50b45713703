import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { haversineKm } from '../../src/geo/haversine';
import type { QueryDef } from '../../src/queries/query';
import { summaryDistrictsQuery, summaryFiguresQuery, summaryInterstateQuery, summaryMonth } from '../../src/queries/summary';
import { engineWith } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(FIXTURE_CASES);
});
afterAll(() => engine.close());

const context = { asOf: '2025-11-30', firstMissing: '2024-12-20' };
async function run<T>(query: QueryDef<T>, filter: Partial<Filter> = {}): Promise<T> {
  return query.decode(await engine.query(query.sql({ ...EMPTY_FILTER, ...filter }, context)));
}

describe('the monthly summary of the press note', () => {
  it('is for the last whole month up to the as-of date unless one is chosen', () => {
    expect(summaryMonth(undefined, context)).toBe('2025-11');
    expect(summaryMonth(undefined, { ...context, asOf: '2025-11-15' })).toBe('2025-10');
    expect(summaryMonth('2025-02', context)).toBe('2025-02');
  });

  it('counts February 2025 by missing date and by recovery date, beside January and February 2024', async () => {
    // Missing in February: k2, b2. Recovered in February: t1 (Kota, 30 days) and b2 (Indore, the next day).
    expect(await run(summaryFiguresQuery('2025-02'))).toEqual([
      { period: 'current', reported: 2, recovered: 2, interstate: 1, within24h: 1, within48h: 1 },
      { period: 'previous', reported: 2, recovered: 1, interstate: 1, within24h: 0, within48h: 0 },
      { period: 'lastYear', reported: 0, recovered: 0, interstate: 0, within24h: 0, within48h: 0 },
    ]);
    // March: k3 is recovered two days after going missing: within 48 hours, not 24.
    const [march] = await run(summaryFiguresQuery('2025-03'));
    expect(march).toMatchObject({ reported: 1, recovered: 2, interstate: 1, within24h: 0, within48h: 1 });
  });

  it("keeps the filter's children and replaces its dates by the month", async () => {
    const [girls] = await run(summaryFiguresQuery('2025-02'), { sex: ['M'], from: '2020-01-01', to: '2020-12-31' });
    expect(girls).toMatchObject({ reported: 0, recovered: 0 });
    const [katni] = await run(summaryFiguresQuery('2025-02'), { districts: ['katni'] });
    expect(katni).toMatchObject({ reported: 0, recovered: 1, interstate: 1 });
  });

  it('leaves the outcome filters out: they would make "reported missing" mean "recovered there later"', async () => {
    const outcome = { status: 'recovered', scope: 'interstate', states: ['IN-UP'] } as const;
    const queries: QueryDef<unknown>[] = [
      summaryFiguresQuery('2025-02'),
      summaryDistrictsQuery('2025-02'),
      summaryInterstateQuery('2025-02'),
    ];
    for (const query of queries) {
      expect(await run(query, { ...outcome, states: [...outcome.states] })).toEqual(await run(query));
    }
  });

  it('gives each district with a child reported or recovered in the month', async () => {
    expect(await run(summaryDistrictsQuery('2025-02'))).toEqual([
      { id: 'bhopal', name: 'Bhopal', nameHi: 'भोपाल', reported: 1, recovered: 1, interstate: 0, within24h: 1, within48h: 1 },
      { id: 'katni', name: 'Katni', nameHi: 'कटनी', reported: 0, recovered: 1, interstate: 1, within24h: 0, within48h: 0 },
      { id: 'khargone', name: 'Khargone', nameHi: 'खरगोन', reported: 1, recovered: 0, interstate: 0, within24h: 0, within48h: 0 },
    ]);
  });

  it('lists the interstate recoveries of the month with distance and days', async () => {
    const [t1, ...rest] = await run(summaryInterstateQuery('2025-02'));
    expect(rest).toEqual([]);
    expect(t1).toMatchObject({ caseId: 't1', origin: 'katni', place: 'Kota', state: 'IN-RJ', days: 30 });
    expect(t1.km).toBe(Math.round(haversineKm(23.84, 80.39, 25.18, 75.84)));
  });
});
