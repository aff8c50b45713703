import { useEffect, useSyncExternalStore } from 'react';
import { pendingWork, subscribeWork } from './data/readiness';
import { openSnapshot, useSession } from './data/session';
import { useLocation } from './filters/location-store';
import { useT } from './i18n';
import { CorridorsView } from './views/corridors/CorridorsView';
import { DataView } from './views/data/DataView';
import { DistrictsView } from './views/districts/DistrictsView';
import { PlannerView } from './views/planner/PlannerView';
import { RecoveryView } from './views/recovery/RecoveryView';
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
  data: DataView,
};

/** `#root[data-status]`: loading until the snapshot is in and every view on screen shows its query. */
function useReadinessAttribute(): void {
  const session = useSession();
  const pending = useSyncExternalStore(subscribeWork, pendingWork);
  const status = session.status === 'error' ? 'error' : session.status === 'ready' && pending === 0 ? 'ready' : 'loading';
  useEffect(() => {
    document.getElementById('root')!.dataset.status = status;
  }, [status]);
}

export function App() {
  const { view, snapshot, lang } = useLocation();
  const session = useSession();
  const { t } = useT();
  useReadinessAttribute();

  useEffect(() => {
    void openSnapshot(snapshot);
  }, [snapshot]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <Header />
      {session.status === 'ready' ? (
        <>
          <FilterBar />
          <Kpis />
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
