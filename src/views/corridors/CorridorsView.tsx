import { useQuery } from '../../data/use-query';
import { useLocation } from '../../filters/location-store';
import { useT } from '../../i18n';
import { corridorsQuery, corridorTotalsQuery } from '../../queries/corridors';
import { CORRIDOR_COLORS, rgbCss } from '../../theme';
import { CorridorMap } from './CorridorMap';
import { TopCorridors } from './TopCorridors';

export function CorridorsView() {
  const { filter } = useLocation();
  const { t, number } = useT();
  const corridors = useQuery(corridorsQuery, filter);
  const totals = useQuery(corridorTotalsQuery, filter);
  const data = corridors.data ?? [];
  return (
    <div className="corridors">
      <section className="map-panel">
        <h2>{t('corridors.heading')}</h2>
        <div className="legend">
          <span><i style={{ background: rgbCss(CORRIDOR_COLORS.origin) }} />{t('corridors.legendOrigin')}</span>
          <span><i style={{ background: rgbCss(CORRIDOR_COLORS.withinMp) }} />{t('corridors.legendWithin')}</span>
          <span><i style={{ background: rgbCss(CORRIDOR_COLORS.interstate) }} />{t('corridors.legendInterstate')}</span>
        </div>
        <CorridorMap corridors={data} />
        {corridors.status === 'ready' && data.length === 0 && <p className="empty">{t('status.empty')}</p>}
        {corridors.status === 'error' && <p className="error">{t('status.queryError', { message: corridors.error })}</p>}
        {totals.data && (
          <p className="note" data-testid="not-drawn">
            {t('corridors.notDrawn', { home: number(totals.data.withinHomeDistrict), unlocated: number(totals.data.unlocated) })}
          </p>
        )}
        <p className="attribution">{t('corridors.attribution')}</p>
      </section>
      <TopCorridors corridors={data} />
    </div>
  );
}
