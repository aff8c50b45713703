import { useEffect, useSyncExternalStore } from 'react';
import { pendingAllWork, subscribeWork } from './data/readiness';
import { openSnapshot, useSession } from './data/session';
import { useLocation } from './filters/location-store';
import { useT } from './i18n';
import { BriefingView } from './views/briefing/BriefingView';
import { CorridorsView } from './views/corridors/CorridorsView';
import { DataView } from './views/data/DataView';
import { DistrictsView } from './views/districts/DistrictsView';
import { PlannerView } from './views/planner/PlannerView';
import { RecoveryView } from './views/recovery/RecoveryView';
import { SummaryView } from './views/summary/SummaryView';
import { FilterBar } from './views/shell/FilterBar';
import { Header } from './views/shell/Header';
import { Kpis } from './views/shell/Kpis';
import { LoadingPanel } from './views/shell/LoadingPanel';
import { ViewBoundary } from './views/shell/ViewBoundary';

const VIEW_COMPONENTS = {
  corridors: CorridorsView,
  districts: DistrictsView,
  recovery: RecoveryView,
  planner: PlannerView,
  summary: SummaryView,
  briefing: BriefingView,
  data: DataView,
};

/** Views that stand apart from the filter bar and headline figures: the briefing keeps its slides' own filters. */
const UNFILTERED = new Set(['briefing']);

/**
 * `#root[data-status]`: loading until the snapshot is in and every view shows its query, the sections off screen
 * included. A component of its own, rendering nothing: the pending count changes several times a filter change, and
 * only this re-renders.
 */
function ReadinessAttribute(): null {
  const session = useSession();
  const pending = useSyncExternalStore(subscribeWork, pendingAllWork);
  const status = session.status === 'error' ? 'error' : session.status === 'ready' && pending === 0 ? 'ready' : 'loading';
  useEffect(() => {
    const write = () => {
      document.getElementById('root')!.dataset.status = status;
      // The first `ready` of the page, for the benchmark's time from engine start to ready.
      if (status === 'ready' && performance.getEntriesByName('muskaan:ready').length === 0) performance.mark('muskaan:ready');
    };
    if (status !== 'ready') return write();
    // The views shown with a snapshot that has just loaded start their queries and maps in effects of this same
    // render, after this one: `ready` is written only if it still holds once they have.
    let current = true;
    queueMicrotask(() => {
      if (current && pendingAllWork() === 0) write();
    });
    return () => {
      current = false;
    };
  }, [status]);
  return null;
}

export function App() {
  const { view, snapshot, lang, slide } = useLocation();
  const session = useSession();
  const { t } = useT();

  useEffect(() => {
    void openSnapshot(snapshot);
  }, [snapshot]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const View = VIEW_COMPONENTS[view];
  // Presenting, the slide is the whole screen.
  if (view === 'briefing' && slide && session.status === 'ready') {
    return (
      <ViewBoundary key="presenter">
        <ReadinessAttribute />
        <View />
      </ViewBoundary>
    );
  }
  return (
    <div className="app">
      <ReadinessAttribute />
      <Header />
      {session.status === 'ready' ? (
        <>
          {!UNFILTERED.has(view) && <FilterBar />}
          {!UNFILTERED.has(view) && <Kpis />}
          <main className="view" data-view={view}>
            <ViewBoundary key={view}>
              <View />
            </ViewBoundary>
          </main>
        </>
      ) : (
        <LoadingPanel />
      )}
    </div>
  );
}
