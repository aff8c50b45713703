import { useMemo } from 'react';
import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { AHTU_DAYS } from '../../queries/districts';
import { overviewQuery } from '../../queries/overview';
import { survivalCountsQuery } from '../../queries/survival';
import { productLimit, recoveredWithin } from '../../stats/kaplan-meier';
import { isSmallCount } from '../../stats/suppression';
import { OutcomeFilterNotice } from '../shared/OutcomeFilterNotice';

/**
 * Headline figures for the current filter, shown above every view. "Recovered so far" is a raw share
 * that favours old cases; the Kaplan–Meier shares within 30 and 120 days are fair to recent ones.
 */
export function Kpis() {
  const { filter } = useLocation();
  const { t, count, share, percent, suppressing } = useT();
  const result = useQuery(overviewQuery, filter);
  const survival = useQuery(survivalCountsQuery('none'), filter);
  const curve = useMemo(() => (survival.data ? productLimit(survival.data) : undefined), [survival.data]);
  // A Kaplan–Meier share over fewer than five children is hidden with the counts.
  const within = (days: number) => {
    const value = curve && !(suppressing && isSmallCount(curve.n)) ? recoveredWithin(curve, days) : null;
    return value === null ? '–' : percent(value);
  };
  const o = result.data;
  const figures = o
    ? [
        { key: 'reported', label: t('kpi.reported'), value: count(o.reported) },
        { key: 'recovered', label: t('kpi.recovered'), value: count(o.recovered) },
        { key: 'rate', label: t('kpi.rate'), hint: t('kpi.rateHint'), value: share(o.recovered, o.reported) },
        { key: 'within30', label: t('kpi.within30'), hint: t('kpi.withinHint', { n: 30 }), value: within(30) },
        { key: 'within120', label: t('kpi.within120'), hint: t('kpi.withinHint', { n: AHTU_DAYS }), value: within(AHTU_DAYS) },
        { key: 'stillMissing', label: t('kpi.stillMissing'), value: count(o.stillMissing) },
        { key: 'interstate', label: t('kpi.interstate'), value: share(o.interstate, o.recovered) },
      ]
    : [];
  const error = [result, survival].find((r) => r.status === 'error');
  return (
    <section className="kpis" aria-label={t('kpi.label')} aria-busy={result.status === 'loading'}>
      {figures.map((f) => (
        <div className="kpi" key={f.key} data-testid={`kpi-${f.key}`} title={f.hint}>
          <span className="kpi-value">{f.value}</span>
          <span className="kpi-label">{f.label}</span>
        </div>
      ))}
      {error?.status === 'error' && <p className="error">{t('status.queryError', { message: error.error })}</p>}
      {suppressing && (
        <p className="notice" data-testid="suppression-notice">
          {t('filter.suppressing')}
        </p>
      )}
      {/* The Kaplan–Meier figures here and on the leaderboard leave the outcome filters out, and say so. */}
      <OutcomeFilterNotice filter={filter} message="survival.notAppliedColumns" />
    </section>
  );
}
