import type { SurvivalGroup } from '../../filters/url';
import { countsByGroup, type GroupedSurvivalCount } from '../../queries/survival';
import { kaplanMeier, survivalAt, type SurvivalCurve } from '../../stats/kaplan-meier';

export const MAX_CURVES = 6;
export const AT_RISK_DAYS = [0, 7, 30, 90, 120, 365] as const;

export interface GroupCurve {
  key: string;
  curve: SurvivalCurve;
}

const ORDER: Partial<Record<SurvivalGroup, string[]>> = {
  sex: ['F', 'M', 'T', 'U'],
  age: ['0-5', '6-11', '12-14', '15-17'],
};

/**
 * One Kaplan–Meier curve per group, at most six: for districts the chosen ones, or else the six
 * with the most cases.
 */
export function buildSurvivalGroups(
  rows: readonly GroupedSurvivalCount[],
  group: SurvivalGroup,
  chosenDistricts: readonly string[],
): GroupCurve[] {
  const curves = [...countsByGroup(rows)].map(([key, counts]) => ({ key, curve: kaplanMeier(counts) }));
  if (group === 'district') {
    const picked = chosenDistricts.length
      ? chosenDistricts.flatMap((id) => curves.filter((c) => c.key === id))
      : [...curves].sort((a, b) => b.curve.n - a.curve.n || a.key.localeCompare(b.key));
    return picked.slice(0, MAX_CURVES);
  }
  const order = ORDER[group] ?? [];
  return curves.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)).slice(0, MAX_CURVES);
}

/** The last day any curve reaches, at most `maxDays`: the chart's x axis ends there. */
export function chartEndDay(groups: readonly GroupCurve[], maxDays: number): number {
  return Math.min(maxDays, Math.max(0, ...groups.map((g) => g.curve.lastTime ?? 0)));
}

/**
 * Chart rows: for each day where any curve steps, every curve's share still missing (in %). A curve
 * ends at its group's last observed day; past it the group has no value rather than a flat line.
 */
export function survivalChartRows(groups: readonly GroupCurve[], maxDays: number): Record<string, number>[] {
  const end = chartEndDay(groups, maxDays);
  const times = new Set<number>([0]);
  for (const g of groups) {
    for (const s of g.curve.steps) if (s.time <= end && s.events > 0) times.add(s.time);
    if (g.curve.lastTime !== null && g.curve.lastTime <= end) times.add(g.curve.lastTime);
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((time) => {
      const row: Record<string, number> = { time };
      for (const g of groups) {
        if (g.curve.lastTime !== null && time <= g.curve.lastTime) row[g.key] = Math.round(survivalAt(g.curve, time) * 1000) / 10;
      }
      return row;
    });
}
