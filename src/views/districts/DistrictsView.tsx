import { useMemo, useState } from 'react';
import { useSession } from '../../data/session';
import { useQuery } from '../../data/use-query';
import { toCsv } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { toggle } from '../../filters/filter';
import { updateFilter, useLocation } from '../../filters/location-store';
import { useT, type Translator } from '../../i18n';
import type { StringKey } from '../../i18n/strings';
import { comparisonPeriods, districtMonthsQuery, districtsQuery } from '../../queries/districts';
import { survivalCountsQuery } from '../../queries/survival';
import { Sparkline } from '../shared/Sparkline';
import { buildLeaderboard, type LeaderboardRow } from './leaderboard';
import { sortDistricts, type DistrictSort, type DistrictSortKey } from './sort-districts';

interface Column {
  key: DistrictSortKey;
  label: StringKey;
  /** The cell as text: for the table and, identically, for the CSV export. */
  text: (row: LeaderboardRow, f: Translator) => string;
}

const signed = (n: number, f: Translator) => (n > 0 ? `+${f.number(n)}` : f.number(n));

const COLUMNS: Column[] = [
  { key: 'name', label: 'districts.district', text: (r, f) => f.name(r) },
  { key: 'reported', label: 'districts.reported', text: (r, f) => f.number(r.reported) },
  { key: 'change', label: 'districts.change', text: (r, f) => (r.change === null ? '–' : signed(r.change, f)) },
  { key: 'rankChange', label: 'districts.rankChange', text: (r, f) =>
    (r.rankChange === null ? '–' : r.rankChange === 0 ? '=' : `${r.rankChange > 0 ? '▲' : '▼'}${f.number(Math.abs(r.rankChange))}`) },
  { key: 'recovered', label: 'districts.recovered', text: (r, f) => f.number(r.recovered) },
  { key: 'recoveryRate', label: 'districts.rate', text: (r, f) => (r.recoveryRate === null ? '–' : f.percent(r.recoveryRate)) },
  { key: 'medianDays', label: 'districts.medianDays', text: (r, f) => (r.medianDays === null ? '–' : f.number(r.medianDays)) },
  { key: 'stillMissing', label: 'districts.stillMissing', text: (r, f) => f.number(r.stillMissing) },
  { key: 'overAhtuDays', label: 'districts.overAhtuDays', text: (r, f) => f.number(r.overAhtuDays) },
  { key: 'interstateShare', label: 'districts.interstateShare', text: (r, f) =>
    (r.interstateShare === null ? '–' : f.percent(r.interstateShare)) },
];

export function DistrictsView() {
  const { filter } = useLocation();
  const session = useSession();
  const f = useT();
  const { t } = f;
  const board = useQuery(districtsQuery, filter);
  const survival = useQuery(survivalCountsQuery('district'), filter);
  const months = useQuery(districtMonthsQuery, filter);
  const [sort, setSort] = useState<DistrictSort>({ key: 'reported', descending: true });
  const rows = useMemo(
    () => (board.data && survival.data && months.data ? buildLeaderboard(board.data, survival.data, months.data) : []),
    [board.data, survival.data, months.data],
  );
  const sorted = sortDistricts(rows, sort);
  const error = [board, survival, months].find((r) => r.status === 'error');
  const periods = session.status === 'ready'
    ? comparisonPeriods(filter, { asOf: session.manifest.asOf, firstMissing: session.manifest.dateRange.firstMissing })
    : undefined;

  const sortBy = (key: DistrictSortKey) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const exportCsv = () => downloadCsv('muskaan-districts.csv', toCsv(
    ['#', ...COLUMNS.map((c) => t(c.label))],
    sorted.map((row, i) => [i + 1, ...COLUMNS.map((c) => c.text(row, f))]),
  ));

  return (
    <section className="districts">
      <div className="section-head">
        <h2>{t('districts.heading')}</h2>
        <button type="button" className="action" onClick={exportCsv} data-testid="export-districts">{t('districts.export')}</button>
      </div>
      <p className="note">{t('districts.hint')}</p>
      {periods && (
        <p className="note" data-testid="comparison-note">
          {periods.previousCovered
            ? t('districts.comparison', { from: periods.previous.from, to: periods.previous.to })
            : t('districts.noComparison')}
        </p>
      )}
      {error?.status === 'error' && <p className="error">{t('status.queryError', { message: error.error })}</p>}
      <table className="leaderboard" data-testid="leaderboard">
        <thead>
          <tr>
            <th className="rank">#</th>
            {COLUMNS.map((c) => (
              <th key={c.key} className={c.key === 'name' ? undefined : 'num'}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                  {t(c.label)}{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>{t('districts.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, i) => {
            const selected = filter.districts.includes(row.id);
            const select = () => updateFilter({ districts: toggle(filter.districts, row.id) });
            return (
              <tr key={row.id} data-district={row.id} className={selected ? 'selected' : undefined}
                aria-selected={selected} tabIndex={0} onClick={select}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    select();
                  }
                }}>
                <td className="rank">{i + 1}</td>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.key === 'name' ? undefined : `num ${c.key}`}>{c.text(row, f)}</td>
                ))}
                <td><Sparkline values={row.monthly} label={t('districts.trendLabel', { name: f.name(row) })} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
