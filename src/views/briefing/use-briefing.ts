import { useMemo } from 'react';
import { useSession } from '../../data/session';
import { monthlyReview, newSlideId, slideLink, VIEW_PANELS, type Briefing, type Slide } from '../../briefing/briefing';
import { saveBriefing, useSavedBriefing } from '../../briefing/store';
import type { AppLocation } from '../../filters/url';
import { STRINGS } from '../../i18n';

/** The briefing of this browser: the saved one, or the "Monthly review" for the loaded snapshot. */
export function useBriefing(): { briefing: Briefing; saved: boolean } {
  const saved = useSavedBriefing();
  const session = useSession();
  const asOf = session.status === 'ready' ? session.manifest.asOf : '1970-01-01';
  const review = useMemo(() => monthlyReview(asOf), [asOf]);
  return { briefing: saved ?? review, saved: saved !== null };
}

/** A slide of the location's view, titled with the view's name in both languages. */
export function slideOf(location: AppLocation): Slide {
  const view = location.view;
  return {
    id: newSlideId(),
    panel: VIEW_PANELS[view],
    link: slideLink(location),
    title: { en: STRINGS.en.nav[view], hi: STRINGS.hi.nav[view] },
  };
}

export function changeSlides(briefing: Briefing, change: (slides: Slide[]) => Slide[]): void {
  saveBriefing({ ...briefing, slides: change([...briefing.slides]) });
}

export function moveSlide(briefing: Briefing, index: number, by: -1 | 1): void {
  changeSlides(briefing, (slides) => {
    const target = index + by;
    if (target < 0 || target >= slides.length) return slides;
    [slides[index], slides[target]] = [slides[target], slides[index]];
    return slides;
  });
}
