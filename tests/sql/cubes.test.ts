import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_FILE, writeEngineFile } from '../../src/cli/engine-file';
import type { Engine } from '../../src/data/engine';
import type { Manifest } from '../../src/data/manifest';
import { attachCases, loadCases } from '../../src/data/snapshot';
import { AGE_BANDS, EMPTY_FILTER, SEXES, type Filter } from '../../src/filters/filter';
import { cubedQueries, openingAnswers, snapshotCubes } from '../../src/queries/cubes';
import { emergingCountsQuery, emergingKey } from '../../src/queries/emerging';
import { overviewQuery } from '../../src/queries/overview';
import { comparableRows, type QueryContext, type QueryDef } from '../../src/queries/query';
import { createCubeSql } from '../../src/queries/snapshot-tables';
import { survivalCountsQuery } from '../../src/queries/survival';
import { reportedMonthsQuery } from '../../src/queries/timeline';
import { nodeEngine } from '../support/engine';

// The demo: 34,596 cases over three years, every district, sex, age band and outcome.
const manifest = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8')) as Manifest;
const plain: QueryContext = { asOf: manifest.asOf, firstMissing: manifest.dateRange.firstMissing };
let cubed: QueryContext;
let engine: Engine;

beforeAll(async () => {
  // Every cube, whatever its size (an engine file leaves out those about as large as the cases).
  engine = await nodeEngine();
  await loadCases(engine, new Uint8Array(readFileSync('data/snapshots/demo/cases.parquet')));
  const cubes = snapshotCubes(plain);
  for (const cube of cubes) await engine.query(createCubeSql(cube));
  cubed = { ...plain, cubes: new Set(cubes.map((cube) => cube.name)) };
}, 120_000);
afterAll(() => engine.close());

const rows = async (query: QueryDef<unknown>, sql: string) =>
  JSON.stringify(
    comparableRows(
      query,
      (await engine.query(sql)).toArray().map((row) => row.toJSON()),
    ),
    (_, v) => (typeof v === 'bigint' ? Number(v) : v),
  );

/** The query's rows from the cubes and from the cases, for `filter`. */
async function bothWays(query: QueryDef<unknown>, filter: Filter) {
  return { fromCube: await rows(query, query.sql(filter, cubed)), fromCases: await rows(query, query.sql(filter, plain)) };
}

const f = (change: Partial<Filter>): Filter => ({ ...EMPTY_FILTER, ...change });
const FILTERS: Filter[] = [
  EMPTY_FILTER,
  f({ sex: ['F'] }),
  f({ sex: ['F'], ageBands: ['15-17'] }),
  f({ sex: ['M', 'T', 'U'], ageBands: ['0-5', '6-11'] }),
  f({ districts: ['indore'] }),
  f({ districts: ['khargone', 'dhar'], sex: ['F'] }),
  f({ states: ['IN-GJ'] }),
  f({ states: ['IN-RJ', 'IN-UP'], ageBands: ['12-14'] }),
  f({ scope: 'interstate' }),
  f({ scope: 'within', districts: ['bhopal'] }),
  f({ status: 'missing' }),
  f({ status: 'recovered', districts: ['jabalpur'] }),
  f({ status: 'missing', scope: 'interstate' }),
  // Nothing passes: every query must still give what the cases give (zero rows, or zeros).
  f({ sex: ['T'], districts: ['sagar'], states: ['IN-KL'] }),
];

