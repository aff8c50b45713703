import { useCallback, useState } from 'react';
import { useQuery } from '../../data/use-query';
import { toggle } from '../../filters/filter';
import { updateFilter, updateSettings, useLocation } from '../../filters/location-store';
import { CORRIDOR_COLORINGS, CORRIDOR_LEVELS, type CorridorColoring, type CorridorLevel } from '../../filters/url';
import { useT, type Translator } from '../../i18n';
import type { CorridorFocus } from '../../queries/corridor-detail';
import { corridorsQuery, corridorTotalsQuery, type Corridor, type CorridorTotals } from '../../queries/corridors';
import { originCountsQuery } from '../../queries/districts';
import { CORRIDOR_COLORS, DAYS_COLOR_STOPS, rgbCss } from '../../theme';
import { corridorOriginColor, MAX_ARCS, type Picked } from './corridor-layers';
import { CorridorMap } from './CorridorMap';
import { CorridorPanel } from './CorridorPanel';
import { destinationName, stateName } from './names';
import { TimelineBrush } from './TimelineBrush';
import { TopCorridors } from './TopCorridors';

/** Every recovered child the map leaves out, by reason; reasons with no child are not named. */
function notDrawnReasons(totals: CorridorTotals, level: CorridorLevel, corridors: readonly Corridor[], f: Translator): string[] {
  const capped = corridors.slice(MAX_ARCS).reduce((sum, c) => sum + c.count, 0);
  const reasons: [key: 'home' | 'unlocated' | 'withinMp' | 'capped', n: number][] = [
    ['home', totals.withinHomeDistrict],
    ['unlocated', totals.unlocated],
    ['withinMp', level === 'state' ? totals.elsewhereInMp : 0],
    ['capped', capped],
  ];
  return reasons.filter(([, n]) => n > 0)
    .map(([key, n]) => f.t(`corridors.notDrawnReason.${key}`, { n: f.number(n), shown: f.number(MAX_ARCS) }));
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
  const { level, color } = settings;
  const corridors = useQuery(corridorsQuery(level), filter);
  const totals = useQuery(corridorTotalsQuery, filter);
  const origins = useQuery(originCountsQuery, filter);
  const [focused, setFocused] = useState<Focused>();
  const data = corridors.data ?? [];
  const notDrawn = totals.data ? notDrawnReasons(totals.data, level, data, f) : [];

  const pick = useCallback((picked: Picked) => {
    if (picked.kind === 'corridor') {
      const c = picked.corridor;
      setFocused({
        focus: { kind: 'corridor', origin: c.origin, target: c.target, level },
        title: t('corridors.tooltip', { origin: name({ name: c.originName, nameHi: c.originNameHi }), place: destinationName(c, level, f) }),
        state: c.state,
      });
    } else if (picked.kind === 'origin') {
      setFocused({ focus: { kind: 'origin', origin: picked.district.id }, title: name(picked.district) });
      updateFilter({ districts: toggle(filter.districts, picked.district.id) });
    } else {
      const d = picked.destination;
      setFocused({ focus: { kind: 'destination', target: d.target, level }, title: destinationName(d, level, f), state: d.state });
    }
  }, [level, filter.districts, f, t, name]);

  const filterAction = focused && focused.focus.kind !== 'origin' && focused.state ? {
    label: t('corridors.filterTo', { name: stateName(focused.state, f) }),
    apply: () => updateFilter(focused.focus.kind === 'corridor'
      ? { districts: [focused.focus.origin], states: [focused.state!] }
      : { states: [focused.state!] }),
  } : undefined;

  return (
    <div className="corridors">
      <section className="map-panel">
        <div className="section-head">
          <h2>{t('corridors.heading')}</h2>
          <label className="field inline">
            <span>{t('corridors.level')}</span>
            <select value={level} data-testid="corridor-level" onChange={(e) => {
              setFocused(undefined);
              updateSettings({ level: e.target.value as CorridorLevel });
            }}>
              {CORRIDOR_LEVELS.map((l) => <option key={l} value={l}>{t(`corridors.levels.${l}`)}</option>)}
            </select>
          </label>
          <label className="field inline">
            <span>{t('corridors.colorBy')}</span>
            <select value={color} data-testid="corridor-color"
              onChange={(e) => updateSettings({ color: e.target.value as CorridorColoring })}>
              {CORRIDOR_COLORINGS.map((c) => <option key={c} value={c}>{t(`corridors.colorings.${c}`)}</option>)}
            </select>
          </label>
        </div>
        <div className="legend" data-testid="legend">
          <span><i style={{ background: rgbCss(corridorOriginColor(color)) }} />{t('corridors.legendOrigin')}</span>
          {color === 'scope' ? (
            <>
              <span><i style={{ background: rgbCss(CORRIDOR_COLORS.withinMp) }} />{t('corridors.legendWithin')}</span>
              <span><i style={{ background: rgbCss(CORRIDOR_COLORS.interstate) }} />{t('corridors.legendInterstate')}</span>
            </>
          ) : (
            <span className="gradient">
              {t('corridors.legendDays')}
              {DAYS_COLOR_STOPS.map((s) => (
                <span key={s.days} className="stop"><i style={{ background: rgbCss(s.color) }} />{s.days}</span>
              ))}
            </span>
          )}
        </div>
        <CorridorMap corridors={data} origins={origins.data ?? []} level={level} coloring={color}
          selectedDistricts={filter.districts} onPick={pick} />
        <TimelineBrush />
        {corridors.status === 'ready' && data.length === 0 && <p className="empty">{t('status.empty')}</p>}
        {data.length > MAX_ARCS && (
          <p className="note" data-testid="arcs-capped">{t('corridors.capped', { shown: number(MAX_ARCS), total: number(data.length) })}</p>
        )}
        {corridors.status === 'error' && <p className="error">{t('status.queryError', { message: corridors.error })}</p>}
        {notDrawn.length > 0 && (
          <p className="note" data-testid="not-drawn">{t('corridors.notDrawn', { reasons: notDrawn.join('; ') })}</p>
        )}
        <p className="attribution">{t('corridors.attribution')}</p>
      </section>
      {focused ? (
        <CorridorPanel focus={focused.focus} title={focused.title} onClose={() => setFocused(undefined)} filterAction={filterAction} />
      ) : (
        <TopCorridors corridors={data} level={level} coloring={color} onSelect={(c) => pick({ kind: 'corridor', corridor: c })} />
      )}
    </div>
  );
}
