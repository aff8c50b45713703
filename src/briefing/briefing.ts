import { addDays, monthBounds, shiftMonths } from '../filters/dates';
import { formatLocation, parseLocation, DEFAULT_LOCATION, type AppLocation, type View } from '../filters/url';

/** What a slide shows of its saved view: one panel, drawn at the slide's size in the projector theme. */
export const SLIDE_PANELS = [
  'headline',
  'summary',
  'corridors',
  'playback',
  'emerging',
  'leaderboard',
  'survival',
  'places',
  'trend',
  'likely',
] as const;
export type SlidePanel = (typeof SLIDE_PANELS)[number];

export interface Titles {
  en: string;
  hi: string;
}

/** A saved view: its link (view, filter and settings; the language is the presenter's), a title and a note. */
export interface Slide {
  id: string;
  panel: SlidePanel;
  link: string;
  title: Titles;
  note?: string;
}

export interface Briefing {
  version: 1;
  title: Titles;
  slides: Slide[];
}

/** The panel a slide of each view shows by default. */
export const VIEW_PANELS: Record<View, SlidePanel> = {
  corridors: 'corridors',
  districts: 'leaderboard',
  recovery: 'survival',
  planner: 'likely',
  summary: 'summary',
  briefing: 'headline',
  data: 'headline',
};

export const MAX_SLIDES = 60;
const MAX_TEXT = 500;

export class BriefingFileError extends Error {}

/** A slide's location: its link read as any link is, in the presenter's language. */
export function slideLocation(slide: Slide, lang: AppLocation['lang']): AppLocation {
  return { ...parseLocation(slide.link), lang, slide: undefined };
}

/** The link a slide keeps of a location: everything but the language and the slide number. */
export function slideLink(location: AppLocation): string {
  return formatLocation({ ...location, lang: DEFAULT_LOCATION.lang, slide: undefined });
}

let counter = 0;
export function newSlideId(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter}`;
}

/**
 * The "Monthly review" that ships: the last whole month up to the as-of date, the twelve months to it for
 * corridors and districts, and the whole snapshot for time to recovery and the children still missing.
 */
export function monthlyReview(asOf: string): Briefing {
  const monthEnd = monthBounds(asOf)[1] === asOf ? asOf : addDays(monthBounds(asOf)[0], -1);
  const [monthStart] = monthBounds(monthEnd);
  const yearStart = addDays(shiftMonths(monthEnd, 12), 1);
  const month = `from=${monthStart}&to=${monthEnd}`;
  const year = `from=${yearStart}&to=${monthEnd}`;
  const slide = (panel: SlidePanel, link: string, en: string, hi: string): Slide => ({
    id: `default-${panel}`,
    panel,
    link,
    title: { en, hi },
  });
  return {
    version: 1,
    title: { en: 'Monthly review', hi: 'मासिक समीक्षा' },
    slides: [
      slide('headline', `#/corridors?${month}`, "The month's figures", 'माह के आँकड़े'),
      slide('summary', `#/summary?month=${monthStart.slice(0, 7)}`, 'Monthly summary', 'मासिक सारांश'),
      slide('corridors', `#/corridors?${year}`, 'Top interstate corridors, last 12 months', 'प्रमुख अंतर्राज्यीय मार्ग, पिछले 12 माह'),
      slide('emerging', '#/corridors', 'Emerging corridors', 'उभरते मार्ग'),
      slide('leaderboard', `#/districts?${year}`, 'Districts, last 12 months', 'जिले, पिछले 12 माह'),
      slide('survival', '#/recovery', 'Time to recovery', 'दस्तयाबी में लगे दिन'),
      slide('likely', '#/planner', 'Where the children still missing may be', 'लंबित बच्चे कहाँ हो सकते हैं'),
    ],
  };
}

function text(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.length > max) throw new BriefingFileError(`${field} must be text of at most ${max} characters`);
  return value;
}

function titles(value: unknown, field: string): Titles {
  const v = (value ?? {}) as Record<string, unknown>;
  return { en: text(v.en, `${field}.en`), hi: text(v.hi, `${field}.hi`) };
}

/** A briefing file read back, checked field by field; anything unexpected is an error naming the field. */
export function parseBriefing(json: string): Briefing {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new BriefingFileError('the file is not JSON');
  }
  const b = (data ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BriefingFileError('the file does not hold a briefing');
  if (b.version !== 1) throw new BriefingFileError('version must be 1');
  if (!Array.isArray(b.slides) || b.slides.length === 0 || b.slides.length > MAX_SLIDES) {
    throw new BriefingFileError(`slides must be a list of 1 to ${MAX_SLIDES} slides`);
  }
  const ids = new Set<string>();
  const slides = b.slides.map((raw: unknown, i): Slide => {
    const s = (raw ?? {}) as Record<string, unknown>;
    const field = `slides[${i}]`;
    const id = text(s.id, `${field}.id`, 60);
    if (ids.has(id)) throw new BriefingFileError(`${field}.id repeats "${id}"`);
    ids.add(id);
    const panel = SLIDE_PANELS.find((p) => p === s.panel);
    if (!panel) throw new BriefingFileError(`${field}.panel must be one of ${SLIDE_PANELS.join(', ')}`);
    const link = text(s.link, `${field}.link`, 2000);
    if (!link.startsWith('#/')) throw new BriefingFileError(`${field}.link must be a link of this app (#/…)`);
    const slide: Slide = { id, panel, link: slideLink(parseLocation(link)), title: titles(s.title, `${field}.title`) };
    if (s.note !== undefined) slide.note = text(s.note, `${field}.note`, 2000);
    return slide;
  });
  return { version: 1, title: titles(b.title, 'title'), slides };
}
