import { createContext, useContext } from 'react';

/**
 * Counts work that must finish before the screen shows the current filter: queries in flight and
 * map redraws; apart from it, the work of sections off screen catching up. The app is `ready` when the
 * snapshot is loaded and nothing is pending, on screen or off.
 */
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** A count of pending things; `begin` returns the function that ends one (calling it twice is harmless). */
function pendingCounter() {
  let pending = 0;
  return {
    begin(): () => void {
      pending++;
      emit();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        pending--;
        emit();
      };
    },
    count: (): number => pending,
  };
}

const work = pendingCounter();
/** Of the pending work, queries not yet answered and decoded (the rest is drawing): the benchmark's data time. */
const queries = pendingCounter();
/**
 * Work of the sections off screen, which follow a change in the background once the screen shows it (their queries
 * and drawing alike, `DeferredSection`): the page is `ready` only when they are done too.
 */
const offscreen = pendingCounter();

export const beginWork = work.begin;
export const pendingWork = work.count;
export const beginQuery = queries.begin;
export const pendingQueryCount = queries.count;
export const beginOffscreenWork = offscreen.begin;
/** Everything the page still has to do for the current filter, on screen and off. */
export const pendingAllWork = (): number => work.count() + offscreen.count();

/** Where a component's work is counted, and how its answers are shown: on screen, or in a section off screen. */
export interface WorkScope {
  beginWork(): () => void;
  beginQuery(): () => void;
  /** Applies a state update with an answer: at once on screen, in the background off screen. */
  show(update: () => void): void;
  /** Whether the component is on screen now: its queries are sent to the engines before those of sections off screen. */
  onScreen(): boolean;
}

const SCREEN_SCOPE: WorkScope = { beginWork, beginQuery, show: (update) => update(), onScreen: () => true };

export const WorkScopeContext = createContext<WorkScope>(SCREEN_SCOPE);

/** How the calling component counts its work: on screen unless it is inside a section off screen. */
export function useWorkScope(): WorkScope {
  return useContext(WorkScopeContext);
}

export function subscribeWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Resolves once the page's work has started and all of it has ended — the views shown with a snapshot just loaded have
 * drawn it — or after `timeoutMs`, for a screen that starts no work.
 */
export function workSettled(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let started = work.count() > 0;
    const check = () => {
      if (work.count() > 0) started = true;
      else if (started) settle();
    };
    const settle = () => {
      listeners.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(settle, timeoutMs);
    listeners.add(check);
  });
}
