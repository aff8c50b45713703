import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import type { TimelineMonth } from '../../queries/timeline';
import { CHART_THEMES, CHART_TOOLTIP_STYLE, COLORS, SERIES_COLORS, type ChartTheme } from '../../theme';

/** A month whose recoveries are estimated to lack at least this share is shaded as partial. */
export const PARTIAL_MISSED_SHARE = 0.05;

/** The months at the start of the period whose recovered count is known to be short. */
export function partialMonths(months: readonly TimelineMonth[]): string[] {
  return months.filter((m) => m.missedShare >= PARTIAL_MISSED_SHARE).map((m) => m.month);
}

/** Memoized: not redrawn while a filter change is fetched. */
export const MonthlyTrend = memo(function MonthlyTrend({
  months,
  theme = CHART_THEMES.desk,
}: {
  months: TimelineMonth[];
  theme?: ChartTheme;
}) {
  const { t, number, count, month } = useT();
  const partial = partialMonths(months);
  return (
    <div className="chart" data-testid="monthly-trend">
      <ResponsiveContainer width="100%" height={theme.name === 'desk' ? 360 : theme.height}>
        <LineChart data={months} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
          {partial.length > 0 && (
            <ReferenceArea
              x1={partial[0]}
              x2={partial[partial.length - 1]}
              fill={COLORS.muted}
              fillOpacity={0.15}
              label={{ value: t('recovery.partialLabel'), fill: theme.axis, position: 'insideTop', fontSize: theme.fontSize }}
            />
          )}
          <XAxis dataKey="month" stroke={theme.axis} minTickGap={24} tick={{ fontSize: theme.fontSize }} />
          <YAxis stroke={theme.axis} tickFormatter={number} tick={{ fontSize: theme.fontSize }} />
          <Tooltip contentStyle={CHART_TOOLTIP_STYLE} formatter={(value) => count(Number(value))} />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: theme.fontSize }} />
          <Line
            type="linear"
            dataKey="reported"
            name={t('recovery.reported')}
            stroke={SERIES_COLORS.reported}
            strokeWidth={theme.strokeWidth}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="recovered"
            name={t('recovery.recovered')}
            stroke={SERIES_COLORS.recovered}
            strokeWidth={theme.strokeWidth}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      {partial.length > 0 && (
        <p className="note" data-testid="partial-months">
          {t('recovery.partialNote', { from: month(partial[0]), to: month(partial[partial.length - 1]) })}
        </p>
      )}
    </div>
  );
});
