import type { CorridorColoring } from '../../filters/url';
import { useT } from '../../i18n';
import { CORRIDOR_COLORS, DAYS_COLOR_STOPS, rgbCss } from '../../theme';
import { corridorOriginColor } from './corridor-layers';

/** What the arc colours say, and that each arc brightens towards its destination; always shown. */
export function CorridorLegend({ coloring }: { coloring: CorridorColoring }) {
  const { t } = useT();
  return (
    <div className="legend" data-testid="legend">
      <span>
        <i style={{ background: rgbCss(corridorOriginColor(coloring)) }} />
        {t('corridors.legendOrigin')}
      </span>
      {coloring === 'scope' ? (
        <>
          <span>
            <i style={{ background: rgbCss(CORRIDOR_COLORS.withinMp) }} />
            {t('corridors.legendWithin')}
          </span>
          <span>
            <i style={{ background: rgbCss(CORRIDOR_COLORS.interstate) }} />
            {t('corridors.legendInterstate')}
          </span>
        </>
      ) : (
        <span className="gradient">
          {t('corridors.legendDays')}
          {DAYS_COLOR_STOPS.map((s) => (
            <span key={s.days} className="stop">
              <i style={{ background: rgbCss(s.color) }} />
              {s.days}
            </span>
          ))}
        </span>
      )}
      <span className="direction">{t('corridors.legendDirection')}</span>
    </div>
  );
}
