import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { addYears, isRealDate, shiftMonths, wholeMonths } from '../../src/filters/dates';
import { sqlDate } from '../../src/filters/sql';
import { DEFAULT_LOCATION, DEFAULT_SETTINGS, formatLocation, parseLocation, type AppLocation } from '../../src/filters/url';
import { goTo, keepUnchanged, onFilterChange } from '../../src/filters/location-store';

describe('URL ⇄ location', () => {
  it('reads the example from the README', () => {
    const location = parseLocation('#/corridors?from=2025-01-01&to=2025-10-31&sex=F');
    expect(location.view).toBe('corridors');
    expect(location.filter).toEqual({ ...EMPTY_FILTER, from: '2025-01-01', to: '2025-10-31', sex: ['F'] });
  });

  it('round-trips every field', () => {
    const location: AppLocation = {
      view: 'districts',
      lang: 'hi',
      snapshot: 'scale-1m',
      settings: {
        group: 'district',
        level: 'state',
        color: 'days',
        compare: 'year',
        flows: 'all',
        arcs: 500,
        recent: 6,
        teams: 8,
        radius: 100,
        basesInMp: true,
        cutoff: '2024-06-30',
        month: '2024-11',
        edition: 'internal',
        suppress: true,
      },
      filter: {
        from: '2023-01-01',
        to: '2024-12-31',
        sex: ['F', 'T'],
        ageBands: ['12-14', '15-17'],
        districts: ['khargone', 'agar-malwa'],
        states: ['IN-UP', 'IN-GJ'],
        scope: 'interstate',
        status: 'recovered',
      },
    };
    const hash = formatLocation(location);
    expect(hash).toBe(
      '#/districts?from=2023-01-01&to=2024-12-31&sex=F,T&age=12-14,15-17' +
        '&district=khargone,agar-malwa&state=IN-UP,IN-GJ&scope=interstate&status=recovered' +
        '&group=district&level=state&color=days&compare=year&flows=all&arcs=500&recent=6&teams=8&radius=100&edition=internal' +
        '&bases=any&cutoff=2024-06-30&month=2024-11&suppress=on&snapshot=scale-1m&lang=hi',
    );
    expect(parseLocation(hash)).toEqual(location);
  });

  it('keeps the slide being presented in the briefing path, and only there', () => {
    expect(parseLocation('#/briefing/3?lang=hi')).toMatchObject({ view: 'briefing', slide: 3, lang: 'hi' });
    expect(formatLocation(parseLocation('#/briefing/3?lang=hi'))).toBe('#/briefing/3?lang=hi');
    expect(parseLocation('#/briefing').slide).toBeUndefined();
    expect(parseLocation('#/briefing/0').slide).toBeUndefined();
    expect(parseLocation('#/briefing/x').slide).toBeUndefined();
    expect(parseLocation('#/corridors/3').slide).toBeUndefined();
    expect(formatLocation({ ...parseLocation('#/briefing/3'), view: 'districts' })).toBe('#/districts');
    expect(parseLocation('#/summary?month=2025-13').settings.month).toBeUndefined();
  });

  it('gives the default view for an empty or unknown hash', () => {
    expect(parseLocation('')).toEqual({ ...DEFAULT_LOCATION, snapshot: undefined, filter: { ...EMPTY_FILTER } });
    expect(parseLocation('#/nowhere').view).toBe('corridors');
    expect(formatLocation(DEFAULT_LOCATION)).toBe('#/corridors');
  });

  it('drops malformed and hostile values instead of passing them on', () => {
    const location = parseLocation(
      "#/data?from=2025-13-45&to=yesterday&sex=F,X&age=3-4&district=khargone,x')%20OR%201=1--&state=UP,IN-RJ" +
        '&scope=everywhere&status=lost&snapshot=../secret&lang=fr',
    );
    expect(location.filter).toEqual({ ...EMPTY_FILTER, sex: ['F'], districts: ['khargone'], states: ['IN-RJ'] });
    expect(location.snapshot).toBeUndefined();
    expect(location.lang).toBe('en');
    expect(parseLocation('#/recovery?group=bogus&level=planet&color=red').settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('comparison dates', () => {
  it('shifts a date by whole years, 29 February becoming 28 February', () => {
    expect(addYears('2025-03-31', -1)).toBe('2024-03-31');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('counts whole calendar months, and none for a range that cuts a month', () => {
    expect(wholeMonths('2025-05-01', '2025-07-31')).toBe(3);
    expect(wholeMonths('2024-12-01', '2025-11-30')).toBe(12);
    expect(wholeMonths('2025-05-02', '2025-07-31')).toBeNull();
    expect(wholeMonths('2025-05-01', '2025-07-30')).toBeNull();
    expect(shiftMonths('2025-02-01', 3)).toBe('2024-11-01');
    expect(shiftMonths('2025-11-30', 3)).toBe('2025-08-31');
    expect(shiftMonths('2025-11-15', 15)).toBe('2024-08-15');
    expect(shiftMonths('2025-03-30', 1)).toBe('2025-02-28');
  });
});

describe('dates from a link', () => {
  it('drops dates that do not exist on the calendar instead of passing them to a query', () => {
    expect(parseLocation('#/corridors?from=2025-02-30&to=2025-13-01').filter).toMatchObject({ from: undefined, to: undefined });
    expect(parseLocation('#/corridors?from=2024-02-29&to=2025-02-28').filter).toMatchObject({ from: '2024-02-29', to: '2025-02-28' });
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-04-31')).toBe(false);
    expect(() => sqlDate('2025-02-30')).toThrow(/not a YYYY-MM-DD date/);
  });
});

describe('a new location keeps what did not change', () => {
  const before = parseLocation('#/corridors?sex=F&district=indore,dhar&level=state');

  it('keeps the unchanged filter fields and settings as the same objects, so memoized views skip them', () => {
    const after = keepUnchanged(before, parseLocation('#/corridors?sex=M&district=indore,dhar&level=state'));
    expect(after).toEqual(parseLocation('#/corridors?sex=M&district=indore,dhar&level=state'));
    expect(after.filter.districts).toBe(before.filter.districts);
    expect(after.settings).toBe(before.settings);
    expect(after.filter.sex).not.toBe(before.filter.sex);
    expect(after.filter).not.toBe(before.filter);
  });

  it('returns the previous location itself when nothing changed, and a new list when its order did', () => {
    expect(keepUnchanged(before, parseLocation('#/corridors?sex=F&district=indore,dhar&level=state'))).toBe(before);
    const reordered = keepUnchanged(before, parseLocation('#/corridors?sex=F&district=dhar,indore&level=state'));
    expect(reordered.filter.districts).toEqual(['dhar', 'indore']);
    expect(reordered.filter.sex).toBe(before.filter.sex);
  });

  it('notices a field that appears or disappears', () => {
    const dated = keepUnchanged(before, parseLocation('#/corridors?sex=F&district=indore,dhar&level=state&from=2024-01-01'));
    expect(dated.filter.from).toBe('2024-01-01');
    expect(keepUnchanged(dated, before).filter.from).toBeUndefined();
  });
});

describe('a change of the filter alone is announced before the views redraw', () => {
  /** Just enough of a page for the location store: a URL hash and its change event. */
  function stubPage(hash: string) {
    const page = new EventTarget() as EventTarget & {
      location: { hash: string };
      history: { length: number; pushState: unknown; replaceState: unknown };
    };
    page.location = { hash };
    page.history = {
      length: 1,
      pushState: (_: unknown, __: string, url: string) => {
        page.history.length++;
        page.location.hash = url;
      },
      replaceState: (_: unknown, __: string, url: string) => {
        page.location.hash = url;
      },
    };
    vi.stubGlobal('window', page);
    vi.stubGlobal('HashChangeEvent', Event);
    return (next: string) => {
      page.location.hash = next;
      page.dispatchEvent(new Event('hashchange'));
    };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('passes the new filter when only the filter changed, and nothing on a change of view, settings or language', () => {
    const go = stubPage('#/corridors?sex=F');
    const heard: unknown[] = [];
    const stop = onFilterChange((filter) => heard.push(filter));
    go('#/corridors?sex=F&district=indore');
    expect(heard).toEqual([{ ...EMPTY_FILTER, sex: ['F'], districts: ['indore'] }]);
    go('#/districts?sex=F&district=indore');
    go('#/districts?sex=M&district=indore&level=state');
    go('#/districts?sex=M&district=indore&level=state&lang=hi');
    go('#/districts?sex=M&district=indore&level=state&lang=hi');
    expect(heard).toHaveLength(1);
    go('#/districts?district=indore&level=state&lang=hi');
    expect(heard).toEqual([heard[0], { ...EMPTY_FILTER, districts: ['indore'] }]);
    stop();
    go('#/districts?level=state&lang=hi');
    expect(heard).toHaveLength(2);
  });

  it("announces a change made by the app's own controls before returning, with a history entry unless replacing", () => {
    stubPage('#/corridors?sex=F');
    const heard: unknown[] = [];
    const stop = onFilterChange((filter) => heard.push(filter));
    goTo('#/corridors?sex=M');
    expect(heard).toEqual([{ ...EMPTY_FILTER, sex: ['M'] }]);
    expect(window.history.length).toBe(2);
    goTo('#/corridors?sex=T', { replace: true });
    expect(heard).toHaveLength(2);
    expect(window.history.length).toBe(2);
    goTo('#/corridors?sex=T');
    expect(heard).toHaveLength(2);
    stop();
  });
});
