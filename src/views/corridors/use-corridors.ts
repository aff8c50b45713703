import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { corridorsQuery, corridorTotalsQuery } from '../../queries/corridors';
import { originCountsQuery } from '../../queries/districts';

/** The corridors of the location's level and flows, the recovered children not drawn, and the origin bubbles. */
export function useCorridorMap() {
  const { filter, settings } = useLocation();
  return {
    corridors: useQuery(corridorsQuery(settings.level, settings.flows), filter),
    totals: useQuery(corridorTotalsQuery, filter),
    origins: useQuery(originCountsQuery, filter),
  };
}
