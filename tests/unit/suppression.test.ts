import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableCells, isRateHidden, isSmallCount, suppressTable } from '../../src/stats/suppression';

const hiddenAt = (mask: boolean[][]) => mask.flatMap((row, i) => row.flatMap((h, j) => (h ? [[i, j]] : [])));

describe('small counts', () => {
  it('hides 1 to 4 and shows zero and 5 upwards', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(isSmallCount)).toEqual([false, true, true, true, true, false, false]);
  });

  it('hides a share whose numerator or denominator is hidden', () => {
    expect(isRateHidden(3, 40)).toBe(true);
    expect(isRateHidden(0, 3)).toBe(true);
    expect(isRateHidden(0, 40)).toBe(false);
    expect(isRateHidden(12, 40)).toBe(false);
  });
});

describe('secondary suppression', () => {
  it('gives a lone small cell partners until every row and column has two hidden cells', () => {
    // One 3 in a 3×3 table with all totals printed: the classic answer hides a cycle of six cells.
    const result = suppressTable([
      [10, 3, 8],
      [6, 12, 7],
      [9, 5, 11],
    ]);
    expect(hiddenAt(result.cells)).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(result.rowTotals).toEqual([false, false, false]);
    expect(result.columnTotals).toEqual([false, false, false]);
    expect(result.total).toBe(false);
  });

  it('leaves a table without small counts alone', () => {
    const result = suppressTable([
      [10, 0],
      [6, 12],
    ]);
    expect(hiddenAt(result.cells)).toEqual([]);
  });

  it('hides a second figure of a district row whose recovered count is small (reported = recovered + still missing)', () => {
    const result = suppressTable([[3, 40]]);
    expect(result.cells[0]).toEqual([true, true]);
    expect(result.rowTotals[0]).toBe(false);
  });

  it('finds a cell two hidden rectangles joined by one cell would give away', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 hidden, plus the bridge (1, 2): summing rows 0–1
    // and subtracting columns 0–1 leaves the bridge alone.
    const hidden = [
      [true, true, false, false, false],
      [true, true, true, false, false],
      [false, false, true, true, false],
      [false, false, true, true, false],
      [false, false, false, false, false],
    ];
    expect(derivableCells(hidden)).toEqual([[1, 2]]);
    expect(derivableCells(hidden.map((row, i) => row.map((h, j) => h || (i === 1 && j === 3))))).toEqual([]);
  });

  it('never leaves a small count shown or a hidden cell that the printed figures determine', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((rows) =>
      fc.integer({ min: 1, max: 5 }).chain((columns) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 60 })), { minLength: columns, maxLength: columns }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
      ),
    );
    fc.assert(
      fc.property(table, (cells) => {
        const result = suppressTable(cells);
        cells.forEach((row, i) => row.forEach((n, j) => isSmallCount(n) && expect(result.cells[i][j]).toBe(true)));
        const grid = [...result.cells.map((row, i) => [...row, result.rowTotals[i]]), [...result.columnTotals, result.total]];
        expect(derivableCells(grid)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('secondary suppression with only column totals printed', () => {
  it('hides a second district in a column whose total is printed, and nothing for rows without totals', () => {
    // Districts × (reported, recovered): only the "all districts" row is printed.
    const result = suppressTable(
      [
        [40, 2],
        [25, 9],
        [31, 14],
      ],
      { rowTotals: false, columnTotals: true },
    );
    expect(hiddenAt(result.cells)).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(result.columnTotals).toEqual([false, false]);
  });

  it('hides a lone small corridor of a list whose total is printed', () => {
    const result = suppressTable([[12], [3], [7]], { rowTotals: false, columnTotals: true });
    expect(result.cells.map(([h]) => h)).toEqual([false, true, true]);
  });
});
