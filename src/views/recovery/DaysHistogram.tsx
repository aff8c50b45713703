import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import type { DayBin } from '../../queries/survival';
import { CHART_TOOLTIP_STYLE, COLORS, SERIES_COLORS } from '../../theme';

/** Memoized: not redrawn while a filter change is fetched. */
export const DaysHistogram = memo(function DaysHistogram({ bins }: { bins: DayBin[] }) {
  const { t, number, count } = useT();
  return (
    <div className="chart" data-testid="days-histogram">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={bins} margin={{ top: 8, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
          <XAxis
            dataKey="bin"
            stroke={COLORS.muted}
            label={{ value: t('recovery.daysAxis'), position: 'insideBottom', offset: -12, fill: COLORS.muted }}
          />
          <YAxis stroke={COLORS.muted} tickFormatter={number} />
          <Tooltip cursor={{ fill: COLORS.panelRaised }} contentStyle={CHART_TOOLTIP_STYLE} formatter={(value) => count(Number(value))} />
          <Bar dataKey="count" name={t('kpi.recovered')} fill={SERIES_COLORS.recovered} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
