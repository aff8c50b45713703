import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { timelineQuery } from '../../queries/timeline';
import { MonthlyTrend } from './MonthlyTrend';

export function RecoveryView() {
  const { filter } = useLocation();
  const { t } = useT();
  const result = useQuery(timelineQuery, filter);
  return (
    <section className="recovery">
      <h2>{t('recovery.heading')}</h2>
      {result.status === 'error' && <p className="error">{t('status.queryError', { message: result.error })}</p>}
      {result.status === 'ready' && result.data.length === 0 && <p className="empty">{t('status.empty')}</p>}
      {result.data && result.data.length > 0 && <MonthlyTrend months={result.data} />}
    </section>
  );
}
