import { memo } from 'react';
import type { SurvivalGroup } from '../../filters/url';
import { useT } from '../../i18n';
import { atRiskAt } from '../../stats/kaplan-meier';
import { GROUP_COLORS } from '../../theme';
import type { GroupCurve } from './survival-groups';

/** Longest follow-up the survival and recovery-place charts draw, in days. */
export const SURVIVAL_MAX_DAYS = 730;

/**
 * Each curve's children, recoveries, median with its 95% interval and, on the desk, the numbers at risk.
 * Memoized: not redrawn while a filter change is fetched.
 */
export const SurvivalTable = memo(function SurvivalTable({
  groups,
  label,
  group,
  atRiskDays,
}: {
  groups: GroupCurve[];
  label: (key: string) => string;
  group: SurvivalGroup;
  atRiskDays: readonly number[];
}) {
  const { t, number, count } = useT();
  return (
    <table className="survival-table" data-testid="survival-table">
      <thead>
        <tr>
          <th>{t(`recovery.group.${group}`)}</th>
          <th className="num">{t('recovery.cases')}</th>
          <th className="num">{t('kpi.recovered')}</th>
          <th className="num">{t('recovery.median')}</th>
          <th className="num">{t('recovery.interval')}</th>
          {atRiskDays.map((d) => (
            <th key={d} className="num">
              {t('recovery.atRiskAt', { n: d })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g, i) => (
          <tr key={g.key} data-group={g.key}>
            <td>
              <i className="swatch" style={{ background: GROUP_COLORS[i] }} />
              {label(g.key)}
            </td>
            <td className="num">{count(g.curve.n)}</td>
            <td className="num">{count(g.curve.events)}</td>
            <td className="num median">{g.curve.median === null ? t('recovery.notReached') : number(g.curve.median)}</td>
            <td className="num">
              {g.curve.medianLower === null ? '–' : number(g.curve.medianLower)}
              {' – '}
              {g.curve.medianUpper === null ? t('recovery.notReached') : number(g.curve.medianUpper)}
            </td>
            {atRiskDays.map((d) => (
              <td key={d} className="num">
                {g.curve.lastTime !== null && d <= g.curve.lastTime ? count(atRiskAt(g.curve, d)) : '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/** Says that groups of fewer than five children have no curve while small counts are suppressed. */
export function SmallGroupsNote({ hidden }: { hidden: number }) {
  const { t } = useT();
  return (
    <p className="note" data-testid="small-groups-note">
      {t('recovery.smallGroups', { n: hidden })}
    </p>
  );
}
