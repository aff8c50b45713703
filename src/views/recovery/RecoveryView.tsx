import { useMemo } from 'react';
import { useQuery } from '../../data/use-query';
import { updateSettings, useLocation } from '../../filters/location-store';
import { SURVIVAL_GROUPS, type SurvivalGroup } from '../../filters/url';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { useT } from '../../i18n';
import { recoveryDaysQuery, recoveryPlaceCountsQuery, RECOVERY_PLACES, survivalCountsQuery } from '../../queries/survival';
import { timelineQuery } from '../../queries/timeline';
import { cumulativeIncidence } from '../../stats/cumulative-incidence';
import { atRiskAt } from '../../stats/kaplan-meier';
import { GROUP_COLORS } from '../../theme';
import { OutcomeFilterNotice } from '../shared/OutcomeFilterNotice';
import { DaysHistogram } from './DaysHistogram';
import { MonthlyTrend } from './MonthlyTrend';
import { RecoveryPlaces } from './RecoveryPlaces';
import { SurvivalChart } from './SurvivalChart';
import { AT_RISK_DAYS, buildSurvivalGroups } from './survival-groups';

const MAX_DAYS = 730;

export function RecoveryView() {
  const { filter, settings } = useLocation();
  const { t, number, name } = useT();
  const survival = useQuery(survivalCountsQuery(settings.group), filter);
  const histogram = useQuery(recoveryDaysQuery, filter);
  const timeline = useQuery(timelineQuery, filter);
  const places = useQuery(recoveryPlaceCountsQuery, filter);
  const incidence = useMemo(
    () => (places.data && places.data.length ? cumulativeIncidence(places.data, RECOVERY_PLACES.length) : undefined),
    [places.data],
  );
  const groups = useMemo(
    () => buildSurvivalGroups(survival.data ?? [], settings.group, filter.districts),
    [survival.data, settings.group, filter.districts],
  );
  const label = (key: string): string => {
    switch (settings.group) {
      case 'none':
        return t('recovery.allCases');
      case 'sex':
        return t(`sex.${key as 'F' | 'M' | 'T' | 'U'}`);
      case 'age':
        return t('recovery.ageBand', { band: key });
      case 'district':
        return DISTRICT_BY_ID.has(key) ? name(DISTRICT_BY_ID.get(key)!) : key;
    }
  };
  const error = [survival, histogram, timeline, places].find((r) => r.status === 'error');

  return (
    <div className="recovery">
      <section>
        <div className="section-head">
          <h2>{t('recovery.survivalHeading')}</h2>
          <label className="field inline">
            <span>{t('recovery.groupBy')}</span>
            <select
              value={settings.group}
              data-testid="survival-group"
              onChange={(e) => updateSettings({ group: e.target.value as SurvivalGroup })}
            >
              {SURVIVAL_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`recovery.group.${g}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="note">{t('recovery.censoringNote')}</p>
        <OutcomeFilterNotice filter={filter} />
        {error?.status === 'error' && <p className="error">{t('status.queryError', { message: error.error })}</p>}
        {survival.status === 'ready' && groups.length === 0 && <p className="empty">{t('status.empty')}</p>}
        {groups.length > 0 && (
          <>
            <SurvivalChart groups={groups} label={label} maxDays={MAX_DAYS} />
            <table className="survival-table" data-testid="survival-table">
              <thead>
                <tr>
                  <th>{t(`recovery.group.${settings.group}`)}</th>
                  <th className="num">{t('recovery.cases')}</th>
                  <th className="num">{t('kpi.recovered')}</th>
                  <th className="num">{t('recovery.median')}</th>
                  <th className="num">{t('recovery.interval')}</th>
                  {AT_RISK_DAYS.map((d) => (
                    <th key={d} className="num">
                      {t('recovery.atRiskAt', { n: d })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g, i) => (
                  <tr key={g.key} data-group={g.key}>
                    <td>
                      <i className="swatch" style={{ background: GROUP_COLORS[i] }} />
                      {label(g.key)}
                    </td>
                    <td className="num">{number(g.curve.n)}</td>
                    <td className="num">{number(g.curve.events)}</td>
                    <td className="num median">{g.curve.median === null ? t('recovery.notReached') : number(g.curve.median)}</td>
                    <td className="num">
                      {g.curve.medianLower === null ? '–' : number(g.curve.medianLower)}
                      {' – '}
                      {g.curve.medianUpper === null ? t('recovery.notReached') : number(g.curve.medianUpper)}
                    </td>
                    {AT_RISK_DAYS.map((d) => (
                      <td key={d} className="num">
                        {g.curve.lastTime !== null && d <= g.curve.lastTime ? number(atRiskAt(g.curve, d)) : '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="note">{t('recovery.atRiskNote')}</p>
          </>
        )}
      </section>
      <section>
        <h2>{t('recovery.placesHeading')}</h2>
        <p className="note">{t('recovery.placesNote')}</p>
        {places.status === 'ready' && !incidence && <p className="empty">{t('status.empty')}</p>}
        {incidence && <RecoveryPlaces ci={incidence} maxDays={MAX_DAYS} />}
      </section>
      <section>
        <h2>{t('recovery.histogramHeading')}</h2>
        {histogram.data && <DaysHistogram bins={histogram.data} />}
      </section>
      <section>
        <h2>{t('recovery.heading')}</h2>
        {timeline.status === 'ready' && timeline.data.length === 0 && <p className="empty">{t('status.empty')}</p>}
        {timeline.data && timeline.data.length > 0 && <MonthlyTrend months={timeline.data} />}
      </section>
    </div>
  );
}
