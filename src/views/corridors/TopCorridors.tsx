import { STATE_BY_CODE } from '../../geo/states';
import { useT } from '../../i18n';
import type { Corridor } from '../../queries/corridors';
import { CORRIDOR_COLORS, rgbCss } from '../../theme';
import { corridorTargetColor } from './corridor-layers';

const SHOWN = 15;

export function TopCorridors({ corridors }: { corridors: Corridor[] }) {
  const { t, number, name } = useT();
  return (
    <aside className="top-corridors">
      <h2>{t('corridors.top')}</h2>
      <ol data-testid="top-corridors">
        {corridors.slice(0, SHOWN).map((c) => {
          const state = STATE_BY_CODE.get(c.state);
          return (
            <li key={`${c.origin}|${c.place}|${c.placeDistrict}|${c.state}`}>
              <span className="route">
                <i style={{ background: rgbCss(CORRIDOR_COLORS.origin) }} />
                {name({ name: c.originName, nameHi: c.originNameHi })} → {c.place}
                <i style={{ background: rgbCss(corridorTargetColor(c)) }} />
              </span>
              <span className="detail">
                {state ? name(state) : c.state} · {number(c.count)} · {t('corridors.days', { n: number(c.medianDays) })}
              </span>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
