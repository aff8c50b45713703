/**
 * Counts work that must finish before the screen shows the current filter: queries in flight and
 * map redraws. The app is `ready` when the snapshot is loaded and nothing is pending.
 */
let pending = 0;
/** Of the pending work, queries not yet answered and decoded (the rest is drawing): the benchmark's data time. */
let pendingQueries = 0;
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

/** Marks a query as sent; the returned function marks its result decoded. */
export function beginQuery(): () => void {
  pendingQueries++;
  emit();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pendingQueries--;
    emit();
  };
}

export function pendingQueryCount(): number {
  return pendingQueries;
}

export function subscribeWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
