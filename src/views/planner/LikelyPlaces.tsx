import { memo } from 'react';
import { updateFilter } from '../../filters/location-store';
import { useT } from '../../i18n';
import { ELSEWHERE_IN_MP, HOME } from '../../stats/destination-model';
import { stateName } from '../corridors/names';
import { destinationLabel } from './names';
import type { Planner } from './use-planner';

/**
 * Expected still-missing children per destination and per town, with 90% intervals.
 * Memoized: not redrawn while a filter change is fetched.
 */
export const LikelyPlaces = memo(function LikelyPlaces({ planner }: { planner: Pick<Planner, 'destinations' | 'towns'> }) {
  const f = useT();
  const { t, number } = f;
  const interval = (e: { lower: number; upper: number }) => `${number(e.lower)}–${number(e.upper)}`;
  return (
    <div className="planner-columns">
      <table className="survival-table" data-testid="likely-destinations">
        <thead>
          <tr>
            <th>{t('planner.destination')}</th>
            <th className="num">{t('planner.expected')}</th>
            <th className="num">{t('planner.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {planner.destinations
            .filter((d) => d.expected >= 0.05)
            .map((d) => (
              <tr key={d.destination} data-destination={d.destination}>
                <td>
                  {d.destination === HOME || d.destination === ELSEWHERE_IN_MP ? (
                    destinationLabel(d.destination, f)
                  ) : (
                    <button type="button" className="link" onClick={() => updateFilter({ states: [d.destination] })}>
                      {destinationLabel(d.destination, f)}
                    </button>
                  )}
                </td>
                <td className="num">{f.decimal(d.expected, 1)}</td>
                <td className="num">{interval(d)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <table className="survival-table" data-testid="likely-towns">
        <thead>
          <tr>
            <th>{t('planner.town')}</th>
            <th className="num">{t('planner.expected')}</th>
            <th className="num">{t('planner.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {planner.towns.map((town) => (
            <tr key={town.destination}>
              <td>
                {town.place.name}, {stateName(town.place.state, f)}
              </td>
              <td className="num">{f.decimal(town.expected, 1)}</td>
              <td className="num">{interval(town)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
