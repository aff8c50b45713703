import { RECOVERY_PLACES, type RecoveryPlace } from '../../queries/survival';
import type { CumulativeIncidence } from '../../stats/cumulative-incidence';

export const PLACE_TABLE_DAYS = [30, 90, 120, 365] as const;

/** The places shown: every place of recovery, except "not known" when no child was recovered there. */
export function shownPlaces(ci: CumulativeIncidence): RecoveryPlace[] {
  const unknown = RECOVERY_PLACES.indexOf('unknown');
  const anyUnknown = ci.steps.some((s) => s.events[unknown] > 0);
  return RECOVERY_PLACES.filter((p) => p !== 'unknown' || anyUnknown);
}

/**
 * Chart rows in percent, one per day on which anything changes, up to the last observed day (at most
 * `maxDays`): each place's cumulative incidence and the share still missing, which add up to 100.
 */
export function recoveryPlaceRows(ci: CumulativeIncidence, maxDays: number): Record<string, number>[] {
  const end = Math.min(maxDays, ci.lastTime);
  const percent = (x: number) => Math.round(x * 1000) / 10;
  const row = (time: number, incidence: number[], stillMissing: number) => {
    const r: Record<string, number> = { time, stillMissing: percent(stillMissing) };
    RECOVERY_PLACES.forEach((p, k) => {
      r[p] = percent(incidence[k]);
    });
    return r;
  };
  const rows = [row(0, new Array<number>(RECOVERY_PLACES.length).fill(0), 1)];
  for (const s of ci.steps) {
    if (s.time > end) break;
    if (s.events.some((e) => e > 0) || s.time === end) rows.push(row(s.time, s.incidence, s.stillMissing));
  }
  return rows;
}
