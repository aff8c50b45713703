import { useCallback, useMemo, useState } from 'react';
import { useShownWith } from '../../data/use-query';
import { toggle } from '../../filters/filter';
import { navigate, updateFilter, updateSettings, useLocation } from '../../filters/location-store';
import {
  ARC_COUNTS,
  CORRIDOR_COLORINGS,
  CORRIDOR_LEVELS,
  type ArcCount,
  type CorridorColoring,
  type CorridorFlows,
  type CorridorLevel,
} from '../../filters/url';
import { useT, type Translator } from '../../i18n';
import type { CorridorFocus } from '../../queries/corridor-detail';
import type { Corridor, CorridorTotals } from '../../queries/corridors';
import { EmergingPanel, type EmergingPick } from '../emerging/EmergingPanel';
import { DeferredSection } from '../shared/DeferredSection';
import type { CorridorHighlight, Picked } from './corridor-layers';
import { CorridorLegend } from './CorridorLegend';
import { CorridorMap } from './CorridorMap';
import { CorridorPanel } from './CorridorPanel';
import { destinationName, stateName } from './names';
import { TimelineBrush } from './TimelineBrush';
import { TopCorridors } from './TopCorridors';
import { useCorridorMap } from './use-corridors';

const sum = (corridors: readonly Corridor[]) => corridors.reduce((n, c) => n + c.count, 0);

/** Every recovered child the map leaves out, by reason; reasons with no child are not named. */
function notDrawnReasons(
  totals: CorridorTotals,
  level: CorridorLevel,
  flows: CorridorFlows,
  corridors: readonly Corridor[],
  arcs: ArcCount,
  f: Translator,
): string[] {
  const reasons: [key: 'home' | 'unlocated' | 'withinMp' | 'capped', n: number][] = [
    ['home', totals.withinHomeDistrict],
    ['unlocated', totals.unlocated],
    ['withinMp', level === 'state' || flows === 'interstate' ? totals.elsewhereInMp : 0],
    ['capped', sum(corridors.slice(arcs))],
  ];
  return reasons
    .filter(([, n]) => n > 0)
    .map(([key, n]) => f.t(`corridors.notDrawnReason.${key}`, { n: f.count(n), shown: f.number(arcs) }));
}

interface Focused {
  focus: CorridorFocus;
  title: string;
  state?: string;
}

