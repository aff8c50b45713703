import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodedResult } from '../../src/data/query-runner';

const table = tableFromArrays({ n: Int32Array.from([1, 2]) });

describe('a query outcome for a view', () => {
  it('carries the decoded rows', async () => {
    expect(
      await decodedResult(
        async () => table,
        'SELECT 1',
        (t) => t.numRows,
      ),
    ).toEqual({ sql: 'SELECT 1', data: 2 });
  });

  it('decodes a result served again from the cache only once, so views see the same rows object', async () => {
    let decodes = 0;
    const decode = (t: typeof table) => {
      decodes++;
      return { rows: t.numRows };
    };
    const first = await decodedResult(async () => table, 'SELECT 1', decode);
    const again = await decodedResult(async () => table, 'SELECT 1', decode);
    expect(again.data).toBe(first.data);
    expect(decodes).toBe(1);
    // Another decoder of the same result decodes it for itself.
    expect(
      (
        await decodedResult(
          async () => table,
          'SELECT 1',
          (t) => t.numCols,
        )
      ).data,
    ).toBe(1);
  });

  it('turns a decoder that throws into an error, so the view shows it instead of loading forever', async () => {
    const outcome = await decodedResult(
      async () => table,
      'SELECT 1',
      () => {
        throw new TypeError('column "n" is not a date');
      },
    );
    expect(outcome).toEqual({ sql: 'SELECT 1', error: 'column "n" is not a date' });
  });

  it('turns a failed query into an error', async () => {
    expect(
      await decodedResult(
        () => Promise.reject(new Error('Binder Error')),
        'SELECT x',
        () => 0,
      ),
    ).toEqual({ sql: 'SELECT x', error: 'Binder Error' });
  });
});
