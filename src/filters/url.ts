import { isRealDate } from './dates';
import { AGE_BANDS, EMPTY_FILTER, SCOPES, SEXES, STATUSES, type Filter } from './filter';

export const VIEWS = ['corridors', 'districts', 'recovery', 'planner', 'summary', 'briefing', 'data'] as const;
export type View = (typeof VIEWS)[number];

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How the time-to-recovery view splits its curves. */
export const SURVIVAL_GROUPS = ['none', 'sex', 'age', 'district'] as const;
export type SurvivalGroup = (typeof SURVIVAL_GROUPS)[number];

/** Where corridors end: the recovery place, its district, or its state. */
export const CORRIDOR_LEVELS = ['place', 'district', 'state'] as const;
export type CorridorLevel = (typeof CORRIDOR_LEVELS)[number];

/** What an arc's destination colour says: within MP or interstate, or the median days to recovery. */
export const CORRIDOR_COLORINGS = ['scope', 'days'] as const;
export type CorridorColoring = (typeof CORRIDOR_COLORINGS)[number];

/** Which corridors the map draws: recoveries in other states only (a review's first question), or all. */
export const CORRIDOR_FLOWS = ['interstate', 'all'] as const;
export type CorridorFlows = (typeof CORRIDOR_FLOWS)[number];

/** How many of the largest corridors the map draws; the list, panels and figures cover all. */
export const ARC_COUNTS = [50, 150, 500, 1000] as const;
export type ArcCount = (typeof ARC_COUNTS)[number];

/** Months in the emerging-corridor test's recent window (against the 12 months before it). */
export const RECENT_MONTHS = [1, 2, 3, 4, 5, 6] as const;
export type RecentMonths = (typeof RECENT_MONTHS)[number];

/** The planner's cross-state teams: how many, and the radius in km a team covers around its base town. */
export const TEAM_COUNTS = { min: 1, max: 20 } as const;
export const TEAM_RADII = [25, 50, 75, 100, 150, 200] as const;
export type TeamRadius = (typeof TEAM_RADII)[number];

/** What the leaderboard's change and rank compare with: the period just before, or the same period a year earlier. */
export const COMPARISONS = ['previous', 'year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The monthly summary for the public (aggregates, small counts suppressed) or for police use (case lines). */
export const EDITIONS = ['public', 'internal'] as const;
export type Edition = (typeof EDITIONS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How views are set up, beside the filter; defaults are left out of links. */
export interface ViewSettings {
  group: SurvivalGroup;
  level: CorridorLevel;
  color: CorridorColoring;
  compare: Comparison;
  flows: CorridorFlows;
  arcs: ArcCount;
  recent: RecentMonths;
  teams: number;
  radius: TeamRadius;
  /** Whether a team's base may be inside MP (`bases=any`); cross-state teams are based elsewhere by default. */
  basesInMp: boolean;
  /** The planner back-test's cut-off, YYYY-MM-DD; one year before the as-of date when absent. */
  cutoff?: string;
  /** The monthly summary's month, YYYY-MM; the last whole month up to the as-of date when absent. */
  month?: string;
  edition: Edition;
  /** Counts of 1 to 4 shown as "<5" on the desk (`suppress=on`); always on in a briefing. */
  suppress: boolean;
}

export const DEFAULT_SETTINGS: ViewSettings = {
  group: 'sex',
  level: 'place',
  color: 'scope',
  compare: 'previous',
  flows: 'interstate',
  arcs: 150,
  recent: 3,
  teams: 5,
  radius: 50,
  basesInMp: false,
  edition: 'public',
  suppress: false,
};

/** Everything a link reproduces: the view, the filter, view settings, the language and the snapshot. */
export interface AppLocation {
  view: View;
  filter: Filter;
  settings: ViewSettings;
  lang: Language;
  snapshot?: string;
  /** The slide being presented, from 1, on `#/briefing/N`; the briefing's editor when absent. */
  slide?: number;
}

export const DEFAULT_LOCATION: AppLocation = {
  view: 'corridors',
  filter: EMPTY_FILTER,
  settings: DEFAULT_SETTINGS,
  lang: 'en',
};

const DISTRICT_ID = /^[a-z][a-z-]*$/;
const STATE_CODE = /^IN-[A-Z]{2}$/;
const SNAPSHOT_NAME = /^[A-Za-z0-9_-]+$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

function teamCount(value: string | null): number {
  const n = Number(value);
  return /^\d+$/.test(value ?? '') && n >= TEAM_COUNTS.min && n <= TEAM_COUNTS.max ? n : DEFAULT_SETTINGS.teams;
}

function listOf<T extends string>(value: string | null, keep: (v: string) => v is T): T[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter(keep))];
}

