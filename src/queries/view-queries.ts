import { shiftMonths } from '../filters/dates';
import { EMPTY_FILTER, type Filter } from '../filters/filter';
import type { View } from '../filters/url';
import { corridorsQuery, corridorTotalsQuery } from './corridors';
import { districtMonthsQuery, districtsQuery, originCountsQuery } from './districts';
import { emergingCountsQuery, emergingKey } from './emerging';
import { overviewQuery } from './overview';
import {
  destinationMatrixQuery,
  pendingAgeingQuery,
  plannerDestinationsQuery,
  plannerPendingQuery,
  plannerRecoveredQuery,
  plannerTownsQuery,
} from './planner';
import type { QueryContext, QueryDef } from './query';
import { recoveryDaysQuery, recoveryPlaceCountsQuery, survivalCountsQuery } from './survival';
import { reportedMonthsQuery, timelineQuery } from './timeline';

/** The views an officer filters at the desk: each runs several queries on every filter change. */
export const DESK_VIEWS = ['corridors', 'districts', 'recovery', 'planner'] as const satisfies readonly View[];
export type DeskView = (typeof DESK_VIEWS)[number];

/**
 * The queries a desk view runs for a filter with its default settings, the headline figures' included (not the team
 * packet's pending cases, asked for only when a packet is made).
 */
export function viewQueries(view: DeskView, asOf: string): QueryDef<unknown>[] {
  const headline = [overviewQuery, survivalCountsQuery('none')];
  switch (view) {
    case 'corridors':
      return [
        ...headline,
        corridorsQuery('place', 'interstate'),
        corridorTotalsQuery,
        originCountsQuery,
        reportedMonthsQuery,
        emergingCountsQuery(emergingKey('place', 'interstate', 3)),
      ];
    case 'districts':
      return [...headline, districtsQuery('previous'), survivalCountsQuery('district'), districtMonthsQuery];
    case 'recovery':
      return [...headline, survivalCountsQuery('sex'), recoveryDaysQuery, timelineQuery, recoveryPlaceCountsQuery];
    case 'planner':
      return [
        ...headline,
        plannerRecoveredQuery(asOf),
        plannerPendingQuery(asOf),
        plannerTownsQuery(asOf),
        plannerRecoveredQuery(shiftMonths(asOf, 12)),
        plannerDestinationsQuery('state'),
        destinationMatrixQuery,
        pendingAgeingQuery,
        emergingCountsQuery(emergingKey('state', 'interstate', 3)),
      ];
  }
}

/**
 * What an engine runs once, while nobody waits on it, after a snapshot opens: every desk view's queries for three
 * filters (age bands; a sex and the last year; two districts' recoveries), over the cases and as the page sends
 * them (from a cube where the snapshot has one). DuckDB-WASM starts in the browser's baseline code, and the browser
 * compiles faster code for the functions that have run a while in the background, on a core the queries would
 * otherwise have: these give it that work before the first click.
 */
export function warmUpStatements(context: QueryContext): string[] {
  const cases: QueryContext = { ...context, cubes: undefined };
  const filters: Filter[] = [
    { ...EMPTY_FILTER, ageBands: ['12-14', '15-17'] },
    { ...EMPTY_FILTER, sex: ['M'], from: shiftMonths(context.asOf, 12), to: context.asOf },
    { ...EMPTY_FILTER, districts: ['bhopal', 'gwalior'], status: 'recovered' },
  ];
  const queries = DESK_VIEWS.flatMap((view) => viewQueries(view, context.asOf));
  return [...new Set(filters.flatMap((filter) => queries.flatMap((query) => [query.sql(filter, cases), query.sql(filter, context)])))];
}
