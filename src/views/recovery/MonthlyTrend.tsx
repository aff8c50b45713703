import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import type { MonthCount } from '../../queries/timeline';
import { CHART_TOOLTIP_STYLE, COLORS, SERIES_COLORS } from '../../theme';

export function MonthlyTrend({ months }: { months: MonthCount[] }) {
  const { t, number } = useT();
  return (
    <div className="chart" data-testid="monthly-trend">
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={months} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
          <XAxis dataKey="month" stroke={COLORS.muted} minTickGap={24} />
          <YAxis stroke={COLORS.muted} tickFormatter={number} />
          <Tooltip
            contentStyle={CHART_TOOLTIP_STYLE}
            formatter={(value) => number(Number(value))}
          />
          <Legend itemSorter={null} />
          <Line type="linear" dataKey="reported" name={t('recovery.reported')} stroke={SERIES_COLORS.reported}
            strokeWidth={2.5} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="recovered" name={t('recovery.recovered')} stroke={SERIES_COLORS.recovered}
            strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
