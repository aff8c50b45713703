import type { StyleSpecification } from 'maplibre-gl';
import basemapUrl from './data/basemap.json?url';
import { COLORS } from '../theme';

/** India and its neighbours from our own origin: no tile, glyph or sprite server. */
export function basemapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: { basemap: { type: 'geojson', data: basemapUrl } },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      {
        id: 'countries',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'country'],
        paint: { 'fill-color': ['case', ['get', 'india'], COLORS.land, COLORS.neighbour] },
      },
      {
        id: 'home-state',
        type: 'fill',
        source: 'basemap',
        filter: ['all', ['==', ['get', 'layer'], 'state'], ['==', ['get', 'code'], 'IN-MP']],
        paint: { 'fill-color': COLORS.homeState },
      },
      {
        id: 'state-lines',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'state'],
        paint: { 'line-color': COLORS.stateLine, 'line-width': 0.8 },
      },
      {
        id: 'country-lines',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'country'],
        paint: { 'line-color': COLORS.countryLine, 'line-width': 1.2 },
      },
    ],
  };
}

type Bounds = [[number, number], [number, number]];

/** India's extent: [[west, south], [east, north]]. */
export const INDIA_BOUNDS: Bounds = [
  [68, 6.5],
  [97.5, 35.5],
];

/** Where a review looks: MP alone, MP with the states around it, all India. */
export const MAP_PRESETS = {
  mp: [
    [74, 21],
    [82.9, 26.9],
  ],
  region: [
    [68.5, 15.5],
    [88.5, 31],
  ],
  india: INDIA_BOUNDS,
} as const satisfies Record<string, Bounds>;
export type MapPreset = keyof typeof MAP_PRESETS;
