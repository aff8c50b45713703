import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import { CHART_THEMES, CHART_TOOLTIP_STYLE, COLORS, GROUP_COLORS, type ChartTheme } from '../../theme';
import { AHTU_DAYS } from '../../queries/districts';
import { chartEndDay, survivalChartRows, type GroupCurve } from './survival-groups';

/** Memoized: not redrawn while a filter change is fetched. */
export const SurvivalChart = memo(function SurvivalChart({
  groups,
  label,
  maxDays,
  theme = CHART_THEMES.desk,
}: {
  groups: GroupCurve[];
  label: (key: string) => string;
  maxDays: number;
  theme?: ChartTheme;
}) {
  const { t } = useT();
  const rows = survivalChartRows(groups, maxDays);
  const end = chartEndDay(groups, maxDays);
  return (
    <div className="chart" data-testid="survival-chart">
      <ResponsiveContainer width="100%" height={theme.height}>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            domain={[0, end]}
            stroke={theme.axis}
            tick={{ fontSize: theme.fontSize }}
            label={{ value: t('recovery.daysAxis'), position: 'insideBottom', offset: -12, fill: theme.axis, fontSize: theme.fontSize }}
          />
          <YAxis domain={[0, 100]} unit="%" stroke={theme.axis} tick={{ fontSize: theme.fontSize }} />
          <ReferenceLine
            x={AHTU_DAYS}
            stroke={COLORS.warning}
            strokeDasharray="4 4"
            strokeWidth={theme.strokeWidth - 1}
            label={{ value: t('recovery.ahtuLine'), fill: COLORS.warning, position: 'insideTopRight', fontSize: theme.fontSize }}
          />
          <Tooltip
            contentStyle={CHART_TOOLTIP_STYLE}
            labelFormatter={(day) => t('corridors.days', { n: String(day) })}
            formatter={(value) => `${String(value)}%`}
          />
          <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: theme.fontSize }} />
          {groups.map((g, i) => (
            <Line
              key={g.key}
              type="stepAfter"
              dataKey={g.key}
              name={label(g.key)}
              stroke={GROUP_COLORS[i]}
              strokeWidth={theme.strokeWidth}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
