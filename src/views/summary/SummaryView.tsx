import { useSession } from '../../data/session';
import { monthBounds, shiftMonths } from '../../filters/dates';
import { updateSettings, useLocation } from '../../filters/location-store';
import { EDITIONS, type Edition } from '../../filters/url';
import { ForceSuppression, useT } from '../../i18n';
import { summaryMonth } from '../../queries/summary';
import { MonthlySummary } from './MonthlySummary';

/** Every month the snapshot covers, newest first. */
function monthsCovered(firstMissing: string, asOf: string): string[] {
  const months: string[] = [];
  for (let m = monthBounds(asOf)[0]; m >= monthBounds(firstMissing)[0]; m = shiftMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

/** `#/summary`: the monthly summary on the desk, printable; the public edition always suppresses small counts. */
export function SummaryView() {
  const { settings } = useLocation();
  const session = useSession();
  const f = useT();
  if (session.status !== 'ready') return null;
  const { asOf, dateRange } = session.manifest;
  const month = summaryMonth(settings.month, { asOf, firstMissing: dateRange.firstMissing });
  return (
    <div className="summary">
      <div className="section-head no-print">
        <label className="field inline">
          <span>{f.t('summary.month')}</span>
          <select value={month} data-testid="summary-month" onChange={(e) => updateSettings({ month: e.target.value })}>
            {monthsCovered(dateRange.firstMissing, asOf).map((m) => (
              <option key={m} value={m}>
                {f.month(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{f.t('summary.edition')}</span>
          <select
            value={settings.edition}
            data-testid="summary-edition-select"
            onChange={(e) => updateSettings({ edition: e.target.value as Edition })}
          >
            {EDITIONS.map((e) => (
              <option key={e} value={e}>
                {f.t(`summary.editions.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="action" onClick={() => window.print()} data-testid="summary-print">
          {f.t('summary.print')}
        </button>
      </div>
      <ForceSuppression.Provider value={settings.edition === 'public'}>
        <MonthlySummary />
      </ForceSuppression.Provider>
    </div>
  );
}
