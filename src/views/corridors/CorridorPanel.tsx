import { useMemo } from 'react';
import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { corridorDetailQuery, focusKey, type CorridorFocus, type CorridorDetailRow } from '../../queries/corridor-detail';
import { survivalCountsQuery } from '../../queries/survival';
import { productLimit } from '../../stats/kaplan-meier';
import { Sparkline } from '../shared/Sparkline';

function Mix({ rows, label, total }: { rows: CorridorDetailRow[]; label: (key: string) => string; total: number }) {
  const { number, percent } = useT();
  return (
    <ul className="mix">
      {rows.map((r) => (
        <li key={r.key ?? ''}>
          <span>{label(r.key ?? '')}</span>
          <span className="bar">
            <i style={{ width: `${(100 * r.cases) / Math.max(1, total)}%` }} />
          </span>
          <span className="num">
            {number(r.cases)} ({percent(r.cases / Math.max(1, total))})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Details of the clicked corridor, origin or destination, under the current filters. */
export function CorridorPanel({
  focus,
  title,
  onClose,
  filterAction,
}: {
  focus: CorridorFocus;
  title: string;
  onClose: () => void;
  filterAction?: { label: string; apply: () => void };
}) {
  const { filter } = useLocation();
  const { t, number, percent } = useT();
  const result = useQuery(corridorDetailQuery(focusKey(focus)), filter);
  const originFilter = useMemo(
    () => ({ ...filter, districts: focus.kind === 'origin' ? [focus.origin] : filter.districts }),
    [filter, focus],
  );
  // An origin's children include those still missing: its median is Kaplan–Meier, never over the recovered alone.
  const survival = useQuery(survivalCountsQuery('none'), originFilter);
  const kmMedian = useMemo(() => (survival.data ? productLimit(survival.data).median : null), [survival.data]);
  const d = result.data;
  const median = focus.kind === 'origin' ? kmMedian : (d?.total.medianDays ?? null);
  return (
    <aside className="corridor-panel" data-testid="corridor-panel" aria-label={title}>
      <div className="section-head">
        <h2>{title}</h2>
        <button type="button" className="action" onClick={onClose} aria-label={t('corridors.close')}>
          ×
        </button>
      </div>
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
      {d && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('recovery.cases')}</dt>
              <dd data-testid="panel-cases">{number(d.total.cases)}</dd>
            </div>
            <div>
              <dt>{t('kpi.recovered')}</dt>
              <dd>{number(d.total.recovered)}</dd>
            </div>
            <div>
              <dt>{t(focus.kind === 'origin' ? 'corridors.medianDaysKm' : 'corridors.medianDaysRecovered')}</dt>
              <dd data-testid="panel-median">{median === null ? '–' : t('corridors.days', { n: number(median) })}</dd>
            </div>
            <div>
              <dt>{t('corridors.accusedArrested')}</dt>
              <dd>{d.total.arrestKnown ? percent(d.total.withAccusedArrested / d.total.arrestKnown) : '–'}</dd>
            </div>
          </dl>
          <h3>{t('corridors.monthly')}</h3>
          <Sparkline
            values={d.months.map((m) => m.cases)}
            width={300}
            height={48}
            label={d.months.map((m) => `${m.key}: ${m.cases}`).join(', ')}
          />
          {d.months.length > 0 && (
            <p className="note">
              {d.months[0].key} – {d.months[d.months.length - 1].key}
            </p>
          )}
          <h3>{t('filter.sex')}</h3>
          <Mix rows={d.sex} total={d.total.cases} label={(k) => t(`sex.${k as 'F' | 'M' | 'T' | 'U'}`)} />
          <h3>{t('filter.age')}</h3>
          <Mix rows={d.age} total={d.total.cases} label={(k) => (k === '?' ? t('sex.U') : k)} />
          {d.places.length > 0 && (
            <>
              <h3>{t('corridors.places')}</h3>
              <Mix rows={d.places} total={d.total.recovered} label={(k) => k} />
            </>
          )}
          {filterAction && (
            <button type="button" className="action wide" onClick={filterAction.apply} data-testid="panel-filter">
              {filterAction.label}
            </button>
          )}
        </>
      )}
    </aside>
  );
}
