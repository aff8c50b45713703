import { memo } from 'react';
import { useQuery } from '../../data/use-query';
import type { Filter } from '../../filters/filter';
import { updateFilter } from '../../filters/location-store';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { HOME_STATE } from '../../geo/states';
import { useT } from '../../i18n';
import { destinationMatrixQuery, type MatrixCell } from '../../queries/planner';
import { ELSEWHERE_IN_MP, HOME } from '../../stats/destination-model';
import { destinationLabel } from './names';

/** Rows, columns and totals of the origin × destination counts, both ordered by their totals. */
export function matrixOf(cells: readonly MatrixCell[]) {
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const c of cells) {
    rowTotals.set(c.district, (rowTotals.get(c.district) ?? 0) + c.count);
    columnTotals.set(c.destination, (columnTotals.get(c.destination) ?? 0) + c.count);
    counts.set(`${c.district}|${c.destination}`, c.count);
  }
  const byTotal = (totals: Map<string, number>) => [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return {
    rows: byTotal(rowTotals),
    columns: byTotal(columnTotals),
    rowTotals,
    columnTotals,
    count: (d: string, c: string) => counts.get(`${d}|${c}`) ?? 0,
  };
}

// The filter has no home-district field: both MP columns select the district's recoveries in MP.
const select = (district: string, destination: string) =>
  updateFilter(
    destination === HOME || destination === ELSEWHERE_IN_MP
      ? { districts: [district], states: [HOME_STATE] }
      : { districts: [district], states: [destination] },
  );

const NO_CELLS: MatrixCell[] = [];

export function OriginMatrix({ filter }: { filter: Filter }) {
  const { t } = useT();
  const result = useQuery(destinationMatrixQuery, filter);
  return (
    <div className="matrix-frame">
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
      <MatrixTable cells={result.data ?? NO_CELLS} />
    </div>
  );
}

/** Memoized: its 1,500-odd cells (each with a formatted title) are not redrawn while a filter change is fetched. */
const MatrixTable = memo(function MatrixTable({ cells }: { cells: readonly MatrixCell[] }) {
  const f = useT();
  const { t, number, percent } = f;
  const matrix = matrixOf(cells);
  const max = Math.max(1, ...cells.map((c) => c.count));
  const name = (id: string) => (DISTRICT_BY_ID.has(id) ? f.name(DISTRICT_BY_ID.get(id)!) : id);
  return (
    <table className="matrix" data-testid="origin-matrix">
      <thead>
        <tr>
          <th scope="col">{t('planner.matrixOrigin')}</th>
          {matrix.columns.map((c) => (
            <th key={c} scope="col">
              <span>{destinationLabel(c, f)}</span>
            </th>
          ))}
          <th scope="col">{t('planner.total')}</th>
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((d) => (
          <tr key={d}>
            <th scope="row">{name(d)}</th>
            {matrix.columns.map((c) => {
              const n = matrix.count(d, c);
              // Okabe–Ito blue, at most 90% opaque: the light text keeps a contrast of 4.5:1 or more on every cell.
              const alpha = 0.15 + 0.75 * Math.sqrt(n / max);
              return (
                <td
                  key={c}
                  data-cell={`${d}|${c}`}
                  style={n ? { background: `rgba(0, 114, 178, ${alpha})` } : undefined}
                  title={t('planner.cellTitle', {
                    district: name(d),
                    destination: destinationLabel(c, f),
                    count: number(n),
                    share: percent(n / matrix.rowTotals.get(d)!),
                  })}
                >
                  {n ? (
                    <button type="button" onClick={() => select(d, c)}>
                      {number(n)}
                    </button>
                  ) : (
                    ''
                  )}
                </td>
              );
            })}
            <td className="total">{number(matrix.rowTotals.get(d)!)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('planner.total')}</th>
          {matrix.columns.map((c) => (
            <td key={c} className="total">
              {number(matrix.columnTotals.get(c)!)}
            </td>
          ))}
          <td />
        </tr>
      </tfoot>
    </table>
  );
});
