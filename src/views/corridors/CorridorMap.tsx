import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { beginWork } from '../../data/readiness';
import { basemapStyle, INDIA_BOUNDS } from '../../geo/basemap';
import { STATE_BY_CODE } from '../../geo/states';
import { useT } from '../../i18n';
import type { Corridor } from '../../queries/corridors';
import { corridorLayers } from './corridor-layers';

setWorkerUrl(mapWorkerUrl);

interface Hovered {
  corridor: Corridor;
  x: number;
  y: number;
}

/** MapLibre base map with deck.gl corridors on top; the tooltip is React text, never HTML. */
export function CorridorMap({ corridors }: { corridors: Corridor[] }) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay>(undefined);
  const map = useRef<MapLibreMap>(undefined);
  const [hovered, setHovered] = useState<Hovered>();
  const { t, number, name } = useT();

  useEffect(() => {
    const m = new MapLibreMap({
      container: container.current!,
      style: basemapStyle(),
      bounds: INDIA_BOUNDS,
      attributionControl: false,
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    const o = new MapboxOverlay({ interleaved: false, layers: [] });
    m.addControl(o);
    map.current = m;
    overlay.current = o;
    return () => {
      m.remove();
      map.current = undefined;
      overlay.current = undefined;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const o = overlay.current;
    if (!m || !o) return undefined;
    const done = beginWork();
    o.setProps({
      layers: corridorLayers({
        corridors,
        onHover: (info: PickingInfo<Corridor>) =>
          setHovered(info.object ? { corridor: info.object, x: info.x, y: info.y } : undefined),
      }),
    });
    // Ready once the map has drawn a frame with these arcs.
    const settle = () => requestAnimationFrame(() => requestAnimationFrame(done));
    if (m.loaded()) {
      m.triggerRepaint();
      m.once('idle', settle);
    } else {
      m.once('idle', settle);
    }
    return done;
  }, [corridors]);

  const c = hovered?.corridor;
  const state = c ? STATE_BY_CODE.get(c.state) : undefined;
  return (
    <div className="map-frame">
      <div ref={container} className="map" data-testid="corridor-map" />
      {c && hovered && (
        <div className="tooltip" style={{ left: hovered.x + 12, top: hovered.y + 12 }} role="tooltip">
          <strong>{t('corridors.tooltip', { origin: name({ name: c.originName, nameHi: c.originNameHi }), place: c.place })}</strong>
          {state && <span>{name(state)}</span>}
          <span>{t('corridors.count')}: {number(c.count)}</span>
          <span>{t('corridors.medianDays')}: {t('corridors.days', { n: number(c.medianDays) })}</span>
        </div>
      )}
    </div>
  );
}
