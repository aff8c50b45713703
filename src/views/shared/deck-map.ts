import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { beginWork } from '../../data/readiness';
import { basemapStyle, INDIA_BOUNDS } from '../../geo/basemap';

setWorkerUrl(mapWorkerUrl);

export interface DeckMap {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  remove(): void;
}

/**
 * The offline base map of India with a deck.gl overlay above it, as every map of the app uses it. The
 * drawing buffer is kept so the map can be exported as an image; the first `ready` waits for the base map.
 */
export function createDeckMap(container: HTMLElement): DeckMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(),
    bounds: INDIA_BOUNDS,
    attributionControl: false,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  const basemapLoading = beginWork();
  map.once('idle', basemapLoading);
  return {
    map,
    overlay,
    remove() {
      basemapLoading();
      map.remove();
    },
  };
}
