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
