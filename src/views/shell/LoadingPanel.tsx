import { openSnapshot, useSession } from '../../data/session';
import { useT } from '../../i18n';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Start-up progress, or the reason start-up failed. */
export function LoadingPanel() {
  const session = useSession();
  const { t } = useT();
  if (session.status === 'error') {
    return (
      <div className="status-panel error" role="alert" data-testid="load-error">
        <h2>{t('status.error')}</h2>
        <p>{session.message}</p>
        <button type="button" className="action" onClick={() => void openSnapshot(session.snapshot)} data-testid="load-retry">
          {t('status.retry')}
        </button>
      </div>
    );
  }
  const progress = session.status === 'loading' ? session.progress : undefined;
  const message = !progress
    ? t('status.starting')
    : progress.phase === 'fetch'
      ? t('status.fetching', { size: megabytes(progress.bytes ?? 0) })
      : progress.phase === 'decode'
        ? t('status.decoding', { percent: Math.round((progress.fraction ?? 0) * 100) })
        : progress.phase === 'compress'
          ? t('status.compressing')
          : t('status.checking');
  return (
    <div className="status-panel" role="status" aria-live="polite">
      <p>{message}</p>
      <progress max={1} value={progress?.fraction} />
    </div>
  );
}
