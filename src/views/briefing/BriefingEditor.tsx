import { useRef, useState } from 'react';
import { BriefingFileError, parseBriefing, SLIDE_PANELS, type Briefing, type SlidePanel } from '../../briefing/briefing';
import { saveBriefing } from '../../briefing/store';
import { downloadBlob } from '../../export/download';
import { navigate } from '../../filters/location-store';
import { useT } from '../../i18n';
import { changeSlides, moveSlide } from './use-briefing';

/** `#/briefing`: the slides in order, to retitle, annotate, reorder or delete; present, export or import. */
export function BriefingEditor({ briefing, saved }: { briefing: Briefing; saved: boolean }) {
  const { t, lang } = useT();
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string }>();
  const file = useRef<HTMLInputElement>(null);
  const update = (index: number, change: Partial<Briefing['slides'][number]>) =>
    changeSlides(briefing, (slides) => slides.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const read = parseBriefing(await chosen.text());
      saveBriefing(read);
      setMessage({ kind: 'done', text: t('briefing.imported', { n: read.slides.length }) });
    } catch (e) {
      const reason = e instanceof BriefingFileError ? e.message : String(e);
      setMessage({ kind: 'error', text: t('briefing.importError', { reason }) });
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <section className="briefing-editor">
      <div className="section-head">
        <h2>{t('briefing.heading', { title: briefing.title[lang] })}</h2>
        <button type="button" className="action" onClick={() => navigate({ view: 'briefing', slide: 1 })} data-testid="briefing-present">
          {t('briefing.present')}
        </button>
        <button
          type="button"
          className="action"
          onClick={() => downloadBlob('muskaan-briefing.json', new Blob([JSON.stringify(briefing, null, 2)], { type: 'application/json' }))}
          data-testid="briefing-export"
        >
          {t('briefing.exportJson')}
        </button>
        <label className="field inline file-button">
          <span>{t('briefing.importJson')}</span>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            data-testid="briefing-import"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
        {saved && (
          <button type="button" className="action" onClick={() => saveBriefing(null)} data-testid="briefing-reset">
            {t('briefing.reset')}
          </button>
        )}
      </div>
      <p className="note">{t('briefing.hint')}</p>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'note'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="briefing-message"
        >
          {message.text}
        </p>
      )}
      <ol className="slide-list" data-testid="slide-list">
        {briefing.slides.map((slide, i) => (
          <li key={slide.id} data-slide-id={slide.id}>
            <div className="slide-item-head">
              <strong>{i + 1}.</strong>
              <label className="field inline">
                <span>{t('briefing.panel')}</span>
                <select value={slide.panel} onChange={(e) => update(i, { panel: e.target.value as SlidePanel })}>
                  {SLIDE_PANELS.map((p) => (
                    <option key={p} value={p}>
                      {t(`briefing.panels.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
              <a href={slide.link}>{t('briefing.open')}</a>
              <button type="button" className="action" onClick={() => navigate({ view: 'briefing', slide: i + 1 })}>
                {t('briefing.presentFrom')}
              </button>
              <button
                type="button"
                className="action"
                onClick={() => moveSlide(briefing, i, -1)}
                disabled={i === 0}
                aria-label={t('briefing.up', { n: i + 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="action"
                onClick={() => moveSlide(briefing, i, 1)}
                disabled={i === briefing.slides.length - 1}
                aria-label={t('briefing.down', { n: i + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                className="action"
                onClick={() => changeSlides(briefing, (slides) => slides.filter((_, k) => k !== i))}
                disabled={briefing.slides.length === 1}
                data-testid={`slide-delete-${i + 1}`}
              >
                {t('briefing.delete')}
              </button>
            </div>
            <label className="field">
              <span>{t('briefing.titleEn')}</span>
              <input
                value={slide.title.en}
                maxLength={500}
                onChange={(e) => update(i, { title: { ...slide.title, en: e.target.value } })}
              />
            </label>
            <label className="field">
              <span>{t('briefing.titleHi')}</span>
              <input
                lang="hi"
                value={slide.title.hi}
                maxLength={500}
                onChange={(e) => update(i, { title: { ...slide.title, hi: e.target.value } })}
              />
            </label>
            <label className="field">
              <span>{t('briefing.note')}</span>
              <textarea value={slide.note ?? ''} maxLength={2000} onChange={(e) => update(i, { note: e.target.value || undefined })} />
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
