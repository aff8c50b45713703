import { useMemo } from 'react';
import { useSession } from '../../data/session';
import { useQuery } from '../../data/use-query';
import { updateSettings, useLocation } from '../../filters/location-store';
import { RECENT_MONTHS, type CorridorFlows, type RecentMonths } from '../../filters/url';
import { useT, type Translator } from '../../i18n';
import {
  BASELINE_MONTHS,
  emergingCountsQuery,
  emergingKey,
  emergingWindows,
  type CorridorWindowCount,
  type EmergingLevel,
} from '../../queries/emerging';
import { emergingCorridors, MIN_NEW_COUNT, type Alert } from '../../stats/emerging';
import { isRateHidden } from '../../stats/suppression';
import { destinationName } from '../corridors/names';

/** An alert or a new corridor, as the panel hands it to whoever shows the corridor. */
export interface EmergingPick {
  corridor: CorridorWindowCount;
  level: EmergingLevel;
}

const qText = (q: number, f: Translator) => (q < 0.001 ? '< 0.001' : f.decimal(q, 3));

/** An alert's figures; its rates are hidden when a count they rest on is suppressed. */
function alertFigures(a: Alert<CorridorWindowCount>, months: number, f: Translator) {
  const hidden = f.suppressing && isRateHidden(a.recent, a.baseline);
  return {
    recent: f.count(a.recent),
    months: f.number(months),
    baseline: hidden ? '–' : f.decimal(a.baseline / BASELINE_MONTHS, 1),
    ratio: hidden ? '–' : f.decimal(a.rateRatio, 1),
    lower: hidden ? '–' : f.decimal(a.lower, 1),
    upper: hidden ? '–' : f.decimal(a.upper, 1),
    q: qText(a.qValue, f),
  };
}

/**
 * Corridors whose recoveries rose in the last months against their own previous twelve (exact test,
 * Benjamini–Hochberg at a 10% false-discovery rate), and corridors new in those months.
 */
export function EmergingPanel({
  level,
  flows,
  onPick,
  controls = true,
}: {
  level: EmergingLevel;
  flows: CorridorFlows;
  onPick: (pick: EmergingPick) => void;
  /** The recent-window choice (a slide shows the saved one). */
  controls?: boolean;
}) {
  const { filter, settings } = useLocation();
  const session = useSession();
  const f = useT();
  const { t, number } = f;
  const months = settings.recent;
  const counts = useQuery(emergingCountsQuery(emergingKey(level, flows, months)), filter);
  const result = useMemo(() => (counts.data ? emergingCorridors(counts.data, months, BASELINE_MONTHS) : undefined), [counts.data, months]);
  const windows = session.status === 'ready' ? emergingWindows(filter, session.context, months) : undefined;
  const route = (c: CorridorWindowCount) => `${f.name({ name: c.originName, nameHi: c.originNameHi })} → ${destinationName(c, level, f)}`;
  return (
    <section className="emerging" data-testid="emerging" aria-label={t('emerging.heading')}>
      <div className="section-head">
        <h2>{t('emerging.heading')}</h2>
        {controls && (
          <label className="field inline">
            <span>{t('emerging.months')}</span>
            <select
              value={months}
              data-testid="emerging-months"
              onChange={(e) => updateSettings({ recent: Number(e.target.value) as RecentMonths })}
            >
              {RECENT_MONTHS.map((m) => (
                <option key={m} value={m}>
                  {number(m)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {windows && result && (
        <p className="note">
          {t('emerging.method', {
            recentFrom: f.date(windows.recent.from),
            recentTo: f.date(windows.recent.to),
            baselineFrom: f.date(windows.baseline.from),
            baselineTo: f.date(windows.baseline.to),
            tested: number(result.tested),
          })}
        </p>
      )}
      {counts.status === 'error' && <p className="error">{t('status.queryError', { message: counts.error })}</p>}
      {result && result.alerts.length === 0 && (
        <p className="empty" data-testid="emerging-none">
          {t('emerging.none')}
        </p>
      )}
      {result && result.alerts.length > 0 && (
        <ol data-testid="emerging-alerts">
          {result.alerts.slice(0, 10).map((a) => (
            <li key={`${a.origin}>${a.target}`}>
              <button
                type="button"
                className="corridor-item"
                data-origin={a.origin}
                data-target={a.target}
                onClick={() => onPick({ corridor: a, level })}
              >
                <span className="route">{route(a)}</span>
                <span className="detail">{t('emerging.alert', alertFigures(a, months, f))}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {result && result.fresh.length > 0 && (
        <>
          <h3>{t('emerging.newHeading', { n: number(MIN_NEW_COUNT) })}</h3>
          <ol data-testid="emerging-new">
            {result.fresh.slice(0, 8).map((c) => (
              <li key={`${c.origin}>${c.target}`}>
                <button
                  type="button"
                  className="corridor-item"
                  data-origin={c.origin}
                  data-target={c.target}
                  onClick={() => onPick({ corridor: c, level })}
                >
                  <span className="route">{route(c)}</span>
                  <span className="detail">{t('emerging.new', { recent: f.count(c.recent), months: number(months) })}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
