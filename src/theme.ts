/**
 * Every colour and type size the app uses. Arc and chart colours come from the Okabe–Ito palette,
 * which stays distinct for the common forms of colour blindness and on washed-out projectors.
 */
export type Rgb = [number, number, number];

export const COLORS = {
  background: '#0f1720',
  panel: '#17212c',
  panelRaised: '#1f2b38',
  border: '#2d3b4a',
  text: '#eef2f6',
  muted: '#a8b4c2',
  accent: '#56b4e9',
  warning: '#e69f00',
  danger: '#ff7b72',
  land: '#1b2633',
  neighbour: '#141c25',
  water: '#0b1118',
  stateLine: '#3c4d60',
  countryLine: '#56687c',
  homeState: '#223246',
} as const;

/**
 * The projector variant of the panel colours: black ground, white text, light grey for secondary text
 * (over 12:1 on every projector background), borders that survive a washed-out beam.
 */
export const PROJECTOR_COLORS = {
  background: '#000000',
  panel: '#05080c',
  panelRaised: '#10161e',
  border: '#8d9bab',
  text: '#ffffff',
  muted: '#d9e0e8',
} as const;

/**
 * Arc ends: origins in yellow, destinations sky blue inside MP and reddish purple in other states.
 * When destinations are coloured by days the origin end turns neutral, since the days scale starts yellow.
 */
export const CORRIDOR_COLORS: Record<'origin' | 'originNeutral' | 'withinMp' | 'interstate' | 'district', Rgb> = {
  origin: [240, 228, 66],
  originNeutral: [235, 235, 235],
  withinMp: [86, 180, 233],
  interstate: [204, 121, 167],
  district: [168, 180, 194],
};

export const SERIES_COLORS = {
  reported: '#e69f00',
  recovered: '#56b4e9',
  stillMissing: '#cc79a7',
} as const;

/**
 * Where children were recovered, stacked with the share still missing: home district green, elsewhere
 * in MP sky blue and another state reddish purple as on the map, place not known grey, still missing orange.
 */
export const RECOVERY_PLACE_COLORS = {
  home: '#009e73',
  mp: '#56b4e9',
  interstate: '#cc79a7',
  unknown: '#8a96a3',
  stillMissing: '#e69f00',
} as const;

/** Up to six groups on one chart (Okabe–Ito, in an order that keeps neighbours distinct). */
export const GROUP_COLORS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00'] as const;

/** Corridors coloured by median days: light (fast) to dark purple (slow), readable without hue. */
export const DAYS_COLOR_STOPS: { days: number; color: Rgb }[] = [
  { days: 0, color: [253, 231, 37] },
  { days: 15, color: [94, 201, 98] },
  { days: 30, color: [33, 145, 140] },
  { days: 90, color: [59, 82, 139] },
  { days: 180, color: [180, 90, 200] },
];

export const TYPE = {
  family: '"Noto Sans", "Noto Sans Devanagari", system-ui, sans-serif',
  small: '13px',
  body: '15px',
  large: '18px',
  title: '22px',
  figure: '28px',
} as const;

/**
 * The two themes: the desk, and the projector (briefing slides: black ground, white text at 7:1 or more,
 * body type from 28 px at 1920 wide, lines of 3 px or more). Charts take a theme; the rest follows CSS.
 */
export type ThemeName = 'desk' | 'projector';

export interface ChartTheme {
  name: ThemeName;
  /** Axis, legend and label type size, px. */
  fontSize: number;
  strokeWidth: number;
  /** Chart height in px, or '100%' to fill the slide. */
  height: number | '100%';
  axis: string;
}

export const CHART_THEMES: Record<ThemeName, ChartTheme> = {
  desk: { name: 'desk', fontSize: 13, strokeWidth: 2.5, height: 380, axis: COLORS.muted },
  projector: { name: 'projector', fontSize: 24, strokeWidth: 4, height: '100%', axis: '#ffffff' },
};

/** Recharts tooltips in the panel colours. */
export const CHART_TOOLTIP_STYLE = { background: COLORS.panelRaised, border: `1px solid ${COLORS.border}`, color: COLORS.text };

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** Exposes the theme to CSS as custom properties. */
export function applyTheme(root: HTMLElement = document.documentElement): void {
  const set = (name: string, value: string) => root.style.setProperty(name, value);
  for (const [key, value] of Object.entries(COLORS)) set(`--color-${key}`, value);
  for (const [key, value] of Object.entries(PROJECTOR_COLORS)) set(`--projector-${key}`, value);
  for (const [key, value] of Object.entries(TYPE)) set(`--type-${key}`, value);
  for (const [key, value] of Object.entries(SERIES_COLORS)) set(`--series-${key}`, value);
  for (const [key, value] of Object.entries(CORRIDOR_COLORS)) set(`--corridor-${key}`, rgbCss(value));
}
