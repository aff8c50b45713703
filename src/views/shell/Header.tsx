import { useState } from 'react';
import { useSession } from '../../data/session';
import { navigate, useLocation } from '../../filters/location-store';
import { formatLocation, VIEWS } from '../../filters/url';
import { useT } from '../../i18n';
import { changeSlides, slideOf, useBriefing } from '../briefing/use-briefing';

/** Views a slide can be made of. */
const SLIDE_VIEWS = new Set(['corridors', 'districts', 'recovery', 'planner', 'summary']);

export function Header() {
  const location = useLocation();
  const session = useSession();
  const { t, lang, date } = useT();
  const { briefing } = useBriefing();
  const [added, setAdded] = useState<number>();
  const manifest = session.status === 'ready' ? session.manifest : undefined;
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <nav className="tabs" aria-label="views">
        {VIEWS.map((view) => (
          <a
            key={view}
            href={formatLocation({ ...location, view, slide: undefined })}
            className={view === location.view ? 'tab active' : 'tab'}
            aria-current={view === location.view ? 'page' : undefined}
            data-testid={`nav-${view}`}
          >
            {t(`nav.${view}`)}
          </a>
        ))}
      </nav>
      <div className="header-side">
        {session.status === 'ready' && SLIDE_VIEWS.has(location.view) && (
          <button
            type="button"
            className="action"
            data-testid="add-to-briefing"
            onClick={() => {
              changeSlides(briefing, (slides) => [...slides, slideOf(location)]);
              setAdded(briefing.slides.length + 1);
            }}
          >
            {t('briefing.add')}
          </button>
        )}
        {added !== undefined && (
          <span className="note" role="status" data-testid="added-to-briefing">
            {t('briefing.added', { n: added })}
          </span>
        )}
        {manifest && <span className="as-of">{t('app.asOf', { date: date(manifest.asOf) })}</span>}
        {manifest?.synthetic && (
          <span className="synthetic-badge" data-testid="synthetic-badge">
            {t('app.synthetic')}
          </span>
        )}
        {session.status === 'ready' && session.importedFrom && (
          <span className="import-badge" data-testid="import-badge">
            {t('import.banner', { name: session.importedFrom })}
          </span>
        )}
        <button
          type="button"
          className="lang-switch"
          title={t('app.languageLabel')}
          lang={lang === 'en' ? 'hi' : 'en'}
          data-testid="lang-switch"
          onClick={() => navigate({ lang: lang === 'en' ? 'hi' : 'en' })}
        >
          {t('app.language')}
        </button>
      </div>
    </header>
  );
}
