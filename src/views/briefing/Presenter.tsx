import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { slideLocation, type Briefing } from '../../briefing/briefing';
import { useSession } from '../../data/session';
import { exportBriefingPdf, exportSlidePng } from './slide-export';
import { navigate, SlideLocation, useLocation } from '../../filters/location-store';
import { ForceSuppression, useT } from '../../i18n';
import { SUPPRESSED } from '../../i18n/format';
import { SlidePanel } from './SlidePanel';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp']);

/**
 * `#/briefing/N`: slide N full screen in the projector theme. → PageDown space next, ← PageUp previous,
 * Home End, Esc back to the briefing's list. Small counts are always suppressed here.
 */
export function Presenter({ briefing }: { briefing: Briefing }) {
  const { slide: number = 1, lang } = useLocation();
  const session = useSession();
  const f = useT();
  const { t } = f;
  const total = briefing.slides.length;
  const index = Math.min(Math.max(number, 1), total) - 1;
  const slide = briefing.slides[index];
  const frame = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState<string>();
  const go = useCallback((n: number) => navigate({ view: 'briefing', slide: Math.min(Math.max(n, 1), total) }), [total]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('button, select, input, textarea')) return;
      if (NEXT.has(e.key)) go(index + 2);
      else if (PREVIOUS.has(e.key)) go(index);
      else if (e.key === 'Home') go(1);
      else if (e.key === 'End') go(total);
      else if (e.key === 'Escape') navigate({ view: 'briefing', slide: undefined });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, total]);

  useEffect(() => {
    frame.current?.focus();
  }, [index]);

  const run = async (label: string, work: () => Promise<void>) => {
    setExporting(label);
    try {
      await work();
    } finally {
      setExporting(undefined);
    }
  };

  const manifest = session.status === 'ready' ? session.manifest : undefined;
  // One location object per slide and language: views compare their inputs by identity.
  const location = useMemo(() => slideLocation(slide, lang), [slide, lang]);
  return (
    // The slide show is the page's main content when presenting: the shell and its <main> are not drawn.
    <main className="presenter projector" data-testid="presenter">
      <div className="presenter-tools" role="toolbar" aria-label={t('briefing.tools')}>
        <button type="button" onClick={() => go(index)} disabled={index === 0} data-testid="slide-previous">
          ← {t('briefing.previous')}
        </button>
        <button type="button" onClick={() => go(index + 2)} disabled={index === total - 1} data-testid="slide-next">
          {t('briefing.next')} →
        </button>
        <button
          type="button"
          onClick={() => navigate({ lang: lang === 'en' ? 'hi' : 'en' })}
          data-testid="slide-language"
          lang={lang === 'en' ? 'hi' : 'en'}
        >
          {t('app.language')}
        </button>
        {[2, 4].map((scale) => (
          <button
            key={scale}
            type="button"
            disabled={exporting !== undefined}
            data-testid={`export-png-${scale}`}
            onClick={() => void run(`png${scale}`, () => exportSlidePng(frame.current!, scale, `muskaan-slide-${index + 1}@${scale}x.png`))}
          >
            {t('briefing.png', { scale })}
          </button>
        ))}
        <button
          type="button"
          disabled={exporting !== undefined}
          data-testid="export-pdf"
          onClick={() =>
            void run('pdf', () => exportBriefingPdf(total, index + 1, go, () => frame.current!, `muskaan-briefing-${lang}.pdf`))
          }
        >
          {t('briefing.pdf')}
        </button>
        <button type="button" onClick={() => navigate({ view: 'briefing', slide: undefined })} data-testid="slide-exit">
          {t('briefing.exit')}
        </button>
        {exporting && (
          <span className="note" role="status">
            {t('briefing.exporting')}
          </span>
        )}
      </div>
      <div
        className="slide"
        ref={frame}
        tabIndex={-1}
        data-testid="slide"
        data-slide={index + 1}
        data-panel={slide.panel}
        aria-roledescription={t('briefing.slide')}
        aria-label={slide.title[lang]}
      >
        <h1 className="slide-title">{slide.title[lang]}</h1>
        <div className="slide-body">
          <SlideLocation.Provider value={location}>
            <ForceSuppression.Provider value={true}>
              <SlidePanel panel={slide.panel} />
            </ForceSuppression.Provider>
          </SlideLocation.Provider>
        </div>
        {slide.note && <p className="slide-note">{slide.note}</p>}
        <footer className="slide-footer" data-testid="slide-footer">
          <span data-testid="slide-number">{t('briefing.number', { n: index + 1, total })}</span>
          {manifest && <span>{t('app.asOf', { date: f.date(manifest.asOf) })}</span>}
          {manifest?.synthetic && <span className="synthetic">{t('app.synthetic')}</span>}
          <span data-testid="suppression-on">{t('briefing.suppressionOn', { mark: SUPPRESSED })}</span>
        </footer>
      </div>
    </main>
  );
}
