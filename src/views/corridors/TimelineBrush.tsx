import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Bar, BarChart, Brush, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import { useQuery, useShownWithAnswers } from '../../data/use-query';
import { monthBounds } from '../../filters/dates';
import { updateFilter, useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { reportedMonthsQuery, type MonthCount } from '../../queries/timeline';
import { CHART_TOOLTIP_STYLE, COLORS, SERIES_COLORS } from '../../theme';

const PLAY_STEP_MS = 1500;

/**
 * Cases reported per month: brush a range or click a month to set the date filter; play steps the
 * filter through the months one at a time.
 */
export function TimelineBrush() {
  const { filter } = useLocation();
  const { t, month } = useT();
  const result = useQuery(reportedMonthsQuery, filter);
  const months = useMemo(() => result.data ?? [], [result.data]);
  const [playing, setPlaying] = useState(false);

  const indexOf = (date: string | undefined, fallback: number) => {
    const i = date ? months.findIndex((m) => m.month === date.slice(0, 7)) : -1;
    return i >= 0 ? i : fallback;
  };
  const start = indexOf(filter.from, 0);
  const end = indexOf(filter.to, months.length - 1);
  // The brush follows a date change with the change's answers: redrawing the bars first would delay them.
  const barsStart = useShownWithAnswers(start);
  const barsEnd = useShownWithAnswers(end);
  const setMonths = useCallback(
    (first: number, last: number, replace = false) =>
      updateFilter({ from: monthBounds(months[first].month)[0], to: monthBounds(months[last].month)[1] }, { replace }),
    [months],
  );

  // One step per interval after each move; re-renders for query results do not restart the clock.
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setTimeout(() => {
      const next = start === end ? start + 1 : start;
      if (next >= months.length) setPlaying(false);
      else updateFilter({ from: monthBounds(months[next].month)[0], to: monthBounds(months[next].month)[1] }, { replace: true });
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, start, end, months]);

  if (months.length === 0) return null;
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-controls">
        <button
          type="button"
          className="action"
          data-testid="play"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && start !== end) setMonths(0, 0, true);
            setPlaying(!playing);
          }}
        >
          {playing ? t('corridors.pause') : t('corridors.play')}
        </button>
        <span className="note" data-testid="timeline-range">
          {month(months[start].month)}
          {start !== end ? ` – ${month(months[end].month)}` : ''}
        </span>
      </div>
      <MonthBars months={months} start={barsStart} end={barsEnd} onMonths={setMonths} />
    </div>
  );
}

/** A month's bar as a plain rectangle: Recharts' own shape costs several components a bar, 120 bars a redraw. */
function MonthBar({ x, y, width, height, fill }: { x?: number; y?: number; width?: number; height?: number; fill?: string }) {
  return <rect x={x} y={y} width={width} height={height} fill={fill} />;
}

/** The months as bars with a brush; memoized, so the bars are not redrawn while a filter change is fetched. */
const MonthBars = memo(function MonthBars({
  months,
  start,
  end,
  onMonths,
}: {
  months: MonthCount[];
  start: number;
  end: number;
  onMonths: (first: number, last: number) => void;
}) {
  const { t, count } = useT();
  const brushTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return (
    <ResponsiveContainer width="100%" height={110}>
      <BarChart data={months} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
        <XAxis dataKey="month" stroke={COLORS.muted} minTickGap={40} />
        <Tooltip cursor={{ fill: COLORS.panelRaised }} contentStyle={CHART_TOOLTIP_STYLE} formatter={(value) => count(Number(value))} />
        <Bar
          dataKey="reported"
          name={t('kpi.reported')}
          fill={SERIES_COLORS.reported}
          isAnimationActive={false}
          shape={MonthBar}
          cursor="pointer"
          onClick={(_, index) => onMonths(index, index)}
        />
        <Brush
          dataKey="month"
          height={22}
          stroke={COLORS.accent}
          fill={COLORS.panel}
          travellerWidth={10}
          startIndex={start}
          endIndex={end}
          onChange={({ startIndex, endIndex }) => {
            clearTimeout(brushTimer.current);
            brushTimer.current = setTimeout(() => {
              if (startIndex !== undefined && endIndex !== undefined && (startIndex !== start || endIndex !== end)) {
                onMonths(startIndex, endIndex);
              }
            }, 300);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
});
