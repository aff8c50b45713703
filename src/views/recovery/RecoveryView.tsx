import { useQuery } from '../../data/use-query';
import { updateSettings, useLocation } from '../../filters/location-store';
import { SURVIVAL_GROUPS, type SurvivalGroup } from '../../filters/url';
import { useT } from '../../i18n';
import { recoveryDaysQuery } from '../../queries/survival';
import { DeferredSection } from '../shared/DeferredSection';
import { OutcomeFilterNotice } from '../shared/OutcomeFilterNotice';
import { DaysHistogram } from './DaysHistogram';
import { MonthlyTrend } from './MonthlyTrend';
import { RecoveryPlaces } from './RecoveryPlaces';
import { SurvivalChart } from './SurvivalChart';
import { SmallGroupsNote, SurvivalTable, SURVIVAL_MAX_DAYS } from './SurvivalTable';
import { AT_RISK_DAYS } from './survival-groups';
import { useMonthlyTrend, useRecoveryPlaces, useSurvivalGroups } from './use-recovery';

export function RecoveryView() {
  const { filter, settings } = useLocation();
  const { t } = useT();
  const { survival, groups, hiddenGroups, label } = useSurvivalGroups();
  const { places, incidence } = useRecoveryPlaces();
  const histogram = useQuery(recoveryDaysQuery, filter);
  const timeline = useMonthlyTrend();
  const error = [survival, histogram, timeline, places].find((r) => r.status === 'error');

  return (
    <div className="recovery">
      <DeferredSection>
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
          {hiddenGroups > 0 && <SmallGroupsNote hidden={hiddenGroups} />}
          {groups.length > 0 && (
            <>
              <SurvivalChart groups={groups} label={label} maxDays={SURVIVAL_MAX_DAYS} />
              <SurvivalTable groups={groups} label={label} group={settings.group} atRiskDays={AT_RISK_DAYS} />
              <p className="note">{t('recovery.atRiskNote')}</p>
            </>
          )}
        </section>
      </DeferredSection>
      <DeferredSection>
        <section>
          <h2>{t('recovery.placesHeading')}</h2>
          <p className="note">{t('recovery.placesNote')}</p>
          {places.status === 'ready' && !incidence && <p className="empty">{t('status.empty')}</p>}
          {incidence && <RecoveryPlaces ci={incidence} maxDays={SURVIVAL_MAX_DAYS} />}
        </section>
      </DeferredSection>
      <DeferredSection>
        <section>
          <h2>{t('recovery.histogramHeading')}</h2>
          {histogram.data && <DaysHistogram bins={histogram.data} />}
        </section>
      </DeferredSection>
      <DeferredSection>
        <section>
          <h2>{t('recovery.heading')}</h2>
          {timeline.status === 'ready' && timeline.data.length === 0 && <p className="empty">{t('status.empty')}</p>}
          {timeline.data && timeline.data.length > 0 && <MonthlyTrend months={timeline.data} />}
        </section>
      </DeferredSection>
    </div>
  );
}