describe('a query answered from its cube', () => {
  it('gives exactly the rows it gives from the cases, for every cubed query and filter', async () => {
    for (const query of cubedQueries(plain)) {
      for (const filter of FILTERS) {
        const { fromCube, fromCases } = await bothWays(query, filter);
        expect(fromCube, `${query.name} ${JSON.stringify(filter)}`).toBe(fromCases);
      }
    }
  });

  it('reads the cube for a filter without dates, and the cases for one with dates it applies', () => {
    const cube = overviewQuery.cube!(plain).name;
    expect(overviewQuery.sql(f({ sex: ['F'] }), cubed)).toContain(cube);
    expect(overviewQuery.sql(f({ sex: ['F'] }), plain)).not.toContain(cube);
    expect(overviewQuery.sql(f({ from: '2024-01-01' }), cubed)).not.toContain(cube);
    // The reported months ignore the date filter, so dates never keep them from their cube.
    expect(reportedMonthsQuery.sql(f({ from: '2024-01-01', to: '2024-03-31' }), cubed)).toContain(reportedMonthsQuery.cube!(plain).name);
    // Emerging corridors' windows move when the dates end before the as-of date: the cube counts the as-of windows.
    const emerging = emergingCountsQuery(emergingKey('place', 'interstate', 3));
    expect(emerging.sql(f({ to: '2025-06-30' }), cubed)).not.toContain(emerging.cube!(plain).name);
    expect(emerging.sql(f({ from: '2025-01-01' }), cubed)).toContain(emerging.cube!(plain).name);
  });

  it('with dates, or with windows moved by them, gives the rows of the cases', async () => {
    const emerging = emergingCountsQuery(emergingKey('state', 'all', 6));
    for (const filter of [f({ from: '2024-01-01', sex: ['F'] }), f({ to: '2025-06-30' }), f({ from: '2024-06-01', to: '2024-08-31' })]) {
      for (const query of [emerging, reportedMonthsQuery, overviewQuery]) {
        const { fromCube, fromCases } = await bothWays(query, filter);
        expect(fromCube, `${query.name} ${JSON.stringify(filter)}`).toBe(fromCases);
      }
    }
  });

  it('gives the rows of the cases for any mix of the fields a cube holds (property)', async () => {
    const list = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });
    const filters = fc.record({
      sex: list(SEXES),
      ageBands: list(AGE_BANDS),
      districts: list(['indore', 'bhopal', 'khargone', 'sagar', 'rewa', 'dhar', 'jabalpur']),
      states: list(['IN-MP', 'IN-GJ', 'IN-MH', 'IN-UP', 'IN-RJ', 'IN-DL']),
      scope: fc.constantFrom(undefined, 'within' as const, 'interstate' as const),
      status: fc.constantFrom(undefined, 'recovered' as const, 'missing' as const),
    });
    const queries = cubedQueries(plain);
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 0, max: queries.length - 1 }), async (filter, i) => {
        const { fromCube, fromCases } = await bothWays(queries[i], filter);
        expect(fromCube).toBe(fromCases);
      }),
      { numRuns: 150 },
    );
  });

  it("is written into a snapshot's engine file when it holds fewer rows than three quarters of the cases", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cubes-'));
    copyFileSync('data/snapshots/demo/cases.parquet', join(dir, 'cases.parquet'));
    await writeEngineFile(dir, plain);
    const attached = await nodeEngine();
    const { cubes } = await attachCases(attached, new Uint8Array(readFileSync(join(dir, ENGINE_FILE))), manifest.rows.accepted);
    await attached.close();
    const small: string[] = [];
    for (const cube of snapshotCubes(plain)) {
      const rows = Number((await engine.query(`SELECT count(*) AS n FROM ${cube.name}`)).get(0)!.toJSON().n);
      if (rows < 0.75 * manifest.rows.accepted) small.push(cube.name);
    }
    expect(small.length).toBeGreaterThan(10);
    // Beside them, every opening answer (tests/sql/engine-file.test.ts).
    expect(cubes.sort()).toEqual([...small, ...openingAnswers(plain).map((answer) => answer.name)].sort());
  }, 120_000);

  it('is named for its SQL, so a file written for another as-of date or version of the query is not read', () => {
    const names = snapshotCubes(plain).map((cube) => cube.name);
    expect(new Set(names).size).toBe(names.length);
    const later: QueryContext = { ...plain, asOf: '2025-12-31' };
    const survival = survivalCountsQuery('none');
    // Follow-up is counted to the as-of date: another date, another cube.
    expect(survival.cube!(later).name).not.toBe(survival.cube!(plain).name);
    const filter = f({ sex: ['F'] });
    expect(survival.sql(filter, { ...later, cubes: cubed.cubes })).toBe(survival.sql(filter, later));
    // The headline counts do not read the as-of date: the same cube serves both.
    expect(overviewQuery.cube!(later).name).toBe(overviewQuery.cube!(plain).name);
  });
});
