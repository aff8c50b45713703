/**
 * Small-count suppression for published figures: a count of 1 to 4 children could identify a child, so it
 * is shown as "<5" (zero identifies no one and is shown). Where a table prints totals, one hidden cell in a
 * row or column could be worked back out from the total and the other cells, so a second cell of that line
 * is hidden too (secondary suppression), until no line has exactly one hidden part beside a shown total.
 */
export const SUPPRESSION_LIMIT = 5;

export function isSmallCount(n: number): boolean {
  return n >= 1 && n < SUPPRESSION_LIMIT;
}

export interface SuppressedTable {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  total: boolean;
}

/** A table and its totals as one grid: the last column holds the row totals, the last row the column totals. */
function augment(cells: readonly (readonly number[])[]): number[][] {
  const grid = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = (cells[0]?.length ?? 0) + 1;
  grid.push(Array.from({ length: width }, (_, j) => grid.reduce((sum, row) => sum + row[j], 0)));
  return grid;
}

/** Each row and column of the augmented grid: its parts, then its total. */
function gridLines(rows: number, columns: number): [number, number][][] {
  const lines: [number, number][][] = [];
  for (let i = 0; i <= rows; i++) lines.push(Array.from({ length: columns + 1 }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j <= columns; j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => [i, j] as [number, number]));
  return lines;
}

/**
 * Hidden cells of an augmented grid whose value follows from the shown ones: each line says "parts − total
 * = 0"; a hidden cell is determined when its unit vector lies in the row space of those equations over the
 * hidden cells, i.e. when its column of the reduced row echelon form is a pivot whose row has no other entry.
 */
export function derivableCells(hidden: readonly (readonly boolean[])[]): [number, number][] {
  const rows = hidden.length - 1;
  const columns = hidden[0].length - 1;
  const unknowns: [number, number][] = [];
  const index = hidden.map((row, i) => row.map((h, j) => (h ? unknowns.push([i, j]) - 1 : -1)));
  const matrix = gridLines(rows, columns).map((line) => {
    const equation = new Array<number>(unknowns.length).fill(0);
    line.forEach(([i, j], k) => {
      if (index[i][j] >= 0) equation[index[i][j]] += k === line.length - 1 ? -1 : 1;
    });
    return equation;
  });
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < matrix.length; c++) {
    const p = matrix.findIndex((row, k) => k >= r && Math.abs(row[c]) > 1e-9);
    if (p < 0) continue;
    [matrix[r], matrix[p]] = [matrix[p], matrix[r]];
    const lead = matrix[r][c];
    matrix[r] = matrix[r].map((v) => v / lead);
    for (let k = 0; k < matrix.length; k++) {
      if (k === r || Math.abs(matrix[k][c]) < 1e-9) continue;
      const factor = matrix[k][c];
      matrix[k] = matrix[k].map((v, m) => v - factor * matrix[r][m]);
    }
    pivots[r] = c;
    r++;
  }
  return pivots
    .map((c, row) => ({ c, alone: matrix[row].every((v, m) => m === c || Math.abs(v) < 1e-9) }))
    .filter(({ alone }) => alone)
    .map(({ c }) => unknowns[c]);
}

export interface PrintedTotals {
  rowTotals: boolean;
  columnTotals: boolean;
  /** The grand total; printed when both row and column totals are, unless said otherwise. */
  total?: boolean;
}

/**
 * Which cells of a table of counts to hide when its row totals, column totals and grand total are printed
 * beside it (those of `printed`); `alreadyHidden` marks cells another table printed beside it has hidden, so
 * that the two cannot be read against each other. A lone hidden part of a line with a shown total gets a partner: the smallest non-zero shown
 * part of that line (the one whose hiding loses least), or else the total. Lines with two hidden parts can
 * still give a cell away in combination (two hidden rectangles joined by one cell), so every hidden cell
 * that the equations still determine gets a partner in its row too, until none is determined.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  printed: PrintedTotals = { rowTotals: true, columnTotals: true },
  alreadyHidden?: readonly (readonly boolean[])[],
): SuppressedTable {
  const rows = cells.length;
  const columns = rows ? cells[0].length : 0;
  const grid = augment(cells);
  // A total that is not printed is as unknown to a reader as a hidden cell.
  const total = printed.total ?? (printed.rowTotals && printed.columnTotals);
  const unprinted = (i: number, j: number) =>
    i === rows && j === columns ? !total : (j === columns && !printed.rowTotals) || (i === rows && !printed.columnTotals);
  const hidden = grid.map((row, i) => row.map((n, j) => isSmallCount(n) || unprinted(i, j) || (alreadyHidden?.[i]?.[j] ?? false)));
  const lines = gridLines(rows, columns);
  /** Hides one more cell of `line`: its smallest non-zero shown part, else its total, else a shown zero. */
  const partner = (line: [number, number][]): boolean => {
    const shown = ([i, j]: [number, number]) => !hidden[i][j];
    const parts = line.slice(0, -1).filter(shown);
    const byValue = parts.filter(([i, j]) => grid[i][j] > 0).sort(([a, b], [c, d]) => grid[a][b] - grid[c][d]);
    const pick = byValue[0] ?? [line[line.length - 1]].filter(shown)[0] ?? parts[0];
    if (pick) hidden[pick[0]][pick[1]] = true;
    return pick !== undefined;
  };

  for (;;) {
    const lone = lines.find((line) => {
      const [ti, tj] = line[line.length - 1];
      return !hidden[ti][tj] && line.slice(0, -1).filter(([i, j]) => hidden[i][j]).length === 1;
    });
    if (lone) {
      partner(lone);
      continue;
    }
    // An unprinted total that the printed cells add up to gives nothing away.
    const [derivable] = derivableCells(hidden).filter(([i, j]) => !unprinted(i, j));
    if (!derivable) break;
    // Every cell hidden leaves nothing to derive, so this ends.
    if (!partner(lines[derivable[0]]) && !partner(lines[rows + 1 + derivable[1]])) hidden.forEach((row) => row.fill(true));
  }
  return {
    cells: hidden.slice(0, rows).map((row) => row.slice(0, columns)),
    rowTotals: hidden.slice(0, rows).map((row) => row[columns]),
    columnTotals: hidden[rows].slice(0, columns),
    total: hidden[rows][columns],
  };
}

/** A share is hidden when its numerator or denominator is a suppressed count. */
export function isRateHidden(numerator: number, denominator: number): boolean {
  return isSmallCount(numerator) || isSmallCount(denominator);
}
