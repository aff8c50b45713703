import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { overviewQuery } from '../../queries/overview';

/** Headline figures for the current filter, shown above every view. */
export function Kpis() {
  const { filter } = useLocation();
  const { t, number, percent } = useT();
  const result = useQuery(overviewQuery, filter);
  const o = result.data;
  const figures = o ? [
    { key: 'reported', label: t('kpi.reported'), value: number(o.reported) },
    { key: 'recovered', label: t('kpi.recovered'), value: number(o.recovered) },
    { key: 'rate', label: t('kpi.rate'), value: o.reported ? percent(o.recovered / o.reported) : '–' },
    { key: 'stillMissing', label: t('kpi.stillMissing'), value: number(o.stillMissing) },
    { key: 'interstate', label: t('kpi.interstate'), value: o.recovered ? percent(o.interstate / o.recovered) : '–' },
  ] : [];
  return (
    <section className="kpis" aria-busy={result.status === 'loading'}>
      {figures.map((f) => (
        <div className="kpi" key={f.key} data-testid={`kpi-${f.key}`}>
          <span className="kpi-value">{f.value}</span>
          <span className="kpi-label">{f.label}</span>
        </div>
      ))}
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
    </section>
  );
}
