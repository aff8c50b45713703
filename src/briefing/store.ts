import { useSyncExternalStore } from 'react';
import { parseBriefing, type Briefing } from './briefing';

/** The briefing is kept in this browser; nothing leaves the machine. */
const KEY = 'muskaan-atlas.briefing';
const listeners = new Set<() => void>();
let cachedText: string | null | undefined;
let cached: Briefing | null = null;

function read(): Briefing | null {
  const textNow = window.localStorage.getItem(KEY);
  if (textNow !== cachedText) {
    cachedText = textNow;
    try {
      cached = textNow === null ? null : parseBriefing(textNow);
    } catch {
      // A copy damaged outside the app is set aside rather than shown half-read.
      cached = null;
    }
  }
  return cached;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The saved briefing, or null when none is saved (the default is then shown). */
export function useSavedBriefing(): Briefing | null {
  return useSyncExternalStore(subscribe, read);
}

export function saveBriefing(briefing: Briefing | null): void {
  if (briefing === null) window.localStorage.removeItem(KEY);
  else window.localStorage.setItem(KEY, JSON.stringify(briefing));
  for (const listener of listeners) listener();
}
