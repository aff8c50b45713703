import { readFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowToParquet } from '../../src/data/parquet';
import { SnapshotSchemaError } from '../../src/data/schema';
import { loadCases } from '../../src/data/snapshot';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { overviewQuery } from '../../src/queries/overview';
import type { Engine } from '../../src/data/engine';
import { engineWith, parquetOf } from '../support/engine';
import { FIXTURE_CASES } from '../support/fixture-cases';

/** Parquet of the loaded fixture with one column dropped or replaced. */
async function alteredParquet(engine: Engine, change: (table: Table) => Table): Promise<Uint8Array> {
  const table = tableFromIPC(await engine.queryIPC('SELECT * FROM cases'));
  return arrowToParquet(tableToIPC(change(table), 'stream'));
}

const reported = async (engine: Awaited<ReturnType<typeof engineWith>>) =>
  overviewQuery.decode(await engine.query(overviewQuery.sql(EMPTY_FILTER, { asOf: '2025-11-30', firstMissing: '2024-12-20' }))).reported;

describe('loading a snapshot', () => {
  it('replaces the loaded cases with the committed demo snapshot, whole', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    const manifest = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
    const { rows } = await loadCases(engine, readFileSync('data/snapshots/demo/cases.parquet'));
    expect(rows).toBe(manifest.rows.accepted);
    expect(await reported(engine)).toBe(manifest.rows.accepted);
    expect(manifest.synthetic).toBe(true);
    await engine.close();
  });

  it('leaves the loaded cases compressed: the text columns the filters and groupings read are dictionary-encoded', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    await loadCases(engine, readFileSync('data/snapshots/demo/cases.parquet'));
    const storage = (
      await engine.query(
        "SELECT column_name, list(DISTINCT compression) AS kinds FROM pragma_storage_info('cases') WHERE segment_type = 'VARCHAR' GROUP BY ALL",
      )
    )
      .toArray()
      .map((row) => ({ column: String(row.column_name), kinds: [...row.kinds] as string[] }));
    for (const column of ['origin_district', 'sex', 'recovery_state', 'recovery_place']) {
      const kinds = storage.find((s) => s.column === column)?.kinds;
      expect(kinds, column).toBeDefined();
      expect(kinds, column).not.toContain('Uncompressed');
    }
    await engine.close();
  });

  it('names a missing column and keeps the loaded snapshot', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    const bad = await alteredParquet(engine, (t) => t.select(t.schema.fields.map((f) => f.name).filter((n) => n !== 'recovered_date')));
    await expect(loadCases(engine, bad)).rejects.toThrow(/column "recovered_date" is missing/);
    expect(await reported(engine)).toBe(10);
    await engine.close();
  });

  it('names a column of the wrong type', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    const bad = await alteredParquet(engine, (t) =>
      t
        .select(t.schema.fields.map((f) => f.name).filter((n) => n !== 'origin_lat'))
        .assign(new Table({ origin_lat: t.getChild('case_id')! })),
    );
    const error = await loadCases(engine, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotSchemaError);
    expect((error as SnapshotSchemaError).column).toBe('origin_lat');
    expect(await reported(engine)).toBe(10);
    await engine.close();
  });

  it('names a required column that has empty values, and keeps the loaded snapshot', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    const bad = await parquetOf([...FIXTURE_CASES, { ...FIXTURE_CASES[0], case_id: 'x1', sex: null as never }]);
    await expect(loadCases(engine, bad)).rejects.toThrow(/column "sex" must not be empty but is empty in 1 rows/);
    expect(await reported(engine)).toBe(10);
    await engine.close();
  });

  it('rejects bytes that are not Parquet with a clear message', async () => {
    const engine = await engineWith(FIXTURE_CASES);
    await expect(loadCases(engine, new TextEncoder().encode('case_id,district\n1,Khargone\n'))).rejects.toThrow(
      /Not a readable Parquet file/,
    );
    expect(await reported(engine)).toBe(10);
    await engine.close();
  });
});
