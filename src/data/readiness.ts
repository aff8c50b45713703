/**
 * Counts work that must finish before the screen shows the current filter: queries in flight and
 * map redraws. The app is `ready` when the snapshot is loaded and nothing is pending.
 */
let pending = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Marks work as started; the returned function marks it finished (calling it twice is harmless). */
export function beginWork(): () => void {
  pending++;
  emit();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending--;
    emit();
  };
}

export function pendingWork(): number {
  return pending;
}

export function subscribeWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
