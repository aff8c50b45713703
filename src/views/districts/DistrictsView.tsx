import { useState } from 'react';
import { useQuery } from '../../data/use-query';
import { toggle } from '../../filters/filter';
import { updateFilter, useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import type { StringKey } from '../../i18n/strings';
import { districtsQuery } from '../../queries/districts';
import { sortDistricts, type DistrictSort, type DistrictSortKey } from './sort-districts';

const COLUMNS: { key: DistrictSortKey; label: StringKey; numeric: boolean }[] = [
  { key: 'name', label: 'districts.district', numeric: false },
  { key: 'reported', label: 'districts.reported', numeric: true },
  { key: 'recovered', label: 'districts.recovered', numeric: true },
  { key: 'recoveryRate', label: 'districts.rate', numeric: true },
  { key: 'medianDays', label: 'districts.medianDays', numeric: true },
  { key: 'stillMissing', label: 'districts.stillMissing', numeric: true },
];

export function DistrictsView() {
  const { filter } = useLocation();
  const { t, number, percent, name } = useT();
  const result = useQuery(districtsQuery, filter);
  const [sort, setSort] = useState<DistrictSort>({ key: 'reported', descending: true });
  const rows = sortDistricts(result.data ?? [], sort);

  const sortBy = (key: DistrictSortKey) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));

  return (
    <section className="districts">
      <h2>{t('districts.heading')}</h2>
      <p className="note">{t('districts.hint')}</p>
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
      <table className="leaderboard" data-testid="leaderboard">
        <thead>
          <tr>
            <th className="rank">#</th>
            {COLUMNS.map((c) => (
              <th key={c.key} className={c.numeric ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                  {t(c.label)}{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const selected = filter.districts.includes(row.id);
            return (
              <tr key={row.id} data-district={row.id} className={selected ? 'selected' : undefined}
                aria-selected={selected} tabIndex={0}
                onClick={() => updateFilter({ districts: toggle(filter.districts, row.id) })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    updateFilter({ districts: toggle(filter.districts, row.id) });
                  }
                }}>
                <td className="rank">{i + 1}</td>
                <td>{name(row)}</td>
                <td className="num">{number(row.reported)}</td>
                <td className="num">{number(row.recovered)}</td>
                <td className="num">{row.recoveryRate === null ? '–' : percent(row.recoveryRate)}</td>
                <td className="num">{row.medianDays === null ? '–' : number(row.medianDays)}</td>
                <td className="num">{number(row.stillMissing)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
