import { memo } from 'react';
import type { CorridorColoring, CorridorLevel } from '../../filters/url';
import { useT } from '../../i18n';
import type { Corridor } from '../../queries/corridors';
import { rgbCss } from '../../theme';
import { corridorOriginColor, corridorTargetColor } from './corridor-layers';
import { destinationName, medianText, stateName } from './names';

/** The largest corridors as a list; memoized, it is not redrawn while a filter change is fetched. */
export const TopCorridors = memo(function TopCorridors({
  corridors,
  level,
  coloring,
  onSelect,
  shown = 15,
}: {
  corridors: Corridor[];
  level: CorridorLevel;
  coloring: CorridorColoring;
  onSelect: (corridor: Corridor) => void;
  shown?: number;
}) {
  const f = useT();
  const { t, name } = f;
  return (
    <aside className="top-corridors">
      <h2>{t('corridors.top')}</h2>
      <p className="note">{t('corridors.topNote')}</p>
      <ol data-testid="top-corridors">
        {corridors.slice(0, shown).map((c) => (
          <li key={`${c.origin}>${c.target}`}>
            <button type="button" className="corridor-item" onClick={() => onSelect(c)}>
              <span className="route">
                <i style={{ background: rgbCss(corridorOriginColor(coloring)) }} />
                {name({ name: c.originName, nameHi: c.originNameHi })} → {destinationName(c, level, f)}
                <i style={{ background: rgbCss(corridorTargetColor(c, coloring)) }} />
              </span>
              <span className="detail">
                {level === 'state' ? '' : `${stateName(c.state, f)} · `}
                {f.count(c.count)} · {medianText(c.count, c.medianDays, f)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
});
