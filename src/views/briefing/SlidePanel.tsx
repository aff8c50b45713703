import { useEffect, useMemo, useState } from 'react';
import type { SlidePanel as Panel } from '../../briefing/briefing';
import { addDays, monthBounds } from '../../filters/dates';
import { SlideLocation, useLocation } from '../../filters/location-store';
import { pendingWork, subscribeWork } from '../../data/readiness';
import { useShownWith } from '../../data/use-query';
import { useT } from '../../i18n';
import { CHART_THEMES } from '../../theme';
import { CorridorLegend } from '../corridors/CorridorLegend';
import { CorridorMap } from '../corridors/CorridorMap';
import { TopCorridors } from '../corridors/TopCorridors';
import { useCorridorMap } from '../corridors/use-corridors';
import { DistrictsView } from '../districts/DistrictsView';
import { EmergingPanel } from '../emerging/EmergingPanel';
import { LikelyPlaces } from '../planner/LikelyPlaces';
import { usePlanner } from '../planner/use-planner';
import { MonthlyTrend } from '../recovery/MonthlyTrend';
import { RecoveryPlaces } from '../recovery/RecoveryPlaces';
import { SurvivalChart } from '../recovery/SurvivalChart';
import { SmallGroupsNote, SurvivalTable, SURVIVAL_MAX_DAYS } from '../recovery/SurvivalTable';
import { useMonthlyTrend, useRecoveryPlaces, useSurvivalGroups } from '../recovery/use-recovery';
import { Kpis } from '../shell/Kpis';
import { MonthlySummary } from '../summary/MonthlySummary';

const THEME = CHART_THEMES.projector;
const ignore = () => undefined;
/** A playback slide's time on each month, from when the month is drawn. */
export const PLAYBACK_STEP_MS = 2000;

function CorridorSlide() {
  const { filter, settings } = useLocation();
  const { corridors, origins } = useCorridorMap();
  const { t } = useT();
  const data = corridors.data ?? [];
  const selectedDistricts = useShownWith(filter.districts, corridors);
  return (
    <div className="slide-corridors">
      <div className="slide-map">
        <CorridorLegend coloring={settings.color} />
        <CorridorMap
          corridors={data}
          arcs={settings.arcs}
          origins={origins.data ?? []}
          level={settings.level}
          coloring={settings.color}
          selectedDistricts={selectedDistricts}
          onPick={ignore}
          presets={false}
        />
        {corridors.status === 'ready' && data.length === 0 && <p className="empty">{t('status.empty')}</p>}
      </div>
      <TopCorridors corridors={data} level={settings.level} coloring={settings.color} onSelect={ignore} shown={8} />
    </div>
  );
}

/**
 * The corridor map stepping month by month through the slide's date range, each month on screen for two seconds once
 * drawn: on a large snapshot or a slow projector PC a month's answer and redraw take a good part of that.
 */
function PlaybackSlide() {
  const location = useLocation();
  const { month: monthName } = useT();
  const months = useMemo(() => {
    const from = location.filter.from ?? location.filter.to;
    const to = location.filter.to;
    if (!from || !to) return [];
    const list: string[] = [];
    for (let m = monthBounds(from)[0]; m <= to; m = nextMonth(m)) list.push(m.slice(0, 7));
    return list;
  }, [location.filter.from, location.filter.to]);
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (months.length < 2) return undefined;
    // The step's queries and redraw have begun in its views' effects, which run before this one; the clock starts
    // when the last of them ends, and again after any work that follows.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = () => {
      clearTimeout(timer);
      timer = pendingWork() === 0 ? setTimeout(() => setStep((s) => (s + 1) % months.length), PLAYBACK_STEP_MS) : undefined;
    };
    wait();
    const stop = subscribeWork(wait);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [months.length, step]);
  const month = months[step % Math.max(1, months.length)];
  const stepLocation = useMemo(
    () => (month ? { ...location, filter: { ...location.filter, from: monthBounds(month)[0], to: monthBounds(month)[1] } } : location),
    [location, month],
  );
  return (
    <div className="slide-playback">
      {month && (
        <p className="playback-month" data-testid="playback-month" aria-live="polite">
          {monthName(month)}
        </p>
      )}
      <SlideLocation.Provider value={stepLocation}>
        <CorridorSlide />
      </SlideLocation.Provider>
    </div>
  );
}

/** The first day of the month after the one of `date`. */
function nextMonth(date: string): string {
  return addDays(monthBounds(date)[1], 1);
}

function SurvivalSlide() {
  const { groups, hiddenGroups, label, group } = useSurvivalGroups();
  return (
    <div className="slide-chart">
      {hiddenGroups > 0 && <SmallGroupsNote hidden={hiddenGroups} />}
      {groups.length > 0 && <SurvivalChart groups={groups} label={label} maxDays={SURVIVAL_MAX_DAYS} theme={THEME} />}
      {groups.length > 0 && <SurvivalTable groups={groups} label={label} group={group} atRiskDays={[]} />}
    </div>
  );
}

function PlacesSlide() {
  const { incidence } = useRecoveryPlaces();
  const { t } = useT();
  return (
    <div className="slide-chart">
      {incidence ? (
        <RecoveryPlaces ci={incidence} maxDays={SURVIVAL_MAX_DAYS} theme={THEME} table={false} />
      ) : (
        <p className="empty">{t('status.empty')}</p>
      )}
    </div>
  );
}

function TrendSlide() {
  const trend = useMonthlyTrend();
  return <div className="slide-chart">{trend.data && <MonthlyTrend months={trend.data} theme={THEME} />}</div>;
}

function LikelySlide() {
  const { filter, settings } = useLocation();
  const { state } = usePlanner(filter, settings);
  const { t } = useT();
  if (state.status === 'error') return <p className="error">{t('status.queryError', { message: state.error })}</p>;
  return state.data ? <LikelyPlaces planner={{ destinations: state.data.destinations, towns: state.data.towns.slice(0, 8) }} /> : null;
}

function EmergingSlide() {
  const { settings } = useLocation();
  return <EmergingPanel level={settings.level === 'state' ? 'state' : 'place'} flows={settings.flows} onPick={ignore} controls={false} />;
}

/** One panel of a saved view, drawn in the projector theme at the slide's size. */
export function SlidePanel({ panel }: { panel: Panel }) {
  switch (panel) {
    case 'headline':
      return <Kpis />;
    case 'summary':
      return <MonthlySummary compact />;
    case 'corridors':
      return <CorridorSlide />;
    case 'playback':
      return <PlaybackSlide />;
    case 'emerging':
      return <EmergingSlide />;
    case 'leaderboard':
      return <DistrictsView slide limit={10} />;
    case 'survival':
      return <SurvivalSlide />;
    case 'places':
      return <PlacesSlide />;
    case 'trend':
      return <TrendSlide />;
    case 'likely':
      return <LikelySlide />;
  }
}
