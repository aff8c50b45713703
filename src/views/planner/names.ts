import type { Translator } from '../../i18n';
import { ELSEWHERE_IN_MP, HOME } from '../../stats/destination-model';
import { stateName } from '../corridors/names';

/** A planner destination as users say it: home district, elsewhere in MP, or the state's name. */
export function destinationLabel(destination: string, f: Translator): string {
  if (destination === HOME) return f.t('planner.home');
  if (destination === ELSEWHERE_IN_MP) return f.t('planner.mp');
  return stateName(destination, f);
}
