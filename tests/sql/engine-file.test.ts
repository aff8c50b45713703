import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_FILE, writeEngineFile } from '../../src/cli/engine-file';
import { openNativeDuckDB } from '../../src/cli/native-duckdb';
import type { Engine } from '../../src/data/engine';
import { SnapshotSchemaError } from '../../src/data/schema';
import { attachCases, loadCases } from '../../src/data/snapshot';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { corridorsQuery, corridorTotalsQuery } from '../../src/queries/corridors';
import { openingAnswers, snapshotCubes } from '../../src/queries/cubes';
import { districtMonthsQuery, districtsQuery, originCountsQuery } from '../../src/queries/districts';
import { overviewQuery } from '../../src/queries/overview';
import { plannerPendingQuery, plannerRecoveredQuery, plannerTownsQuery } from '../../src/queries/planner';
import { comparableRows, querySql, type QueryDef } from '../../src/queries/query';
import { attachedSnapshotFilesSql, CASES, ENGINE_FILE_STORAGE_VERSION, filledCasesSql } from '../../src/queries/snapshot-tables';
import { recoveryPlaceCountsQuery, survivalCountsQuery } from '../../src/queries/survival';
import { reportedMonthsQuery, timelineQuery } from '../../src/queries/timeline';
import { DESK_VIEWS, viewQueries, warmUpStatements } from '../../src/queries/view-queries';
import { nodeEngine, parquetOf } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

const context = { asOf: '2025-11-30', firstMissing: '2024-12-20' };
const QUERIES: QueryDef<unknown>[] = [
  overviewQuery,
  corridorsQuery('place'),
  corridorsQuery('state'),
  corridorTotalsQuery,
  originCountsQuery,
  districtsQuery('previous'),
  districtMonthsQuery,
  survivalCountsQuery('district'),
  recoveryPlaceCountsQuery,
  timelineQuery,
  reportedMonthsQuery,
  plannerRecoveredQuery(context.asOf),
  plannerPendingQuery(context.asOf),
  plannerTownsQuery(context.asOf),
];
const FILTERS: Filter[] = [EMPTY_FILTER, { ...EMPTY_FILTER, sex: ['F'], from: '2025-01-01' }, { ...EMPTY_FILTER, scope: 'interstate' }];

/** A snapshot folder with the fixture's Parquet and its engine file, as `npm run snapshot` writes them. */
async function snapshotFolder(): Promise<{ dir: string; parquet: Uint8Array; engineFile: Uint8Array; listed: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-file-'));
  const parquet = await parquetOf(FIXTURE_CASES);
  writeFileSync(join(dir, 'cases.parquet'), parquet);
  const described = await writeEngineFile(dir, context);
  const engineFile = new Uint8Array(readFileSync(join(dir, ENGINE_FILE)));
  expect(described).toMatchObject({ file: ENGINE_FILE, bytes: engineFile.byteLength });
  return { dir, parquet, engineFile, listed: described.cubes ?? [] };
}

const answers = async (engine: Engine, cubes: readonly string[] = []) => {
  const all: unknown[] = [];
  for (const filter of FILTERS) {
    for (const query of QUERIES) {
      const answer = query.decode(await engine.query(querySql(query, filter, { ...context, cubes: new Set(cubes) })));
      all.push(Array.isArray(answer) ? comparableRows(query, answer) : answer);
    }
  }
  return all;
};

const reported = async (engine: Engine) => overviewQuery.decode(await engine.query(overviewQuery.sql(EMPTY_FILTER, context))).reported;
const attachedFiles = async (engine: Engine) => (await engine.query(attachedSnapshotFilesSql())).numRows;

