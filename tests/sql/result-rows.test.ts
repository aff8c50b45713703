import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/queries/query';
import { nodeEngine } from '../support/engine';

/** What Arrow's own accessors say each row holds, BigInts as numbers: the reference for toRows. */
const arrowRows = (table: Awaited<ReturnType<Awaited<ReturnType<typeof nodeEngine>>['query']>>) =>
  table
    .toArray()
    .map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

describe('query results as rows', () => {
  it('read every column type the queries return exactly as Arrow does, nulls and repeated text included, across chunks', async () => {
    const engine = await nodeEngine();
    const table = await engine.query(`
SELECT
  ['bhopal', 'indore', 'इंदौर', NULL][1 + (i // 700) % 4] AS "group",
  CASE WHEN i % 5 = 0 THEN NULL ELSE 'place ' || repeat('1', i % 3) END AS place,
  CAST(i AS INTEGER) AS n, CAST(i % 100 AS TINYINT) AS small, CAST(i * 1000000000 AS BIGINT) AS big,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i / 7 END AS ratio, CAST(i / 3 AS FLOAT) AS single,
  i % 2 = 0 AS even, DATE '2025-01-01' + CAST(i % 400 AS INTEGER) AS day,
  CAST(i / 8 AS DECIMAL(9, 2)) AS decimal
FROM range(5000) t(i)`);
    expect(table.getChild('n')!.data.length).toBeGreaterThan(1);
    const rows = toRows<Record<string, unknown>>(table);
    expect(rows).toEqual(arrowRows(table));
    expect(rows[0]).toMatchObject({ group: 'bhopal', place: null, n: 0, big: 0, ratio: null, even: true });
    expect(rows[2101]).toMatchObject({ group: null, place: 'place 1', n: 2101, big: 2_101_000_000_000 });
    expect(rows[1400].group).toBe('इंदौर');
  });
});
