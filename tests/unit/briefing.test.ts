import { describe, expect, it } from 'vitest';
import { BriefingFileError, monthlyReview, parseBriefing, slideLocation } from '../../src/briefing/briefing';
import type { InterstateRecovery } from '../../src/queries/summary';
import { byDistance, interstateRoutes, pressNoteSuppression } from '../../src/views/summary/press-note';

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

  it('groups case lines by origin and destination with median km and days', () => {
    const cases = [
      ...Array.from({ length: 6 }, (_, i) => recovery(`a${i}`, 'khargone', 'Gorakhpur', 950 + i, 100 + i)),
      recovery('b1', 'rewa', 'Prayagraj', 120, 9),
      recovery('b2', 'rewa', 'Prayagraj', null, 11),
      ...Array.from({ length: 7 }, (_, i) => recovery(`c${i}`, 'dhar', 'Lucknow', 700, 50)),
    ];
    const routes = interstateRoutes(cases);
    expect(routes.map((r) => [r.origin, r.children, r.km, r.medianDays])).toEqual([
      ['khargone', 6, 953, 102.5],
      ['rewa', 2, 120, 10],
      ['dhar', 7, 700, 50],
    ]);
    expect(byDistance(routes, 2).map((r) => r.origin)).toEqual(['khargone', 'dhar']);
  });

  it('hides what the district table and the routes would give away read together', () => {
    // Khargone: 13 children recovered in other states, 11 at Gorakhpur and 2 at Prayagraj. The district table
    // prints 13, so hiding only the 2 would leave it as 13 − 11: the 11 is hidden too.
    const cases = [
      ...Array.from({ length: 11 }, (_, i) => recovery(`g${i}`, 'khargone', 'Gorakhpur', 950, 100)),
      recovery('p1', 'khargone', 'Prayagraj', 700, 20),
      recovery('p2', 'khargone', 'Prayagraj', 700, 30),
      ...Array.from({ length: 9 }, (_, i) => recovery(`l${i}`, 'dhar', 'Lucknow', 700, 50)),
    ];
    // Districts × (reported, recovered, interstate).
    const districts = [
      { id: 'dhar', counts: [40, 30, 9] },
      { id: 'khargone', counts: [50, 35, 13] },
    ];
    const { routes, districtCells } = pressNoteSuppression(interstateRoutes(cases), districts, 2);
    expect(routes.map((r) => [r.origin, r.place, r.hidden])).toEqual([
      ['khargone', 'Gorakhpur', true],
      ['khargone', 'Prayagraj', true],
      ['dhar', 'Lucknow', false],
    ]);
    // Nothing in the district table is small, and nothing there is needed to protect the routes.
    expect(districtCells).toEqual([
      [false, false, false],
      [false, false, false],
    ]);
  });

  it('hides a district interstate count when its only route is hidden, and the routes that would give it back', () => {
    // Rewa's 3 interstate children all went to Prayagraj: hidden in both tables; the printed total 3 + 9 + 7
    // would give Rewa back, so a second district's count and its route are hidden too.
    const cases = [
      ...Array.from({ length: 3 }, (_, i) => recovery(`r${i}`, 'rewa', 'Prayagraj', 120, 9)),
      ...Array.from({ length: 9 }, (_, i) => recovery(`l${i}`, 'dhar', 'Lucknow', 700, 50)),
      ...Array.from({ length: 7 }, (_, i) => recovery(`g${i}`, 'khargone', 'Gorakhpur', 950, 100)),
    ];
    const districts = [
      { id: 'dhar', counts: [40, 30, 9] },
      { id: 'khargone', counts: [50, 35, 7] },
      { id: 'rewa', counts: [20, 12, 3] },
    ];
    const { routes, districtCells } = pressNoteSuppression(interstateRoutes(cases), districts, 2);
    const hiddenRoutes = routes.filter((r) => r.hidden).map((r) => r.origin);
    const hiddenInterstate = districts.filter((_, i) => districtCells[i][2]).map((d) => d.id);
    expect(hiddenRoutes).toContain('rewa');
    expect(hiddenRoutes.length).toBeGreaterThanOrEqual(2);
    // The same districts are hidden in both tables: a count shown in one never completes the other.
    expect([...hiddenInterstate].sort()).toEqual([...hiddenRoutes].sort());
  });
});
