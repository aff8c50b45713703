import { useSession } from '../../data/session';
import { navigate, updateSettings, useLocation } from '../../filters/location-store';
import { TEAM_COUNTS, TEAM_RADII, type TeamRadius } from '../../filters/url';
import { useT } from '../../i18n';
import { DateField } from '../shared/DateField';
import { DeferredSection } from '../shared/DeferredSection';
import { EmergingPanel, type EmergingPick } from '../emerging/EmergingPanel';
import { Backtest } from './Backtest';
import { DestinationRanking } from './DestinationRanking';
import { LikelyPlaces } from './LikelyPlaces';
import { OriginMatrix } from './OriginMatrix';
import { PendingAgeing } from './PendingAgeing';
import { TeamPlan } from './TeamPlan';
import { usePlanner } from './use-planner';

export function PlannerView() {
  const { filter, settings } = useLocation();
  const session = useSession();
  const f = useT();
  const { t, number } = f;
  const { state } = usePlanner(filter, settings);
  const planner = state.data;
  const synthetic = session.status === 'ready' && session.manifest.synthetic;
  const showEmerging = ({ corridor }: EmergingPick) =>
    navigate({ filter: { ...filter, districts: [corridor.origin], states: [corridor.state] } });
  return (
    <div className="planner">
      <div className="section-head">
        <h2>{t('planner.heading')}</h2>
        <label className="field inline">
          <span>{t('planner.teams')}</span>
          <input
            type="number"
            min={TEAM_COUNTS.min}
            max={TEAM_COUNTS.max}
            value={settings.teams}
            data-testid="planner-teams"
            onChange={(e) => {
              const teams = Number(e.target.value);
              if (Number.isInteger(teams) && teams >= TEAM_COUNTS.min && teams <= TEAM_COUNTS.max) updateSettings({ teams });
            }}
          />
        </label>
        <label className="field inline">
          <span>{t('planner.radius')}</span>
          <select
            value={settings.radius}
            data-testid="planner-radius"
            onChange={(e) => updateSettings({ radius: Number(e.target.value) as TeamRadius })}
          >
            {TEAM_RADII.map((r) => (
              <option key={r} value={r}>
                {number(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <input
            type="checkbox"
            checked={settings.basesInMp}
            data-testid="planner-bases-in-mp"
            onChange={(e) => updateSettings({ basesInMp: e.target.checked })}
          />
          <span>{t('planner.basesInMp')}</span>
        </label>
        <label className="field inline">
          <span>{t('planner.cutoff')}</span>
          <DateField
            value={planner?.backtest?.cutoff ?? settings.cutoff}
            testId="planner-cutoff"
            onChange={(cutoff) => updateSettings({ cutoff })}
          />
        </label>
      </div>
      {synthetic && (
        <p className="notice" data-testid="planner-synthetic">
          {t('planner.synthetic')}
        </p>
      )}
      {state.status === 'error' && <p className="error">{t('status.queryError', { message: state.error })}</p>}
      {planner && (
        <>
          <p className="note" data-testid="planner-what">
            {t('planner.what', { n: number(planner.pendingChildren) })}
          </p>
          <p className="note">
            {planner.selectionCutoffs.length
              ? t('planner.priors', {
                  cutoffs: planner.selectionCutoffs.join(', '),
                  cell: number(planner.priors.cell),
                  district: number(planner.priors.district),
                })
              : t('planner.priorsFallback', { cell: number(planner.priors.cell), district: number(planner.priors.district) })}
          </p>
          <DeferredSection>
            <section>
              <h2>{t('planner.likelyHeading')}</h2>
              <LikelyPlaces planner={planner} />
            </section>
          </DeferredSection>
          <DeferredSection>
            <section>
              <h2>{t('planner.teamsHeading')}</h2>
              <TeamPlan planner={planner} filter={filter} radius={settings.radius} />
            </section>
          </DeferredSection>
          <DeferredSection>
            <section>
              <h2>{t('planner.backtestHeading')}</h2>
              <Backtest planner={planner} teams={settings.teams} radius={settings.radius} />
            </section>
          </DeferredSection>
        </>
      )}
      <DeferredSection>
        <section>
          <h2>{t('planner.rankingHeading')}</h2>
          <DestinationRanking filter={filter} />
        </section>
      </DeferredSection>
      <DeferredSection>
        <section>
          <h2>{t('planner.matrixHeading')}</h2>
          <p className="note">{t('planner.matrixNote')}</p>
          <OriginMatrix filter={filter} />
        </section>
      </DeferredSection>
      <DeferredSection>
        <section>
          <h2>{t('planner.ageingHeading')}</h2>
          <p className="note">{t('planner.ageingNote')}</p>
          <PendingAgeing filter={filter} />
        </section>
      </DeferredSection>
      <DeferredSection>
        <EmergingPanel level="state" flows="interstate" onPick={showEmerging} />
      </DeferredSection>
    </div>
  );
}
