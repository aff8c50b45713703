import { memo } from 'react';
import { useQuery } from '../../data/use-query';
import type { Filter } from '../../filters/filter';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { useT } from '../../i18n';
import { PENDING_AGES, pendingAgeingQuery, type PendingAgeRow } from '../../queries/planner';

/** Per district: children still missing 0–30, 31–120 and over 120 days, by age band; most past 120 days first. */
export function pendingByDistrict(rows: readonly PendingAgeRow[]) {
  const districts = new Map<string, { district: string; ages: Record<string, number>; bands: Map<string, Record<string, number>> }>();
  for (const r of rows) {
    let d = districts.get(r.district);
    if (!d) districts.set(r.district, (d = { district: r.district, ages: { '0-30': 0, '31-120': 0, '>120': 0 }, bands: new Map() }));
    d.ages[r.age] += r.count;
    const band = d.bands.get(r.band) ?? { '0-30': 0, '31-120': 0, '>120': 0 };
    band[r.age] += r.count;
    d.bands.set(r.band, band);
  }
  return [...districts.values()].sort((a, b) => b.ages['>120'] - a.ages['>120'] || a.district.localeCompare(b.district));
}

const NO_ROWS: PendingAgeRow[] = [];

export function PendingAgeing({ filter }: { filter: Filter }) {
  const result = useQuery(pendingAgeingQuery, filter);
  return <PendingTable rows={result.data ?? NO_ROWS} />;
}

/** Memoized: not redrawn while a filter change is fetched. */
const PendingTable = memo(function PendingTable({ rows }: { rows: readonly PendingAgeRow[] }) {
  const f = useT();
  const { t, number } = f;
  const districts = pendingByDistrict(rows);
  return (
    <table className="survival-table" data-testid="pending-ageing">
      <thead>
        <tr>
          <th>{t('districts.district')}</th>
          <th>{t('planner.band')}</th>
          {PENDING_AGES.map((a) => (
            <th key={a} className="num">
              {t(`planner.ages.${a}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {districts.slice(0, 15).flatMap((d) =>
          [...d.bands]
            .sort((a, b) => a[0].localeCompare(b[0]))
            .map(([band, ages], i) => (
              <tr key={`${d.district}-${band}`} data-district={d.district}>
                <td>{i === 0 ? (DISTRICT_BY_ID.has(d.district) ? f.name(DISTRICT_BY_ID.get(d.district)!) : d.district) : ''}</td>
                <td>{band === '?' ? t('sex.U') : band}</td>
                {PENDING_AGES.map((a) => (
                  <td key={a} className="num">
                    {number(ages[a])}
                  </td>
                ))}
              </tr>
            )),
        )}
      </tbody>
    </table>
  );
});
