import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { haversineKm } from '../../src/geo/haversine';
import {
  destinationMatrixQuery,
  pendingAgeingQuery,
  pendingCasesQuery,
  plannerDestinationsQuery,
  plannerOutcomesQuery,
  plannerPendingQuery,
  plannerRecoveredQuery,
  plannerTownsQuery,
} from '../../src/queries/planner';
import type { QueryDef } from '../../src/queries/query';
import { engineWith } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(FIXTURE_CASES);
});
afterAll(() => engine.close());

async function run<T>(query: QueryDef<T>, filter: Partial<Filter> = {}, asOf = '2025-11-30'): Promise<T> {
  return query.decode(await engine.query(query.sql({ ...EMPTY_FILTER, ...filter }, { asOf, firstMissing: '2024-12-20' })));
}

describe('planner counts on the hand-checked cases', () => {
  it('puts every recovery in the origin × destination matrix: home district, elsewhere in MP, or the state', async () => {
    expect((await run(destinationMatrixQuery)).map((c) => [c.district, c.destination, c.count])).toEqual([
      ['bhopal', 'mp', 1],
      ['katni', 'IN-RJ', 1],
      ['katni', 'mp', 2],
      ['khargone', 'IN-UP', 2],
      ['khargone', 'home', 1],
      ['shivpuri', 'IN-GJ', 1],
    ]);
    expect((await run(destinationMatrixQuery, { sex: ['M'] })).map((c) => [c.district, c.destination])).toEqual([
      ['katni', 'mp'],
      ['khargone', 'home'],
    ]);
  });

  it('ages the children still missing against the 120-day rule', async () => {
    expect((await run(pendingAgeingQuery)).map((r) => [r.district, r.band, r.age, r.count])).toEqual([
      ['bhopal', '?', '>120', 1],
      ['khargone', '15-17', '>120', 1],
    ]);
    // On 1 May 2025 k4 had been missing exactly 30 days and t2 went missing that day (found on the 5th).
    expect((await run(pendingAgeingQuery, {}, '2025-05-01')).map((r) => [r.district, r.age, r.count])).toEqual([
      ['bhopal', '>120', 1],
      ['katni', '0-30', 1],
      ['khargone', '0-30', 1],
    ]);
  });

  it('splits the back-test at the cut-off: a child recovered on the cut-off day is known, not pending', async () => {
    const recovered = await run(plannerRecoveredQuery('2025-03-03'));
    expect(recovered.filter((r) => r.threshold === 30).map((r) => [r.district, r.band, r.sex, r.destination, r.count])).toEqual([
      ['katni', '12-14', 'F', 'IN-RJ', 1],
      ['khargone', '15-17', 'F', 'IN-UP', 1],
    ]);
    expect(recovered.filter((r) => r.threshold === 0).reduce((n, r) => n + r.count, 0)).toBe(4);
    expect(await run(plannerOutcomesQuery('2025-03-03'))).toEqual([]);
    expect((await run(plannerPendingQuery('2025-03-03'))).map((g) => [g.district, g.threshold, g.count])).toEqual([['bhopal', 30, 1]]);
  });

  it('scores a child who went missing on the cut-off day and was found after it', async () => {
    expect(await run(plannerOutcomesQuery('2025-03-05'))).toEqual([
      { district: 'khargone', band: '6-11', sex: 'M', threshold: 0, destination: 'home', lat: 21.82, lon: 75.61, count: 1 },
    ]);
  });

  it('lists located towns per origin district, keyed as the corridors are', async () => {
    const towns = await run(plannerTownsQuery('2025-11-30'));
    expect(towns.map((t) => [t.district, t.destination, t.town, t.count])).toEqual([
      ['bhopal', 'mp', 'Indore|indore|IN-MP', 1],
      ['katni', 'IN-RJ', 'Kota|Kota|IN-RJ', 1],
      ['katni', 'mp', 'Jabalpur|jabalpur|IN-MP', 1],
      ['khargone', 'IN-UP', 'Gorakhpur|Gorakhpur|IN-UP', 2],
      ['khargone', 'home', 'Khargone|khargone|IN-MP', 1],
      ['shivpuri', 'IN-GJ', 'Surat|IN-GJ', 1],
    ]);
  });

  it('ranks destination states with km from the origin HQ, median days, accused arrested and feeding districts', async () => {
    const states = await run(plannerDestinationsQuery('state'));
    expect(states.map((s) => [s.key, s.recoveries, s.previous, s.medianDays, s.accusedShare, s.topOrigins])).toEqual([
      ['IN-UP', 2, null, 20, 0.5, ['khargone']],
      ['IN-GJ', 1, null, 45, null, ['shivpuri']],
      ['IN-RJ', 1, null, 30, null, ['katni']],
    ]);
    expect(states[0].medianKm).toBeCloseTo(haversineKm(21.8229, 75.6139, 26.7663, 83.3689), 6);
    // 25 January–28 February against the 35 days before (21 December–24 January, when k1 went missing).
    const towns = await run(plannerDestinationsQuery('place'), { from: '2025-01-25', to: '2025-02-28' });
    expect(towns.map((t) => [t.name, t.recoveries, t.previous])).toEqual([['Gorakhpur', 1, 1]]);
  });

  it('lists each pending case for the team packets, with no name', async () => {
    const cases = await run(pendingCasesQuery);
    expect(cases).toEqual([
      { caseId: 'b1', district: 'bhopal', station: null, missingDate: '2024-12-20', daysMissing: 345, band: '?', sex: 'U', threshold: 180 },
      {
        caseId: 'k4',
        district: 'khargone',
        station: null,
        missingDate: '2025-04-01',
        daysMissing: 243,
        band: '15-17',
        sex: 'F',
        threshold: 180,
      },
    ]);
  });
});
