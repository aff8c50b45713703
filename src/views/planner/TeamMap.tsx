import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { memo, useEffect, useRef } from 'react';
import { useWorkScope } from '../../data/readiness';
import { useInSlide } from '../../filters/location-store';
import type { Team } from '../../stats/planner';
import { CORRIDOR_COLORS } from '../../theme';
import { createDeckMap, onceCommitted } from '../shared/deck-map';

// Kept constant: a new settings object makes deck.gl rebuild the font atlas on every update.
const DIGITS = '0123456789';
const FONT_SETTINGS = { sdf: true };

/**
 * The team bases with the radius each covers, numbered as in the table.
 * Memoized: not redrawn while a filter change is fetched.
 */
export const TeamMap = memo(function TeamMap({
  teams,
  radiusKm,
  onPick,
}: {
  teams: Team[];
  radiusKm: number;
  onPick: (team: Team) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const scope = useWorkScope();
  const exportable = useInSlide();
  const overlay = useRef<MapboxOverlay>(undefined);
  // The latest handler, read at click time: a new function each render must not redraw the layers.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const deck = createDeckMap(container.current!, scope, exportable);
    overlay.current = deck.overlay;
    return () => {
      deck.remove();
      overlay.current = undefined;
    };
  }, [scope, exportable]);

  useEffect(() => {
    const o = overlay.current;
    if (!o) return undefined;
    const done = scope.beginWork();
    const labelled = teams.map((team, i) => ({ team, label: String(i + 1) }));
    o.setProps({
      layers: [
        new ScatterplotLayer<(typeof labelled)[number]>({
          id: 'team-areas',
          data: labelled,
          getPosition: (d) => [d.team.base.lon, d.team.base.lat],
          getRadius: radiusKm * 1000,
          radiusUnits: 'meters',
          radiusMinPixels: 6,
          getFillColor: [...CORRIDOR_COLORS.interstate, 60],
          getLineColor: [...CORRIDOR_COLORS.interstate, 255],
          getLineWidth: 2,
          lineWidthUnits: 'pixels',
          stroked: true,
          pickable: true,
          onClick: (info) => info.object && pick.current(info.object.team),
          updateTriggers: { getRadius: radiusKm },
        }),
        new TextLayer<(typeof labelled)[number]>({
          id: 'team-numbers',
          data: labelled,
          getPosition: (d) => [d.team.base.lon, d.team.base.lat],
          getText: (d) => d.label,
          getColor: [255, 255, 255, 255],
          getSize: 16,
          fontWeight: 700,
          characterSet: DIGITS,
          outlineWidth: 3,
          outlineColor: [0, 0, 0, 255],
          fontSettings: FONT_SETTINGS,
        }),
      ],
      onAfterRender: onceCommitted(done),
    });
    return done;
  }, [teams, radiusKm, scope]);

  return (
    <div className="map-frame team-map">
      <div ref={container} className="map" data-testid="team-map" data-bases={teams.length} />
    </div>
  );
});
