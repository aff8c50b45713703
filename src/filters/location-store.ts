import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Filter } from './filter';
import { formatLocation, parseLocation, type AppLocation, type ViewSettings } from './url';

/** The URL hash is the single store of view, filter and language: links and back/forward just work. */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let cachedHash: string | undefined;
let cachedLocation: AppLocation | undefined;

/**
 * `next`, with every part equal to the same part of `previous` replaced by it: a change of one filter field
 * leaves the other fields (and settings) the same objects, so memoized views and map layers that do not use
 * the changed field are skipped while the new results are fetched.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
  if (previous === next) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    return previous.length === next.length && next.every((v, i) => v === previous[i]) ? previous : next;
  }
  if (previous && next && typeof previous === 'object' && typeof next === 'object' && !Array.isArray(previous) && !Array.isArray(next)) {
    const before = previous as Record<string, unknown>;
    const merged: Record<string, unknown> = {};
    let same = Object.keys(before).length === Object.keys(next).length;
    for (const [key, value] of Object.entries(next)) {
      merged[key] = keepUnchanged(before[key], value);
      if (merged[key] !== before[key] || !(key in before)) same = false;
    }
    return same ? previous : (merged as T);
  }
  return next;
}

function snapshot(): AppLocation {
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    const parsed = parseLocation(cachedHash);
    cachedLocation = cachedLocation ? keepUnchanged(cachedLocation, parsed) : parsed;
  }
  return cachedLocation!;
}

/**
 * A briefing slide shows a saved view: inside it, views read the slide's location instead of the page's.
 * Changes still go to the page's URL (slides are not edited in place).
 */
export const SlideLocation = createContext<AppLocation | undefined>(undefined);

/** Whether the calling component is drawn inside a briefing slide (which can be exported as an image). */
export function useInSlide(): boolean {
  return useContext(SlideLocation) !== undefined;
}

/**
 * One part of the location: the component re-renders only when that part changes (a number, a string, or an
 * object kept the same by `keepUnchanged`), not on every change of the URL.
 */
export function useLocationPart<T>(select: (location: AppLocation) => T): T {
  const slide = useContext(SlideLocation);
  const page = useSyncExternalStore(subscribe, () => select(snapshot()));
  return slide ? select(slide) : page;
}

/** The page's filter now (not a slide's). */
export function pageFilter(): Filter {
  return snapshot().filter;
}

/**
 * Calls `listener` with the page's new filter when a URL change alters only the filter (same view, same
 * settings), before React redraws for it: the views' queries for it can start at once.
 */
export function onFilterChange(listener: (filter: Filter) => void): () => void {
  let before = snapshot();
  const handle = () => {
    const next = snapshot();
    const previous = before;
    before = next;
    if (next.filter === previous.filter) return;
    const parts = new Set([...Object.keys(previous), ...Object.keys(next)] as (keyof AppLocation)[]);
    if ([...parts].every((part) => part === 'filter' || next[part] === previous[part])) listener(next.filter);
  };
  // Capturing: called before React's own listener, whose redraw would otherwise run first.
  window.addEventListener('hashchange', handle, { capture: true });
  return () => window.removeEventListener('hashchange', handle, { capture: true });
}

export function useLocation(): AppLocation {
  const slide = useContext(SlideLocation);
  const page = useSyncExternalStore(subscribe, snapshot);
  return slide ?? page;
}

/**
 * Moves to a new location, adding a history entry so back and forward step through changes; with
 * `replace` (playback steps) the entry is replaced instead.
 */
export function navigate(change: Partial<AppLocation>, { replace = false } = {}): void {
  goTo(formatLocation({ ...snapshot(), ...change }), { replace });
}

/**
 * Goes to `hash` as the app's own controls do: a new history entry (or the current one replaced), with the
 * change announced at once. Setting `location.hash` would announce it only in a later task, after the
 * browser has drawn a frame; back and forward still announce theirs with the browser's own event.
 */
export function goTo(hash: string, { replace = false } = {}): void {
  if (hash === window.location.hash) return;
  if (replace) window.history.replaceState(null, '', hash);
  else window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Changes part of the page's filter; `change` may be computed from the current filter (a toggle). */
export function updateFilter(change: Partial<Filter> | ((filter: Filter) => Partial<Filter>), options?: { replace?: boolean }): void {
  const filter = snapshot().filter;
  navigate({ filter: { ...filter, ...(typeof change === 'function' ? change(filter) : change) } }, options);
}

export function updateSettings(change: Partial<ViewSettings>): void {
  navigate({ settings: { ...snapshot().settings, ...change } });
}
