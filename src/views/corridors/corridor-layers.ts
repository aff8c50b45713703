import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import { MP_DISTRICTS, type District } from '../../geo/mp-districts';
import type { Corridor } from '../../queries/corridors';
import { CORRIDOR_COLORS } from '../../theme';

const MAX_ARC_PIXELS = 12;

/** Arc width grows with the square root of recoveries, so one large corridor does not hide the rest. */
export function arcWidth(count: number, maxCount: number): number {
  return 1 + (MAX_ARC_PIXELS - 1) * Math.sqrt(count / Math.max(1, maxCount));
}

/** Small corridors fade so the large ones read first; none disappears. */
export function arcAlpha(count: number, maxCount: number): number {
  return Math.round(70 + 185 * Math.sqrt(count / Math.max(1, maxCount)));
}

export function corridorTargetColor(corridor: Corridor) {
  return corridor.interstate ? CORRIDOR_COLORS.interstate : CORRIDOR_COLORS.withinMp;
}

export interface CorridorLayerProps {
  corridors: Corridor[];
  onHover: (info: PickingInfo<Corridor>) => void;
}

/** District HQs as points, corridors as arcs from origin (orange) to recovery place. */
export function corridorLayers({ corridors, onHover }: CorridorLayerProps) {
  const maxCount = corridors.reduce((m, c) => Math.max(m, c.count), 0);
  return [
    new ScatterplotLayer<District>({
      id: 'district-hqs',
      data: MP_DISTRICTS,
      getPosition: (d) => [d.lon, d.lat],
      getRadius: 3,
      radiusUnits: 'pixels',
      getFillColor: [...CORRIDOR_COLORS.district, 200],
    }),
    new ArcLayer<Corridor>({
      id: 'corridors',
      data: corridors,
      getSourcePosition: (c) => [c.originLon, c.originLat],
      getTargetPosition: (c) => [c.lon, c.lat],
      getSourceColor: (c) => [...CORRIDOR_COLORS.origin, arcAlpha(c.count, maxCount)],
      getTargetColor: (c) => [...corridorTargetColor(c), arcAlpha(c.count, maxCount)],
      getWidth: (c) => arcWidth(c.count, maxCount),
      widthUnits: 'pixels',
      getHeight: 0.6,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 220],
      onHover,
      updateTriggers: { getWidth: maxCount, getSourceColor: maxCount, getTargetColor: maxCount },
    }),
  ];
}
