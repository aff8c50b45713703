import { describe, expect, it } from 'vitest';
import { BriefingFileError, monthlyReview, parseBriefing, slideLocation } from '../../src/briefing/briefing';
import type { InterstateRecovery } from '../../src/queries/summary';
import { byDistance, interstateRoutes } from '../../src/views/summary/press-note';

describe('the default "Monthly review"', () => {
  it('covers the last whole month and the twelve months to it', () => {
    const review = monthlyReview('2025-11-30');
    expect(review.slides.map((s) => s.panel)).toEqual([
      'headline',
      'summary',
      'corridors',
      'emerging',
      'leaderboard',
      'survival',
      'likely',
    ]);
    expect(review.slides.map((s) => s.link)).toEqual([
      '#/corridors?from=2025-11-01&to=2025-11-30',
      '#/summary?month=2025-11',
      '#/corridors?from=2024-12-01&to=2025-11-30',
      '#/corridors',
      '#/districts?from=2024-12-01&to=2025-11-30',
      '#/recovery',
      '#/planner',
    ]);
    // A snapshot taken mid-month reviews the month before.
    expect(monthlyReview('2025-11-15').slides[0].link).toBe('#/corridors?from=2025-10-01&to=2025-10-31');
    expect(review.slides.every((s) => s.title.en && s.title.hi)).toBe(true);
  });

  it('survives a round trip through its file', () => {
    const review = monthlyReview('2025-11-30');
    expect(parseBriefing(JSON.stringify(review))).toEqual(review);
  });

  it('shows a slide in the presenter’s language', () => {
    const location = slideLocation(monthlyReview('2025-11-30').slides[4], 'hi');
    expect(location).toMatchObject({ view: 'districts', lang: 'hi', filter: { from: '2024-12-01', to: '2025-11-30' } });
  });
});

describe('a briefing file', () => {
  const slide = { id: 'a', panel: 'trend', link: '#/recovery?sex=F', title: { en: 'Trend', hi: 'रुझान' } };
  const file = (change: object) => JSON.stringify({ version: 1, title: { en: 'T', hi: 'T' }, slides: [slide], ...change });

  it('is refused with the reason when it is not a briefing', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['[]', /does not hold a briefing/],
      [file({ version: 2 }), /version must be 1/],
      [file({ slides: [] }), /slides must be a list of 1 to 60/],
      [file({ slides: [{ ...slide, panel: 'pie' }] }), /slides\[0\]\.panel/],
      [file({ slides: [{ ...slide, link: 'https://example.com' }] }), /slides\[0\]\.link/],
      [file({ slides: [slide, slide] }), /slides\[1\]\.id repeats/],
      [file({ slides: [{ ...slide, title: { en: 'x'.repeat(501), hi: '' } }] }), /slides\[0\]\.title\.en/],
      [file({ slides: [{ ...slide, note: 5 }] }), /slides\[0\]\.note/],
    ];
    for (const [text, reason] of cases) {
      expect(() => parseBriefing(text)).toThrow(BriefingFileError);
      expect(() => parseBriefing(text)).toThrow(reason);
    }
  });

  it('keeps links only as the app writes them: unknown or hostile parameters are dropped', () => {
    const read = parseBriefing(file({ slides: [{ ...slide, link: "#/recovery?sex=F,X&district=x')--&lang=hi" }] }));
    expect(read.slides[0].link).toBe('#/recovery?sex=F');
  });
});

describe("the press note's interstate routes", () => {
  const recovery = (caseId: string, origin: string, place: string, km: number | null, days: number): InterstateRecovery => ({
    caseId,
    origin,
    originName: origin,
    originNameHi: origin,
    station: null,
    ageBand: '15-17',
    sex: 'F',
    place,
    state: 'IN-UP',
    km,
    days,
  });

  it('groups case lines by origin and destination with median km and days, hiding small counts and their partner', () => {
    const cases = [
      ...Array.from({ length: 6 }, (_, i) => recovery(`a${i}`, 'khargone', 'Gorakhpur', 950 + i, 100 + i)),
      recovery('b1', 'rewa', 'Prayagraj', 120, 9),
      recovery('b2', 'rewa', 'Prayagraj', null, 11),
      ...Array.from({ length: 7 }, (_, i) => recovery(`c${i}`, 'dhar', 'Lucknow', 700, 50)),
    ];
    const routes = interstateRoutes(cases);
    expect(routes.map((r) => [r.origin, r.children, r.km, r.medianDays, r.hidden])).toEqual([
      ['khargone', 6, 953, 102.5, true],
      ['rewa', 2, 120, 10, true],
      ['dhar', 7, 700, 50, false],
    ]);
    expect(byDistance(routes, 2).map((r) => r.origin)).toEqual(['khargone', 'dhar']);
  });
});
