import { useState } from 'react';
import { useQuery } from '../../data/use-query';
import { toCsv } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import type { Filter } from '../../filters/filter';
import { updateFilter } from '../../filters/location-store';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { useT, type Translator } from '../../i18n';
import type { StringKey } from '../../i18n/strings';
import { plannerDestinationsQuery, type DestinationRow } from '../../queries/planner';
import { stateName } from '../corridors/names';

type SortKey = 'name' | 'recoveries' | 'change' | 'medianKm' | 'medianDays' | 'accusedShare';

interface Column {
  key: SortKey;
  label: StringKey;
  value: (r: DestinationRow) => number | string | null;
  text: (r: DestinationRow, f: Translator) => string;
}

const COLUMNS: Column[] = [
  { key: 'recoveries', label: 'planner.recoveries', value: (r) => r.recoveries, text: (r, f) => f.number(r.recoveries) },
  {
    key: 'change',
    label: 'planner.change',
    value: (r) => (r.previous === null ? null : r.recoveries - r.previous),
    text: (r, f) => (r.previous === null ? '–' : `${r.recoveries >= r.previous ? '+' : ''}${f.number(r.recoveries - r.previous)}`),
  },
  {
    key: 'medianKm',
    label: 'planner.medianKm',
    value: (r) => r.medianKm,
    text: (r, f) => (r.medianKm === null ? '–' : f.number(r.medianKm)),
  },
  {
    key: 'medianDays',
    label: 'planner.medianDays',
    value: (r) => r.medianDays,
    text: (r, f) => (r.medianDays === null ? '–' : f.number(r.medianDays)),
  },
  {
    key: 'accusedShare',
    label: 'planner.accused',
    value: (r) => r.accusedShare,
    text: (r, f) => (r.accusedShare === null ? '–' : f.percent(r.accusedShare)),
  },
];

const placeName = (r: DestinationRow, level: 'state' | 'place', f: Translator) =>
  level === 'state' ? stateName(r.state, f) : `${r.name}, ${stateName(r.state, f)}`;
const feeders = (r: DestinationRow, f: Translator) =>
  r.topOrigins.map((id) => (DISTRICT_BY_ID.has(id) ? f.name(DISTRICT_BY_ID.get(id)!) : id)).join(', ');

/** Destinations in other states ranked by recoveries; sortable; a click filters every view to the state. */
export function DestinationRanking({ filter }: { filter: Filter }) {
  const f = useT();
  const { t } = f;
  const [level, setLevel] = useState<'state' | 'place'>('state');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'recoveries', descending: true });
  const result = useQuery(plannerDestinationsQuery(level), filter);
  const value = (r: DestinationRow) => (sort.key === 'name' ? placeName(r, level, f) : COLUMNS.find((c) => c.key === sort.key)!.value(r));
  const rows = [...(result.data ?? [])].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return (sort.descending ? -order : order) || a.key.localeCompare(b.key);
  });
  const header = [t('planner.destination'), ...COLUMNS.map((c) => t(c.label)), t('planner.feeders')];
  const exportCsv = () =>
    downloadCsv(
      `muskaan-destinations-${level}.csv`,
      toCsv(
        header,
        rows.map((r) => [placeName(r, level, f), ...COLUMNS.map((c) => c.text(r, f)), feeders(r, f)]),
      ),
    );
  const sortBy = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  return (
    <>
      <div className="section-head">
        <div className="toggles" role="group">
          {(['state', 'place'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="action"
              aria-pressed={level === l}
              onClick={() => setLevel(l)}
              data-testid={`ranking-${l}`}
            >
              {t(`planner.level.${l}`)}
            </button>
          ))}
        </div>
        <button type="button" className="action" onClick={exportCsv} data-testid="export-destinations">
          {t('planner.export')}
        </button>
      </div>
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
      <table className="leaderboard" data-testid="destination-ranking">
        <thead>
          <tr>
            <th>
              <button type="button" onClick={() => sortBy('name')}>
                {t('planner.destination')}
              </button>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} className="num" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => sortBy(c.key)}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>{t('planner.feeders')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 40).map((r) => (
            <tr
              key={r.key}
              tabIndex={0}
              onClick={() => updateFilter({ states: [r.state] })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') updateFilter({ states: [r.state] });
              }}
            >
              <td>{placeName(r, level, f)}</td>
              {COLUMNS.map((c) => (
                <td key={c.key} className="num">
                  {c.text(r, f)}
                </td>
              ))}
              <td>{feeders(r, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