describe("a snapshot's engine file", () => {
  it('answers every dashboard query, from its cubes where they can, exactly as its Parquet loaded row by row does', async () => {
    const { parquet, engineFile } = await snapshotFolder();
    const loaded = await nodeEngine();
    await loadCases(loaded, parquet);
    const attached = await nodeEngine();
    const { rows, cubes } = await attachCases(attached, engineFile, FIXTURE_CASES.length);
    expect(rows).toBe(FIXTURE_CASES.length);
    // The fixture's ten cases leave few cubes smaller than themselves; tests/sql/cubes.test.ts checks every one.
    expect(cubes.length).toBeGreaterThan(0);
    expect([...snapshotCubes(context), ...openingAnswers(context)].map((cube) => cube.name)).toEqual(expect.arrayContaining(cubes));
    const expected = await answers(loaded);
    expect(expected.some((rows) => Array.isArray(rows) && rows.length > 0)).toBe(true);
    expect(await answers(attached, cubes)).toEqual(expected);
    expect(await answers(attached)).toEqual(expected);
  });

  it('lists in its description the cubes it carries, which an engine then takes without asking the catalog', async () => {
    const { engineFile, listed } = await snapshotFolder();
    const fromCatalog = await attachCases(await nodeEngine(), engineFile, FIXTURE_CASES.length);
    expect([...listed].sort()).toEqual([...fromCatalog.cubes].sort());
    const fromList = await attachCases(await nodeEngine(), engineFile, FIXTURE_CASES.length, undefined, listed);
    expect(fromList.cubes).toEqual(listed);
    // A cube the file lacks fails the attach, which falls back to the Parquet.
    await expect(
      attachCases(await nodeEngine(), engineFile, FIXTURE_CASES.length, undefined, [...listed, 'cube_0000000000000000']),
    ).rejects.toThrow();
  });

  it('answers each desk view opened unfiltered from the answers it stores, without reading a case, as the cases would', async () => {
    const { parquet, engineFile } = await snapshotFolder();
    const loaded = await nodeEngine();
    await loadCases(loaded, parquet);
    const attached = await nodeEngine();
    const { cubes } = await attachCases(attached, engineFile, FIXTURE_CASES.length);
    const stored = openingAnswers(context).map((answer) => answer.name);
    expect(stored.length).toBeGreaterThan(3);
    expect(cubes).toEqual(expect.arrayContaining(stored));
    const page = { ...context, cubes: new Set(cubes) };
    for (const view of DESK_VIEWS) {
      for (const query of viewQueries(view, context.asOf)) {
        const sql = querySql(query, EMPTY_FILTER, page);
        // Every query no cube answers reads its stored rows; the others read their cubes where the fixture has them.
        if (!query.cube) expect(sql).toMatch(/^SELECT \* FROM cube_[0-9a-f]{16}$/);
        expect(query.decode(await attached.query(sql))).toEqual(query.decode(await loaded.query(query.sql(EMPTY_FILTER, context))));
      }
    }
    // A filter, or a snapshot without the answers, runs the query itself.
    const corridors = corridorsQuery('place', 'interstate');
    expect(querySql(corridors, { ...EMPTY_FILTER, sex: ['F'] }, page)).toBe(corridors.sql({ ...EMPTY_FILTER, sex: ['F'] }, page));
    expect(querySql(corridors, EMPTY_FILTER, context)).toBe(corridors.sql(EMPTY_FILTER, context));
  });

  it("warms an engine up on every desk view's queries, over the cases and from its cubes, each of which runs on the file", async () => {
    const { engineFile } = await snapshotFolder();
    const attached = await nodeEngine();
    const { cubes } = await attachCases(attached, engineFile, FIXTURE_CASES.length);
    const statements = warmUpStatements({ ...context, cubes: new Set(cubes) });
    const kinds = new Set(DESK_VIEWS.flatMap((view) => viewQueries(view, context.asOf)));
    // Three filters for every kind of query, over the cases and as the page sends them; the same SQL once.
    expect(new Set(statements).size).toBe(statements.length);
    expect(statements.filter((sql) => !sql.includes('cube_')).length).toBeGreaterThan(kinds.size);
    expect(statements.some((sql) => sql.includes('cube_'))).toBe(true);
    expect(statements.length).toBeLessThanOrEqual(6 * kinds.size);
    for (const sql of statements) await attached.query(sql);
  });

  it('holds no free blocks: every byte an open fetches and copies is a case or a cube', async () => {
    // Twenty copies of the demo's cases in row groups of 131,072, as the generator writes large snapshots: with two
    // threads the writer left 45 of 102 blocks free.
    const dir = mkdtempSync(join(tmpdir(), 'engine-file-'));
    const native = await openNativeDuckDB();
    await native.run(
      `COPY (SELECT cases.* FROM read_parquet('data/snapshots/demo/cases.parquet') AS cases, range(20)) TO '${join(dir, 'cases.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 131072)`,
    );
    const demo = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
    await writeEngineFile(dir, { asOf: demo.asOf, firstMissing: demo.dateRange.firstMissing });
    await native.run(`ATTACH '${join(dir, ENGINE_FILE)}' AS f (READ_ONLY)`);
    const [size] = await native.rows("SELECT total_blocks, free_blocks FROM pragma_database_size() WHERE database_name = 'f'");
    const [cases] = await native.rows('SELECT count(*) AS n FROM f.cases');
    native.close();
    expect(Number(cases.n)).toBe(20 * demo.rows.accepted);
    expect(Number(size.total_blocks)).toBeGreaterThan(20);
    expect(Number(size.free_blocks)).toBe(0);
  });

  it('replaces the loaded snapshot either way, and a Parquet load afterwards frees the attached file', async () => {
    const { parquet, engineFile } = await snapshotFolder();
    const engine = await nodeEngine();
    await loadCases(engine, parquet);
    await attachCases(engine, engineFile, FIXTURE_CASES.length);
    await attachCases(engine, engineFile, FIXTURE_CASES.length);
    expect(await attachedFiles(engine)).toBe(1);
    await loadCases(engine, parquet);
    expect(await attachedFiles(engine)).toBe(0);
    expect(await reported(engine)).toBe(FIXTURE_CASES.length);
  });

  it('that is damaged, holds other rows than the manifest lists, or lacks a column leaves the loaded snapshot in place', async () => {
    const { dir, parquet, engineFile } = await snapshotFolder();
    const engine = await nodeEngine();
    await loadCases(engine, parquet);
    await expect(attachCases(engine, engineFile.slice(0, 4096), FIXTURE_CASES.length)).rejects.toThrow();
    await expect(attachCases(engine, engineFile, FIXTURE_CASES.length + 1)).rejects.toThrow(
      `holds ${FIXTURE_CASES.length} cases where its manifest lists ${FIXTURE_CASES.length + 1}`,
    );
    const native = await openNativeDuckDB();
    const noSex = join(dir, 'no-sex.duckdb');
    await native.run(`ATTACH '${noSex}' AS f (STORAGE_VERSION '${ENGINE_FILE_STORAGE_VERSION}')`);
    await native.run(`CREATE TABLE f.cases AS SELECT * EXCLUDE (sex) FROM read_parquet('${join(dir, 'cases.parquet')}')`);
    await native.run('DETACH f');
    native.close();
    await expect(attachCases(engine, new Uint8Array(readFileSync(noSex)), FIXTURE_CASES.length)).rejects.toThrow(SnapshotSchemaError);
    expect(await attachedFiles(engine)).toBe(0);
    expect(await reported(engine)).toBe(FIXTURE_CASES.length);
  });

  it('checks its required columns from the statistics without reading its cases, and names one that is empty', async () => {
    const { dir, parquet, engineFile } = await snapshotFolder();
    const engine = await nodeEngine();
    await loadCases(engine, parquet);
    await attachCases(engine, engineFile, FIXTURE_CASES.length);
    const plan = (await engine.query(`EXPLAIN ${filledCasesSql(CASES)}`))
      .toArray()
      .map((row) => String(row.toJSON().explain_value))
      .join('\n');
    expect(plan).toContain('EMPTY_RESULT');
    expect(plan).not.toMatch(/SEQ_SCAN|TABLE_SCAN/);
    const native = await openNativeDuckDB();
    const emptySex = join(dir, 'empty-sex.duckdb');
    await native.run(`ATTACH '${emptySex}' AS f (STORAGE_VERSION '${ENGINE_FILE_STORAGE_VERSION}')`);
    await native.run(
      `CREATE TABLE f.cases AS SELECT * REPLACE (CASE WHEN case_id = '${FIXTURE_CASES[0].case_id}' THEN NULL ELSE sex END AS sex) FROM read_parquet('${join(dir, 'cases.parquet')}')`,
    );
    await native.run('DETACH f');
    native.close();
    await expect(attachCases(engine, new Uint8Array(readFileSync(emptySex)), FIXTURE_CASES.length)).rejects.toThrow(
      /column "sex" must not be empty but is empty in 1 rows/,
    );
    expect(await reported(engine)).toBe(FIXTURE_CASES.length);
  });
});
