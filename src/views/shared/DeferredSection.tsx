import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { beginOffscreenWork, beginQuery, beginWork, WorkScopeContext, type WorkScope } from '../../data/readiness';

/**
 * A section of a view that follows a filter change at once while it is on screen, and in the background while it is
 * off screen (below the fold): the screen shows the change first, and the sections the officer cannot see catch up in
 * a React transition, which the next click interrupts. Their queries and drawing count as off-screen work, so
 * `#root[data-status]` still waits for them; scrolled into view, a section draws the current filter at once.
 */
export function DeferredSection({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState(false);
  const onScreenNow = useRef(false);
  // What the section has drawn: on screen, always the latest; off screen, caught up in a transition. Never an older
  // one than it drew, when a section drawn on screen leaves it (the page's layout moves as answers arrive).
  const [drawn, setDrawn] = useState(children);
  if (onScreen && drawn !== children) setDrawn(children);
  const shown = onScreen ? children : drawn;
  const lagging = shown !== children;
  useEffect(() => {
    if (lagging) startTransition(() => setDrawn(children));
  }, [lagging, children]);

  useLayoutEffect(() => {
    const section = ref.current!;
    const see = (visible: boolean) => {
      onScreenNow.current = visible;
      setOnScreen(visible);
    };
    // Measured before the first effects start their work, which the observer's first report would come after.
    const { top, bottom } = section.getBoundingClientRect();
    see(top < window.innerHeight && bottom > 0);
    const observer = new IntersectionObserver(([entry]) => see(entry.isIntersecting));
    observer.observe(section);
    return () => observer.disconnect();
  }, []);

  // Until the transition has drawn the current filter, the page is not ready: its charts size themselves in a render
  // of their own after it, so the work ends at the next animation frame.
  useEffect(() => {
    if (!lagging) return undefined;
    const caughtUp = beginOffscreenWork();
    return () => void requestAnimationFrame(() => caughtUp());
  }, [lagging]);

  // Read when the work begins: a section scrolled into view counts what it then starts as on screen.
  const scope = useMemo<WorkScope>(
    () => ({
      beginWork: () => (onScreenNow.current ? beginWork() : beginOffscreenWork()),
      beginQuery: () => (onScreenNow.current ? beginQuery() : beginOffscreenWork()),
      // A component that follows the location itself (the alerts) gets its answer here, not through the section.
      show: (update) => (onScreenNow.current ? update() : startTransition(update)),
      onScreen: () => onScreenNow.current,
    }),
    [],
  );

  return (
    <div ref={ref} data-offscreen={onScreen ? undefined : ''}>
      <WorkScopeContext.Provider value={scope}>{shown}</WorkScopeContext.Provider>
    </div>
  );
}
