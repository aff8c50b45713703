import type { CorridorColoring, CorridorLevel } from '../../filters/url';
import { useT } from '../../i18n';
import type { Corridor } from '../../queries/corridors';
import { rgbCss } from '../../theme';
import { corridorOriginColor, corridorTargetColor } from './corridor-layers';
import { destinationName, stateName } from './names';

const SHOWN = 15;

export function TopCorridors({
  corridors,
  level,
  coloring,
  onSelect,
}: {
  corridors: Corridor[];
  level: CorridorLevel;
  coloring: CorridorColoring;
  onSelect: (corridor: Corridor) => void;
}) {
  const f = useT();
  const { t, number, name } = f;
  return (
    <aside className="top-corridors">
      <h2>{t('corridors.top')}</h2>
      <ol data-testid="top-corridors">
        {corridors.slice(0, SHOWN).map((c) => (
          <li key={`${c.origin}>${c.target}`}>
            <button type="button" className="corridor-item" onClick={() => onSelect(c)}>
              <span className="route">
                <i style={{ background: rgbCss(corridorOriginColor(coloring)) }} />
                {name({ name: c.originName, nameHi: c.originNameHi })} → {destinationName(c, level, f)}
                <i style={{ background: rgbCss(corridorTargetColor(c, coloring)) }} />
              </span>
              <span className="detail">
                {level === 'state' ? '' : `${stateName(c.state, f)} · `}
                {number(c.count)} · {t('corridors.days', { n: number(c.medianDays) })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
