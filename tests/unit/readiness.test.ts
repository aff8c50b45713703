import { afterEach, describe, expect, it, vi } from 'vitest';
import { beginOffscreenWork, beginWork, pendingAllWork, pendingWork, workSettled } from '../../src/data/readiness';

afterEach(() => {
  vi.useRealTimers();
});

const resolvedYet = async (promise: Promise<void>) => {
  let resolved = false;
  void promise.then(() => (resolved = true));
  await Promise.resolve();
  await Promise.resolve();
  return resolved;
};

describe('workSettled: the second engine waits for the first view to be drawn', () => {
  it('waits for work to start and then for every piece of it to end', async () => {
    const settled = workSettled(10_000);
    expect(await resolvedYet(settled)).toBe(false);
    const query = beginWork();
    const map = beginWork();
    query();
    expect(await resolvedYet(settled)).toBe(false);
    map();
    expect(await resolvedYet(settled)).toBe(true);
  });

  it('counts work already under way when it is asked', async () => {
    const drawing = beginWork();
    const settled = workSettled(10_000);
    expect(await resolvedYet(settled)).toBe(false);
    drawing();
    expect(await resolvedYet(settled)).toBe(true);
  });

  it('gives up waiting after its timeout when no work starts', async () => {
    vi.useFakeTimers();
    const settled = workSettled(10_000);
    vi.advanceTimersByTime(9_999);
    expect(await resolvedYet(settled)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await resolvedYet(settled)).toBe(true);
  });
});

describe('work off screen: the sections below the fold catching up in the background', () => {
  it('keeps the page from being ready, not the screen from being drawn', async () => {
    const query = beginWork();
    const section = beginOffscreenWork();
    const settled = workSettled(10_000);
    expect(pendingAllWork()).toBe(2);
    query();
    // The screen is drawn (the first view's drawing is what the second engine waits for) ...
    expect(pendingWork()).toBe(0);
    expect(await resolvedYet(settled)).toBe(true);
    // ... but the page still has a section to bring up to date.
    expect(pendingAllWork()).toBe(1);
    section();
    section();
    expect(pendingAllWork()).toBe(0);
  });
});
