import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Filter } from './filter';
import { formatLocation, parseLocation, type AppLocation, type ViewSettings } from './url';

/** The URL hash is the single store of view, filter and language: links and back/forward just work. */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let cachedHash: string | undefined;
let cachedLocation: AppLocation;

function snapshot(): AppLocation {
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    cachedLocation = parseLocation(cachedHash);
  }
  return cachedLocation;
}

/**
 * A briefing slide shows a saved view: inside it, views read the slide's location instead of the page's.
 * Changes still go to the page's URL (slides are not edited in place).
 */
export const SlideLocation = createContext<AppLocation | undefined>(undefined);

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
  const next = formatLocation({ ...snapshot(), ...change });
  if (next === window.location.hash) return;
  if (replace) {
    window.history.replaceState(null, '', next);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = next;
  }
}

export function updateFilter(change: Partial<Filter>, options?: { replace?: boolean }): void {
  navigate({ filter: { ...snapshot().filter, ...change } }, options);
}

export function updateSettings(change: Partial<ViewSettings>): void {
  navigate({ settings: { ...snapshot().settings, ...change } });
}
