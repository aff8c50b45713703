import { memo, useMemo, useState } from 'react';
import { useSession } from '../../data/session';
import { toCsv } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { toggle } from '../../filters/filter';
import { updateFilter, updateSettings, useLocation } from '../../filters/location-store';
import { COMPARISONS, type Comparison } from '../../filters/url';
import { useT, type Translator } from '../../i18n';
import { SECONDARY } from '../../i18n/format';
import type { StringKey } from '../../i18n/strings';
import { AHTU_DAYS, comparisonPeriods } from '../../queries/districts';
import { isSmallCount } from '../../stats/suppression';
import { Sparkline } from '../shared/Sparkline';
import type { RecoveredWithin } from './leaderboard';
import { sortDistricts, type DistrictSort, type DistrictSortKey } from './sort-districts';
import { useLeaderboard, type ShownRow } from './use-leaderboard';

interface Column {
  key: DistrictSortKey;
  label: StringKey;
  /** What the column means, as the header's tooltip. */
  hint?: (f: Translator) => string;
  /** The cell as text: for the table and, identically, for the CSV export. */
  text: (row: ShownRow, f: Translator) => string;
}

const countText = (r: ShownRow, key: keyof ShownRow['hidden'], f: Translator) =>
  r.hidden[key] && !isSmallCount(r[key]) ? SECONDARY : f.count(r[key]);

/** A Kaplan–Meier share is hidden with the district's counts when they are small. */
const withinText = (r: ShownRow, w: RecoveredWithin, f: Translator) =>
  w.share === null || (f.suppressing && (isSmallCount(r.reported) || isSmallCount(w.atRisk)))
    ? ''
    : `${f.percent(w.share)} (${f.count(w.atRisk)})`;

const signed = (n: number, f: Translator) => (n > 0 ? `+${f.number(n)}` : f.number(n));

const changeText = (r: ShownRow, f: Translator) =>
  r.change === null || (f.suppressing && (r.hidden.reported || isSmallCount(r.previousReported ?? 0))) ? '–' : signed(r.change, f);

const COLUMNS: Column[] = [
  { key: 'name', label: 'districts.district', text: (r, f) => f.name(r) },
  { key: 'reported', label: 'districts.reported', text: (r, f) => countText(r, 'reported', f) },
  { key: 'change', label: 'districts.change', text: changeText },
  {
    key: 'rankChange',
    label: 'districts.rankChange',
    text: (r, f) =>
      r.rankChange === null ? '–' : r.rankChange === 0 ? '=' : `${r.rankChange > 0 ? '▲' : '▼'}${f.number(Math.abs(r.rankChange))}`,
  },
  { key: 'recovered', label: 'districts.recovered', text: (r, f) => countText(r, 'recovered', f) },
  {
    key: 'recoveryRate',
    label: 'districts.rate',
    hint: (f) => f.t('districts.rateHint'),
    text: (r, f) => (r.hidden.recovered || r.hidden.reported ? '–' : f.share(r.recovered, r.reported)),
  },
  {
    key: 'within30',
    label: 'districts.within30',
    hint: (f) => f.t('districts.withinHint', { n: 30 }),
    text: (r, f) => withinText(r, r.within30, f),
  },
  {
    key: 'within120',
    label: 'districts.within120',
    hint: (f) => f.t('districts.withinHint', { n: AHTU_DAYS }),
    text: (r, f) => withinText(r, r.within120, f),
  },
  {
    key: 'medianDays',
    label: 'districts.medianDays',
    hint: (f) => f.t('districts.medianDaysHint'),
    text: (r, f) => (r.medianDays === null || (f.suppressing && isSmallCount(r.reported)) ? '–' : f.number(r.medianDays)),
  },
  { key: 'stillMissing', label: 'districts.stillMissing', text: (r, f) => countText(r, 'stillMissing', f) },
  { key: 'overAhtuDays', label: 'districts.overAhtuDays', text: (r, f) => f.count(r.overAhtuDays) },
  {
    key: 'interstateShare',
    label: 'districts.interstateShare',
    text: (r, f) =>
      r.interstateShare === null || r.hidden.recovered ? '–' : f.share(Math.round(r.interstateShare * r.recovered), r.recovered),
  },
];

/** The columns a slide has room for at projector type sizes. */
const SLIDE_COLUMNS = COLUMNS.filter((c) =>
  (['name', 'reported', 'change', 'recovered', 'within30', 'within120', 'stillMissing', 'overAhtuDays'] as DistrictSortKey[]).includes(
    c.key,
  ),
);

/** The leaderboard's rows; memoized, they are not redrawn while a filter change is fetched. */
const LeaderboardBody = memo(function LeaderboardBody({
  rows,
  columns,
  selectedDistricts,
  slide,
}: {
  rows: ShownRow[];
  columns: readonly Column[];
  selectedDistricts: readonly string[];
  slide: boolean;
}) {
  const f = useT();
  const { t } = f;
  return (
    <tbody>
      {rows.map((row, i) => {
        const selected = selectedDistricts.includes(row.id);
        const select = () => updateFilter((current) => ({ districts: toggle(current.districts, row.id) }));
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
            {columns.map((c) => (
              <td key={c.key} className={c.key === 'name' ? undefined : `num ${c.key}`}>
                {c.text(row, f)}
              </td>
            ))}
            {!slide && (
              <td>
                <Sparkline values={row.monthly} label={t('districts.trendLabel', { name: f.name(row) })} />
              </td>
            )}
          </tr>
        );
      })}
    </tbody>
  );
});

/** The leaderboard; on a slide (`slide`), the first `limit` rows of the columns a projector can show, without controls. */
export function DistrictsView({ slide = false, limit }: { slide?: boolean; limit?: number } = {}) {
  const { filter, settings } = useLocation();
  const session = useSession();
  const f = useT();
  const { t } = f;
  const { rows, selectedDistricts, error } = useLeaderboard();
  const [sort, setSort] = useState<DistrictSort>({ key: 'reported', descending: true });
  const sorted = useMemo(() => sortDistricts(rows, sort).slice(0, limit), [rows, sort, limit]);
  const columns = slide ? SLIDE_COLUMNS : COLUMNS;
  const periods = session.status === 'ready' ? comparisonPeriods(filter, session.context, settings.compare) : undefined;

  const sortBy = (key: DistrictSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const exportCsv = () =>
    downloadCsv(
      'muskaan-districts.csv',
      toCsv(
        ['#', ...columns.map((c) => t(c.label))],
        sorted.map((row, i) => [i + 1, ...columns.map((c) => c.text(row, f))]),
      ),
    );

  return (
    <section className="districts">
      {!slide && (
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
      )}
      {!slide && <p className="note">{t('districts.hint')}</p>}
      {periods && (
        <p className="note" data-testid="comparison-note">
          {t(periods.previousCovered ? 'districts.comparison' : 'districts.noComparison', {
            from: f.date(periods.previous.from),
            to: f.date(periods.previous.to),
          })}
        </p>
      )}
      {error && <p className="error">{t('status.queryError', { message: error })}</p>}
      <table className="leaderboard" data-testid="leaderboard">
        <thead>
          <tr>
            <th className="rank">#</th>
            {columns.map((c) => (
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
            {!slide && <th>{t('districts.trend')}</th>}
          </tr>
        </thead>
        <LeaderboardBody rows={sorted} columns={columns} selectedDistricts={selectedDistricts} slide={slide} />
      </table>
    </section>
  );
}
