import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { WorkScope } from '../../data/readiness';
import { basemapStyle, INDIA_BOUNDS } from '../../geo/basemap';

setWorkerUrl(mapWorkerUrl);

export interface DeckMap {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  remove(): void;
}

/** The maps on the page, so that an export can redraw those inside a slide at print resolution. */
const liveMaps = new Set<{ map: MapLibreMap; overlay: MapboxOverlay }>();

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * `done`, called once a map frame drawn now is on the page: WebGL draws asynchronously, and the browser takes
 * the canvas into the page at the commit after the frame, which waits for the GPU to finish drawing it (in
 * software rendering, much of a map's first drawing). The next animation frame comes after that commit.
 */
export const onceCommitted = (done: () => void) => () => requestAnimationFrame(() => done());

/**
 * Redraws the maps inside `node`, base map and deck.gl canvas both, at `pixelRatio` device pixels per CSS
 * pixel; resolves once both are drawn (a slide's maps keep their drawing buffers, so the canvases can be read).
 */
export async function drawMapsAt(node: HTMLElement, pixelRatio: number): Promise<void> {
  const maps = [...liveMaps].filter(({ map }) => node.contains(map.getContainer()));
  await Promise.all(
    maps.map(
      ({ map, overlay }) =>
        new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.setPixelRatio(pixelRatio);
          overlay.setProps({ useDevicePixels: pixelRatio });
          map.triggerRepaint();
        }),
    ),
  );
  await nextFrame();
  await nextFrame();
}

/**
 * The offline base map of India with a deck.gl overlay above it, as every map of the app uses it; the first `ready`
 * waits for the base map, counted where the map is (`scope`). A map that can be exported as an image (a slide's) keeps
 * its drawing buffers, so its canvases can be read after they are drawn; the desk's maps let the browser take each
 * frame over instead of copying it, which in software rendering is a tenth of a filter change's drawing.
 */
export function createDeckMap(container: HTMLElement, scope: WorkScope, exportable: boolean): DeckMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(),
    bounds: INDIA_BOUNDS,
    attributionControl: false,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: exportable },
  });
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    deviceProps: { type: 'webgl', webgl: { preserveDrawingBuffer: exportable } },
  });
  map.addControl(overlay);
  const basemapLoading = scope.beginWork();
  map.once('idle', onceCommitted(basemapLoading));
  const entry = { map, overlay };
  liveMaps.add(entry);
  return {
    map,
    overlay,
    remove() {
      basemapLoading();
      liveMaps.delete(entry);
      map.remove();
    },
  };
}
