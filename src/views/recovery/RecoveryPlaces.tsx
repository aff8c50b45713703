import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import { AHTU_DAYS } from '../../queries/districts';
import { RECOVERY_PLACES } from '../../queries/survival';
import { incidenceAtTimes, type CumulativeIncidence, type Estimate } from '../../stats/cumulative-incidence';
import { CHART_THEMES, CHART_TOOLTIP_STYLE, COLORS, RECOVERY_PLACE_COLORS, type ChartTheme } from '../../theme';
import { PLACE_TABLE_DAYS, recoveryPlaceRows, shownPlaces } from './recovery-places';

/**
 * Where children were recovered, by days since going missing: the cumulative incidence of recovery in
 * each place, stacked under the share still missing, so that every day adds up to 100%.
 * Memoized: not redrawn while a filter change is fetched.
 */
export const RecoveryPlaces = memo(function RecoveryPlaces({
  ci,
  maxDays,
  theme = CHART_THEMES.desk,
  table = true,
}: {
  ci: CumulativeIncidence;
  maxDays: number;
  theme?: ChartTheme;
  /** The table of estimates below the chart (a slide has room for the chart only). */
  table?: boolean;
}) {
  const { t, percent, number, count } = useT();
  const places = useMemo(() => shownPlaces(ci), [ci]);
  const rows = useMemo(() => recoveryPlaceRows(ci, maxDays), [ci, maxDays]);
  // The jackknife intervals are the costly part: worked out once per estimate, for every table day together.
  const atDays = useMemo(() => (table ? incidenceAtTimes(ci, PLACE_TABLE_DAYS) : []), [ci, table]);
  const end = Math.min(maxDays, ci.lastTime);
  const cell = (e: Estimate) => `${percent(e.value)} (${percent(e.lower)}–${percent(e.upper)})`;
  const series = [
    ...places.map((p) => ({ key: p, name: t(`recovery.place.${p}`), color: RECOVERY_PLACE_COLORS[p] })),
    { key: 'stillMissing', name: t('recovery.place.stillMissing'), color: RECOVERY_PLACE_COLORS.stillMissing },
  ];
  return (
    <>
      <div className="chart" data-testid="recovery-places-chart">
        <ResponsiveContainer width="100%" height={theme.name === 'desk' ? 340 : theme.height}>
          <AreaChart data={rows} margin={{ top: 8, right: 24, bottom: 20, left: 8 }}>
            <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              domain={[0, end]}
              stroke={theme.axis}
              tick={{ fontSize: theme.fontSize }}
              label={{ value: t('recovery.daysAxis'), position: 'insideBottom', offset: -12, fill: theme.axis, fontSize: theme.fontSize }}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              allowDataOverflow
              unit="%"
              stroke={theme.axis}
              tick={{ fontSize: theme.fontSize }}
            />
            <ReferenceLine
              x={AHTU_DAYS}
              stroke={COLORS.text}
              strokeDasharray="4 4"
              strokeWidth={theme.strokeWidth - 1}
              label={{ value: t('recovery.ahtuLine'), fill: COLORS.text, position: 'insideTopRight', fontSize: theme.fontSize }}
            />
            <Tooltip
              contentStyle={CHART_TOOLTIP_STYLE}
              labelFormatter={(day) => t('corridors.days', { n: String(day) })}
              formatter={(value) => `${String(value)}%`}
            />
            <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: theme.fontSize }} />
            {series.map((s) => (
              <Area
                key={s.key}
                type="stepAfter"
                dataKey={s.key}
                name={s.name}
                stackId="places"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.75}
                strokeWidth={theme.strokeWidth - 1}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      {table && (
        <table className="survival-table" data-testid="recovery-places-table">
          <thead>
            <tr>
              <th>{t('recovery.day')}</th>
              <th className="num">{t('recovery.atRisk')}</th>
              {series.map((s) => (
                <th key={s.key} className="num">
                  <i className="swatch" style={{ background: s.color }} />
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PLACE_TABLE_DAYS.map((day, i) => {
              const at = atDays[i];
              return (
                <tr key={day} data-day={day}>
                  <td>{number(day)}</td>
                  <td className="num">{at ? count(at.atRisk) : '—'}</td>
                  {places.map((p) => (
                    <td key={p} className="num" data-place={p}>
                      {at ? cell(at.incidence[RECOVERY_PLACES.indexOf(p)]) : '—'}
                    </td>
                  ))}
                  <td className="num" data-place="stillMissing">
                    {at ? cell(at.stillMissing) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {table && <p className="note">{t('recovery.placesTableNote')}</p>}
    </>
  );
});
