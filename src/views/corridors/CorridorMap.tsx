import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { memo, useEffect, useRef, useState } from 'react';
import { useWorkScope } from '../../data/readiness';
import { useInSlide } from '../../filters/location-store';
import type { CorridorColoring, CorridorLevel } from '../../filters/url';
import { MAP_PRESETS, type MapPreset } from '../../geo/basemap';
import { useT } from '../../i18n';
import type { Corridor } from '../../queries/corridors';
import type { OriginCount } from '../../queries/districts';
import { corridorLayers, type CorridorHighlight, type Picked } from './corridor-layers';
import { createDeckMap, onceCommitted } from '../shared/deck-map';
import { destinationName, medianText, stateName } from './names';

export interface CorridorMapProps {
  corridors: Corridor[];
  arcs: number;
  highlight?: CorridorHighlight;
  origins: OriginCount[];
  level: CorridorLevel;
  coloring: CorridorColoring;
  selectedDistricts: readonly string[];
  onPick: (picked: Picked) => void;
  /** The zoom buttons (a slide keeps the view it opens on). */
  presets?: boolean;
}

/**
 * MapLibre base map with deck.gl layers on top; the tooltip is React text, never HTML. Memoized: while a
 * filter change is fetched the map keeps its layers instead of rebuilding them.
 */
export const CorridorMap = memo(function CorridorMap({
  corridors,
  arcs,
  highlight,
  origins,
  level,
  coloring,
  selectedDistricts,
  onPick,
  presets = true,
}: CorridorMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const scope = useWorkScope();
  const exportable = useInSlide();
  const overlay = useRef<MapboxOverlay>(undefined);
  const map = useRef<MapLibreMap>(undefined);
  const [hovered, setHovered] = useState<{ picked: Picked; x: number; y: number }>();
  const [zoom, setZoom] = useState<number>();
  const f = useT();
  const { t, name } = f;

  useEffect(() => {
    const deck = createDeckMap(container.current!, scope, exportable);
    const m = deck.map;
    map.current = m;
    overlay.current = deck.overlay;
    // The view stays where the user put it across filter changes; only a preset moves it.
    m.on('moveend', () => setZoom(Math.round(m.getZoom() * 100) / 100));
    return () => {
      deck.remove();
      map.current = undefined;
      overlay.current = undefined;
    };
  }, [scope, exportable]);

  useEffect(() => {
    const o = overlay.current;
    if (!o) return undefined;
    const done = scope.beginWork();
    o.setProps({
      layers: corridorLayers({
        corridors,
        arcs,
        highlight,
        origins,
        coloring,
        selectedDistricts,
        onHover: (picked, x, y) => setHovered(picked ? { picked, x, y } : undefined),
        onClick: onPick,
      }),
      // Ready once a frame drawn with these layers is on the page.
      onAfterRender: onceCommitted(done),
    });
    return done;
  }, [corridors, arcs, highlight, origins, coloring, selectedDistricts, onPick, scope]);

  const showPreset = (preset: MapPreset) => map.current?.fitBounds(MAP_PRESETS[preset], { duration: 0 });

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map"
        data-testid="corridor-map"
        data-arcs={Math.min(arcs, corridors.length)}
        data-zoom={zoom}
        data-highlight={highlight ? `${highlight.origin}>${highlight.target}` : undefined}
        data-selected={selectedDistricts.join(',')}
      />
      {presets && (
        <div className="map-presets" role="group" aria-label={t('corridors.presets.label')}>
          {(Object.keys(MAP_PRESETS) as MapPreset[]).map((p) => (
            <button key={p} type="button" onClick={() => showPreset(p)} data-testid={`preset-${p}`}>
              {t(`corridors.presets.${p}`)}
            </button>
          ))}
        </div>
      )}
      {hovered && (
        <div className="tooltip" style={{ left: hovered.x + 12, top: hovered.y + 12 }} role="tooltip">
          {hovered.picked.kind === 'corridor' &&
            (() => {
              const c = hovered.picked.corridor;
              return (
                <>
                  <strong>
                    {t('corridors.tooltip', {
                      origin: name({ name: c.originName, nameHi: c.originNameHi }),
                      place: destinationName(c, level, f),
                    })}
                  </strong>
                  {level !== 'state' && <span>{stateName(c.state, f)}</span>}
                  <span>
                    {t('corridors.count')}: {f.count(c.count)}
                  </span>
                  <span>
                    {t('corridors.medianDaysRecovered')}: {medianText(c.count, c.medianDays, f)}
                  </span>
                </>
              );
            })()}
          {hovered.picked.kind === 'origin' && (
            <>
              <strong>{name(hovered.picked.district)}</strong>
              <span>
                {t('kpi.reported')}: {f.count(hovered.picked.district.reported)}
              </span>
              <span>
                {t('kpi.stillMissing')}: {f.count(hovered.picked.district.stillMissing)}
              </span>
            </>
          )}
          {hovered.picked.kind === 'destination' && (
            <>
              <strong>{destinationName(hovered.picked.destination, level, f)}</strong>
              {level !== 'state' && <span>{stateName(hovered.picked.destination.state, f)}</span>}
              <span>
                {t('corridors.count')}: {f.count(hovered.picked.destination.count)}
              </span>
            </>
          )}
        </div>
      )}
    </div>
  );
});
