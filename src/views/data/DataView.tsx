import { useSession } from '../../data/session';
import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { formatLocation } from '../../filters/url';
import { useT } from '../../i18n';
import { overviewQuery } from '../../queries/overview';
import { ImportPanel } from './ImportPanel';

export function DataView() {
  const session = useSession();
  const location = useLocation();
  const { t, number, date } = useT();
  const overview = useQuery(overviewQuery, location.filter);
  if (session.status !== 'ready') return null;
  const { manifest, index } = session;
  const o = overview.data;
  const facts: [string, string][] = [
    [t('data.name'), manifest.name],
    [t('data.asOf'), date(manifest.asOf)],
    [t('data.created'), manifest.createdAt],
    [t('data.rows'), number(session.rows)],
    [t('data.input'), number(manifest.rows.input)],
    [t('data.accepted'), number(manifest.rows.accepted)],
    [t('data.rejected'), number(manifest.rows.rejected)],
    [t('data.range'), `${date(manifest.dateRange.firstMissing)} – ${date(manifest.dateRange.lastMissing)}`],
    [t('data.synthetic'), manifest.synthetic ? t('data.yes') : t('data.no')],
    [t('data.source'), manifest.sources.map((s) => `${s.file} (${number(s.bytes)} B, sha256 ${s.sha256.slice(0, 12)}…)`).join('; ')],
    [t('data.gazetteer'), manifest.gazetteer],
  ];
  return (
    <section className="data-view">
      <h2>{t('data.heading')}</h2>
      <dl className="facts" data-testid="manifest">
        {facts.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      {o && (
        <>
          <h3>{t('data.counts')}</h3>
          <dl className="facts">
            <div><dt>{t('kpi.reported')}</dt><dd>{number(o.reported)}</dd></div>
            <div><dt>{t('kpi.recovered')}</dt><dd>{number(o.recovered)}</dd></div>
            <div><dt>{t('kpi.stillMissing')}</dt><dd>{number(o.stillMissing)}</dd></div>
            <div><dt>{t('data.unlocated')}</dt><dd>{number(o.unlocated)}</dd></div>
            <div><dt>{t('data.range')}</dt><dd>{o.firstMissing ?? '–'} – {o.lastMissing ?? '–'}</dd></div>
          </dl>
        </>
      )}
      <ImportPanel />
      <h3>{t('data.available')}</h3>
      <ul className="snapshots">
        {index.snapshots.map((s) => (
          <li key={s.name}>
            <a href={formatLocation({ ...location, snapshot: s.name })}>{s.name}</a>
            {' '}· {date(s.asOf)} · {number(s.rows)} {s.synthetic ? `· ${t('data.synthetic')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
