import { useLocation } from '../../filters/location-store';
import { BriefingEditor } from './BriefingEditor';
import { Presenter } from './Presenter';
import { useBriefing } from './use-briefing';

/** `#/briefing` lists the slides; `#/briefing/N` presents slide N. */
export function BriefingView() {
  const { slide } = useLocation();
  const { briefing, saved } = useBriefing();
  return slide ? <Presenter briefing={briefing} /> : <BriefingEditor briefing={briefing} saved={saved} />;
}
