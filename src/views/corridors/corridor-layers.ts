import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import type { CorridorColoring } from '../../filters/url';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import type { Corridor } from '../../queries/corridors';
import type { OriginCount } from '../../queries/districts';
import { CORRIDOR_COLORS, DAYS_COLOR_STOPS, type Rgb } from '../../theme';

const MAX_ARC_PIXELS = 12;
const MAX_BUBBLE_PIXELS = 14;
/** The origin end of an arc is this faint; the arc brightens towards its destination, so direction reads without colour. */
const ORIGIN_END_ALPHA = 0.25;

/** Arc width grows with the square root of recoveries, so one large corridor does not hide the rest. */
export function arcWidth(count: number, maxCount: number): number {
  return 1 + (MAX_ARC_PIXELS - 1) * Math.sqrt(count / Math.max(1, maxCount));
}

/** Small corridors fade so the large ones read first; none disappears. */
export function arcAlpha(count: number, maxCount: number): number {
  return Math.round(70 + 185 * Math.sqrt(count / Math.max(1, maxCount)));
}

/** Bubble area proportional to the count. */
export function bubbleRadius(count: number, maxCount: number): number {
  return count > 0 ? 3 + (MAX_BUBBLE_PIXELS - 3) * Math.sqrt(count / Math.max(1, maxCount)) : 0;
}

/** Linear blend between the stops of the days scale. */
export function daysColor(days: number): Rgb {
  const stops = DAYS_COLOR_STOPS;
  if (days <= stops[0].days) return stops[0].color;
  for (let i = 1; i < stops.length; i++) {
    if (days <= stops[i].days) {
      const a = stops[i - 1];
      const b = stops[i];
      const t = (days - a.days) / (b.days - a.days);
      return a.color.map((c, k) => Math.round(c + t * (b.color[k] - c))) as Rgb;
    }
  }
  return stops[stops.length - 1].color;
}

export function corridorOriginColor(coloring: CorridorColoring): Rgb {
  return coloring === 'days' ? CORRIDOR_COLORS.originNeutral : CORRIDOR_COLORS.origin;
}

export function corridorTargetColor(corridor: Corridor, coloring: CorridorColoring = 'scope'): Rgb {
  if (coloring === 'days') return daysColor(corridor.medianDays);
  return corridor.interstate ? CORRIDOR_COLORS.interstate : CORRIDOR_COLORS.withinMp;
}

/** Recoveries per destination: the hotspots. */
export interface Destination {
  target: string;
  place: string;
  state: string;
  lat: number;
  lon: number;
  count: number;
  interstate: boolean;
}

export function destinationsOf(corridors: readonly Corridor[]): Destination[] {
  const byTarget = new Map<string, Destination>();
  for (const c of corridors) {
    const d = byTarget.get(c.target);
    if (d) d.count += c.count;
    else
      byTarget.set(c.target, {
        target: c.target,
        place: c.place,
        state: c.state,
        lat: c.lat,
        lon: c.lon,
        count: c.count,
        interstate: c.interstate,
      });
  }
  return [...byTarget.values()].sort((a, b) => b.count - a.count);
}

export type Picked =
  { kind: 'corridor'; corridor: Corridor } | { kind: 'origin'; district: OriginCount } | { kind: 'destination'; destination: Destination };

/** A corridor drawn out above the rest (an emerging-corridor alert). */
export interface CorridorHighlight {
  origin: string;
  target: string;
}

export interface CorridorLayerProps {
  corridors: Corridor[];
  /** How many of the largest corridors are drawn; a hairball of thousands helps nobody. */
  arcs: number;
  highlight?: CorridorHighlight;
  origins: OriginCount[];
  coloring: CorridorColoring;
  selectedDistricts: readonly string[];
  onHover: (picked: Picked | undefined, x: number, y: number) => void;
  onClick: (picked: Picked) => void;
}