/** Reads `#/view?param=…`; unknown or malformed values are dropped rather than trusted. */
export function parseLocation(hash: string): AppLocation {
  const [path, query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const date = (key: string) => {
    const v = params.get(key);
    return v && isRealDate(v) ? v : undefined;
  };
  const snapshot = params.get('snapshot');
  const [viewPath, slidePath] = path.replace(/^\//, '').split('/', 2);
  const view = oneOf(VIEWS, viewPath) ?? DEFAULT_LOCATION.view;
  const month = params.get('month');
  return {
    view,
    slide: view === 'briefing' && /^[1-9]\d{0,2}$/.test(slidePath ?? '') ? Number(slidePath) : undefined,
    lang: oneOf(LANGUAGES, params.get('lang')) ?? 'en',
    settings: {
      group: oneOf(SURVIVAL_GROUPS, params.get('group')) ?? DEFAULT_SETTINGS.group,
      level: oneOf(CORRIDOR_LEVELS, params.get('level')) ?? DEFAULT_SETTINGS.level,
      color: oneOf(CORRIDOR_COLORINGS, params.get('color')) ?? DEFAULT_SETTINGS.color,
      compare: oneOf(COMPARISONS, params.get('compare')) ?? DEFAULT_SETTINGS.compare,
      flows: oneOf(CORRIDOR_FLOWS, params.get('flows')) ?? DEFAULT_SETTINGS.flows,
      arcs: ARC_COUNTS.find((n) => String(n) === params.get('arcs')) ?? DEFAULT_SETTINGS.arcs,
      recent: RECENT_MONTHS.find((n) => String(n) === params.get('recent')) ?? DEFAULT_SETTINGS.recent,
      teams: teamCount(params.get('teams')),
      radius: TEAM_RADII.find((n) => String(n) === params.get('radius')) ?? DEFAULT_SETTINGS.radius,
      basesInMp: params.get('bases') === 'any',
      cutoff: date('cutoff'),
      month: month && MONTH.test(month) ? month : undefined,
      edition: oneOf(EDITIONS, params.get('edition')) ?? DEFAULT_SETTINGS.edition,
      suppress: params.get('suppress') === 'on',
    },
    snapshot: snapshot && SNAPSHOT_NAME.test(snapshot) ? snapshot : undefined,
    filter: {
      from: date('from'),
      to: date('to'),
      sex: listOf(params.get('sex'), (v): v is Filter['sex'][number] => SEXES.includes(v as never)),
      ageBands: listOf(params.get('age'), (v): v is Filter['ageBands'][number] => AGE_BANDS.includes(v as never)),
      districts: listOf(params.get('district'), (v): v is string => DISTRICT_ID.test(v)),
      states: listOf(params.get('state'), (v): v is string => STATE_CODE.test(v)),
      scope: oneOf(SCOPES, params.get('scope')),
      status: oneOf(STATUSES, params.get('status')),
    },
  };
}

/** Writes the location as `#/view?…` with parameters in a fixed order, so equal views give equal links. */
export function formatLocation(location: AppLocation): string {
  const { filter } = location;
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.sex.length) params.set('sex', filter.sex.join(','));
  if (filter.ageBands.length) params.set('age', filter.ageBands.join(','));
  if (filter.districts.length) params.set('district', filter.districts.join(','));
  if (filter.states.length) params.set('state', filter.states.join(','));
  if (filter.scope) params.set('scope', filter.scope);
  if (filter.status) params.set('status', filter.status);
  for (const key of ['group', 'level', 'color', 'compare', 'flows', 'arcs', 'recent', 'teams', 'radius', 'edition'] as const) {
    if (location.settings[key] !== DEFAULT_SETTINGS[key]) params.set(key, String(location.settings[key]));
  }
  if (location.settings.basesInMp) params.set('bases', 'any');
  if (location.settings.cutoff) params.set('cutoff', location.settings.cutoff);
  if (location.settings.month) params.set('month', location.settings.month);
  if (location.settings.suppress) params.set('suppress', 'on');
  if (location.snapshot) params.set('snapshot', location.snapshot);
  if (location.lang !== 'en') params.set('lang', location.lang);
  const query = params.toString().replace(/%2C/g, ',');
  const path = location.view === 'briefing' && location.slide ? `briefing/${location.slide}` : location.view;
  return `#/${path}${query ? `?${query}` : ''}`;
}
