import { useMemo, useState } from 'react';
import { useSession } from '../../data/session';
import { useQuery } from '../../data/use-query';
import { toCsv } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { toggle } from '../../filters/filter';
import { updateFilter, updateSettings, useLocation } from '../../filters/location-store';
import { COMPARISONS, type Comparison } from '../../filters/url';
import { useT, type Translator } from '../../i18n';
import type { StringKey } from '../../i18n/strings';
import { AHTU_DAYS, comparisonPeriods, districtMonthsQuery, districtsQuery } from '../../queries/districts';
import { survivalCountsQuery } from '../../queries/survival';
import { Sparkline } from '../shared/Sparkline';
import { buildLeaderboard, type LeaderboardRow, type RecoveredWithin } from './leaderboard';
import { sortDistricts, type DistrictSort, type DistrictSortKey } from './sort-districts';

interface Column {
  key: DistrictSortKey;
  label: StringKey;
  /** What the column means, as the header's tooltip. */
  hint?: (f: Translator) => string;
  /** The cell as text: for the table and, identically, for the CSV export. */
  text: (row: LeaderboardRow, f: Translator) => string;
}

const withinText = (w: RecoveredWithin, f: Translator) => (w.share === null ? '' : `${f.percent(w.share)} (${f.number(w.atRisk)})`);

const signed = (n: number, f: Translator) => (n > 0 ? `+${f.number(n)}` : f.number(n));

const COLUMNS: Column[] = [
  { key: 'name', label: 'districts.district', text: (r, f) => f.name(r) },
  { key: 'reported', label: 'districts.reported', text: (r, f) => f.number(r.reported) },
  { key: 'change', label: 'districts.change', text: (r, f) => (r.change === null ? '–' : signed(r.change, f)) },
  {
    key: 'rankChange',
    label: 'districts.rankChange',
    text: (r, f) =>
      r.rankChange === null ? '–' : r.rankChange === 0 ? '=' : `${r.rankChange > 0 ? '▲' : '▼'}${f.number(Math.abs(r.rankChange))}`,
  },
  { key: 'recovered', label: 'districts.recovered', text: (r, f) => f.number(r.recovered) },
  {
    key: 'recoveryRate',
    label: 'districts.rate',
    hint: (f) => f.t('districts.rateHint'),
    text: (r, f) => (r.recoveryRate === null ? '–' : f.percent(r.recoveryRate)),
  },
  {
    key: 'within30',
    label: 'districts.within30',
    hint: (f) => f.t('districts.withinHint', { n: 30 }),
    text: (r, f) => withinText(r.within30, f),
  },
  {
    key: 'within120',
    label: 'districts.within120',
    hint: (f) => f.t('districts.withinHint', { n: AHTU_DAYS }),
    text: (r, f) => withinText(r.within120, f),
  },
  {
    key: 'medianDays',
    label: 'districts.medianDays',
    hint: (f) => f.t('districts.medianDaysHint'),
    text: (r, f) => (r.medianDays === null ? '–' : f.number(r.medianDays)),
  },
  { key: 'stillMissing', label: 'districts.stillMissing', text: (r, f) => f.number(r.stillMissing) },
  { key: 'overAhtuDays', label: 'districts.overAhtuDays', text: (r, f) => f.number(r.overAhtuDays) },
  {
    key: 'interstateShare',
    label: 'districts.interstateShare',
    text: (r, f) => (r.interstateShare === null ? '–' : f.percent(r.interstateShare)),
  },
];

export function DistrictsView() {
  const { filter, settings } = useLocation();
  const session = useSession();
  const f = useT();
  const { t } = f;
  const board = useQuery(districtsQuery(settings.compare), filter);
  const survival = useQuery(survivalCountsQuery('district'), filter);
  const months = useQuery(districtMonthsQuery, filter);
  const [sort, setSort] = useState<DistrictSort>({ key: 'reported', descending: true });
  const rows = useMemo(
    () => (board.data && survival.data && months.data ? buildLeaderboard(board.data, survival.data, months.data) : []),
    [board.data, survival.data, months.data],
  );
  const sorted = sortDistricts(rows, sort);
  const error = [board, survival, months].find((r) => r.status === 'error');
  const periods =
    session.status === 'ready'
      ? comparisonPeriods(filter, { asOf: session.manifest.asOf, firstMissing: session.manifest.dateRange.firstMissing }, settings.compare)
      : undefined;

  const sortBy = (key: DistrictSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const exportCsv = () =>
    downloadCsv(
      'muskaan-districts.csv',
      toCsv(
        ['#', ...COLUMNS.map((c) => t(c.label))],
        sorted.map((row, i) => [i + 1, ...COLUMNS.map((c) => c.text(row, f))]),
      ),
    );

  return (
    <section className="districts">
      <div className="section-head">
        <h2>{t('districts.heading')}</h2>
        <label className="field inline">
          <span>{t('districts.compareWith')}</span>
          <select
            value={settings.compare}
            data-testid="district-compare"
            onChange={(e) => updateSettings({ compare: e.target.value as Comparison })}
          >
            {COMPARISONS.map((c) => (
              <option key={c} value={c}>
                {t(`districts.compare.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="action" onClick={exportCsv} data-testid="export-districts">
          {t('districts.export')}
        </button>
      </div>
      <p className="note">{t('districts.hint')}</p>
      {periods && (
        <p className="note" data-testid="comparison-note">
          {t(periods.previousCovered ? 'districts.comparison' : 'districts.noComparison', {
            from: periods.previous.from,
            to: periods.previous.to,
          })}
        </p>
      )}
      {error?.status === 'error' && <p className="error">{t('status.queryError', { message: error.error })}</p>}
      <table className="leaderboard" data-testid="leaderboard">
        <thead>
          <tr>
            <th className="rank">#</th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                className={c.key === 'name' ? undefined : 'num'}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                title={c.hint?.(f)}
              >
                <button type="button" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
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
              <tr
                key={row.id}
                data-district={row.id}
                className={selected ? 'selected' : undefined}
                aria-selected={selected}
                tabIndex={0}
                onClick={select}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    select();
                  }
                }}
              >
                <td className="rank">{i + 1}</td>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.key === 'name' ? undefined : `num ${c.key}`}>
                    {c.text(row, f)}
                  </td>
                ))}
                <td>
                  <Sparkline values={row.monthly} label={t('districts.trendLabel', { name: f.name(row) })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