export function CorridorsView() {
  const { filter, settings } = useLocation();
  const f = useT();
  const { t, number, name } = f;
  const { level, color, flows, arcs } = settings;
  const { corridors, totals, origins } = useCorridorMap();
  const [focused, setFocused] = useState<Focused>();
  const [highlight, setHighlight] = useState<CorridorHighlight>();
  const data = useMemo(() => corridors.data ?? [], [corridors.data]);
  const originCounts = useMemo(() => origins.data ?? [], [origins.data]);
  const notDrawn = totals.data ? notDrawnReasons(totals.data, level, flows, data, arcs, f) : [];
  const drawn = data.slice(0, arcs);
  const selectedDistricts = useShownWith(filter.districts, corridors);

  // An alert is shown on the map, drawn out, with every view filtered to its origin and destination state.
  const showEmerging = useCallback(
    ({ corridor, level: alertLevel }: EmergingPick) => {
      setFocused(undefined);
      setHighlight({ origin: corridor.origin, target: corridor.target });
      navigate({
        filter: { ...filter, districts: [corridor.origin], states: [corridor.state] },
        settings: { ...settings, level: alertLevel },
      });
    },
    [filter, settings],
  );

  const pick = useCallback(
    (picked: Picked) => {
      setHighlight(undefined);
      if (picked.kind === 'corridor') {
        const c = picked.corridor;
        setFocused({
          focus: { kind: 'corridor', origin: c.origin, target: c.target, level },
          title: t('corridors.tooltip', {
            origin: name({ name: c.originName, nameHi: c.originNameHi }),
            place: destinationName(c, level, f),
          }),
          state: c.state,
        });
      } else if (picked.kind === 'origin') {
        setFocused({ focus: { kind: 'origin', origin: picked.district.id }, title: name(picked.district) });
        updateFilter((current) => ({ districts: toggle(current.districts, picked.district.id) }));
      } else {
        const d = picked.destination;
        setFocused({ focus: { kind: 'destination', target: d.target, level }, title: destinationName(d, level, f), state: d.state });
      }
    },
    [level, f, t, name],
  );

  const selectCorridor = useCallback((corridor: Corridor) => pick({ kind: 'corridor', corridor }), [pick]);

  const filterAction =
    focused && focused.focus.kind !== 'origin' && focused.state
      ? {
          label: t('corridors.filterTo', { name: stateName(focused.state, f) }),
          apply: () =>
            updateFilter(
              focused.focus.kind === 'corridor'
                ? { districts: [focused.focus.origin], states: [focused.state!] }
                : { states: [focused.state!] },
            ),
        }
      : undefined;

  return (
    <div className="corridors">
      <section className="map-panel">
        <div className="section-head">
          <h2>{t('corridors.heading')}</h2>
          <label className="field inline">
            <input
              type="checkbox"
              checked={flows === 'all'}
              data-testid="corridor-flows"
              onChange={(e) => updateSettings({ flows: e.target.checked ? 'all' : 'interstate' })}
            />
            <span>{t('corridors.flows')}</span>
          </label>
          <label className="field inline">
            <span>{t('corridors.level')}</span>
            <select
              value={level}
              data-testid="corridor-level"
              onChange={(e) => {
                setFocused(undefined);
                updateSettings({ level: e.target.value as CorridorLevel });
              }}
            >
              {CORRIDOR_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`corridors.levels.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>{t('corridors.arcs')}</span>
            <select value={arcs} data-testid="corridor-arcs" onChange={(e) => updateSettings({ arcs: Number(e.target.value) as ArcCount })}>
              {ARC_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {number(n)}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>{t('corridors.colorBy')}</span>
            <select
              value={color}
              data-testid="corridor-color"
              onChange={(e) => updateSettings({ color: e.target.value as CorridorColoring })}
            >
              {CORRIDOR_COLORINGS.map((c) => (
                <option key={c} value={c}>
                  {t(`corridors.colorings.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <CorridorLegend coloring={color} />
        <CorridorMap
          corridors={data}
          arcs={arcs}
          highlight={highlight}
          origins={originCounts}
          level={level}
          coloring={color}
          selectedDistricts={selectedDistricts}
          onPick={pick}
        />
        {/* Below the map: off screen on a desk screen, it follows a change once the map has drawn it. */}
        <DeferredSection>
          <TimelineBrush />
        </DeferredSection>
        {corridors.status === 'ready' && data.length === 0 && <p className="empty">{t('status.empty')}</p>}
        {data.length > 0 && (
          <p className="note" data-testid="arcs-drawn">
            {t('corridors.drawn', {
              shown: number(drawn.length),
              total: number(data.length),
              carried: f.count(sum(drawn)),
              all: f.count(sum(data)),
              share: f.share(sum(drawn), sum(data)),
            })}
          </p>
        )}
        {corridors.status === 'error' && <p className="error">{t('status.queryError', { message: corridors.error })}</p>}
        {notDrawn.length > 0 && (
          <p className="note" data-testid="not-drawn">
            {t('corridors.notDrawn', { reasons: notDrawn.join('; ') })}
          </p>
        )}
        <p className="attribution">{t('corridors.attribution')}</p>
      </section>
      <div className="side">
        {focused ? (
          <CorridorPanel focus={focused.focus} title={focused.title} onClose={() => setFocused(undefined)} filterAction={filterAction} />
        ) : (
          <>
            <EmergingPanel level={level === 'state' ? 'state' : 'place'} flows={flows} onPick={showEmerging} />
            <TopCorridors corridors={data} level={level} coloring={color} onSelect={selectCorridor} />
          </>
        )}
      </div>
    </div>
  );
}