/** Origin bubbles sized by cases, arcs from origin (yellow) to destination, destination hotspots. */
export function corridorLayers({ corridors, arcs, highlight, origins, coloring, selectedDistricts, onHover, onClick }: CorridorLayerProps) {
  const maxCount = corridors.reduce((m, c) => Math.max(m, c.count), 0);
  const maxReported = origins.reduce((m, d) => Math.max(m, d.reported), 0);
  const destinations = destinationsOf(corridors);
  const maxDestination = destinations[0]?.count ?? 0;
  const hover = (wrap: (object: never) => Picked) => (info: PickingInfo) =>
    onHover(info.object ? wrap(info.object as never) : undefined, info.x, info.y);
  return [
    new ScatterplotLayer<OriginCount>({
      id: 'origins',
      data: origins,
      getPosition: (d) => [DISTRICT_BY_ID.get(d.id)!.lon, DISTRICT_BY_ID.get(d.id)!.lat],
      getRadius: (d) => Math.max(2, bubbleRadius(d.reported, maxReported)),
      radiusUnits: 'pixels',
      // Outlined and faint so neither neighbours nor arcs are hidden; chosen districts stand out in white.
      getFillColor: (d) => [...corridorOriginColor(coloring), selectedDistricts.includes(d.id) ? 220 : 45],
      getLineColor: (d) => (selectedDistricts.includes(d.id) ? [255, 255, 255, 255] : [...corridorOriginColor(coloring), 200]),
      getLineWidth: (d) => (selectedDistricts.includes(d.id) ? 2.5 : 1),
      lineWidthUnits: 'pixels',
      stroked: true,
      pickable: true,
      onHover: hover((district: OriginCount) => ({ kind: 'origin', district })),
      onClick: (info) => info.object && onClick({ kind: 'origin', district: info.object }),
      updateTriggers: {
        getRadius: maxReported,
        getFillColor: [selectedDistricts, coloring],
        getLineColor: [selectedDistricts, coloring],
        getLineWidth: selectedDistricts,
      },
    }),
    new ArcLayer<Corridor>({
      id: 'corridors',
      data: corridors.slice(0, arcs),
      numSegments: 24,
      getSourcePosition: (c) => [c.originLon, c.originLat],
      getTargetPosition: (c) => [c.lon, c.lat],
      getSourceColor: (c) => [...corridorOriginColor(coloring), Math.round(ORIGIN_END_ALPHA * arcAlpha(c.count, maxCount))],
      getTargetColor: (c) => [...corridorTargetColor(c, coloring), arcAlpha(c.count, maxCount)],
      getWidth: (c) => arcWidth(c.count, maxCount),
      widthUnits: 'pixels',
      getHeight: 0.6,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 220],
      onHover: hover((corridor: Corridor) => ({ kind: 'corridor', corridor })),
      onClick: (info) => info.object && onClick({ kind: 'corridor', corridor: info.object }),
      updateTriggers: { getWidth: maxCount, getSourceColor: [maxCount, coloring], getTargetColor: [maxCount, coloring] },
    }),
    new ArcLayer<Corridor>({
      id: 'highlight',
      data: highlight ? corridors.filter((c) => c.origin === highlight.origin && c.target === highlight.target) : [],
      numSegments: 24,
      getSourcePosition: (c) => [c.originLon, c.originLat],
      getTargetPosition: (c) => [c.lon, c.lat],
      getSourceColor: [255, 255, 255, 120],
      getTargetColor: [255, 255, 255, 255],
      getWidth: (c) => arcWidth(c.count, maxCount) + 4,
      widthUnits: 'pixels',
      getHeight: 0.6,
      updateTriggers: { getWidth: maxCount },
    }),
    new ScatterplotLayer<Destination>({
      id: 'destinations',
      data: destinations,
      getPosition: (d) => [d.lon, d.lat],
      getRadius: (d) => bubbleRadius(d.count, maxDestination) * 0.7,
      radiusUnits: 'pixels',
      getFillColor: [0, 0, 0, 0],
      getLineColor: (d) => [...(d.interstate ? CORRIDOR_COLORS.interstate : CORRIDOR_COLORS.withinMp), 255],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: true,
      onHover: hover((destination: Destination) => ({ kind: 'destination', destination })),
      onClick: (info) => info.object && onClick({ kind: 'destination', destination: info.object }),
      updateTriggers: { getRadius: maxDestination },
    }),
  ];
}
