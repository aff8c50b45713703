import { useCallback, useMemo } from 'react';
import { useQuery, useShownWith } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { useT } from '../../i18n';
import { recoveryPlaceCountsQuery, RECOVERY_PLACES, survivalCountsQuery } from '../../queries/survival';
import { timelineQuery } from '../../queries/timeline';
import { cumulativeIncidence } from '../../stats/cumulative-incidence';
import { SUPPRESSION_LIMIT } from '../../stats/suppression';
import { buildSurvivalGroups } from './survival-groups';

/**
 * The Kaplan–Meier curves of the location's grouping, with their labels. While small counts are suppressed a
 * group of fewer than five children has no curve (it would be a few children's own dates): `hiddenGroups`.
 */
export function useSurvivalGroups() {
  const { filter, settings } = useLocation();
  const { t, name, suppressing } = useT();
  const survival = useQuery(survivalCountsQuery(settings.group), filter);
  const districts = useShownWith(filter.districts, survival);
  const all = useMemo(
    () => buildSurvivalGroups(survival.data ?? [], settings.group, districts),
    [survival.data, settings.group, districts],
  );
  const groups = useMemo(() => (suppressing ? all.filter((g) => g.curve.n >= SUPPRESSION_LIMIT) : all), [all, suppressing]);
  const group = settings.group;
  const label = useCallback(
    (key: string): string => {
      switch (group) {
        case 'none':
          return t('recovery.allCases');
        case 'sex':
          return t(`sex.${key as 'F' | 'M' | 'T' | 'U'}`);
        case 'age':
          return t('recovery.ageBand', { band: key });
        case 'district':
          return DISTRICT_BY_ID.has(key) ? name(DISTRICT_BY_ID.get(key)!) : key;
      }
    },
    [group, t, name],
  );
  return { survival, groups, hiddenGroups: all.length - groups.length, label, group };
}

/** Where children were recovered (Aalen–Johansen), hidden like a curve when fewer than five children are in it. */
export function useRecoveryPlaces() {
  const { filter } = useLocation();
  const { suppressing } = useT();
  const places = useQuery(recoveryPlaceCountsQuery, filter);
  const incidence = useMemo(() => {
    const children = (places.data ?? []).reduce((n, c) => n + c.count, 0);
    if (!places.data || children === 0 || (suppressing && children < SUPPRESSION_LIMIT)) return undefined;
    return cumulativeIncidence(places.data, RECOVERY_PLACES.length);
  }, [places.data, suppressing]);
  return { places, incidence };
}

export function useMonthlyTrend() {
  const { filter } = useLocation();
  return useQuery(timelineQuery, filter);
}
