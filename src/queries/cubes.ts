import { EMPTY_FILTER } from '../filters/filter';
import { COMPARISONS, CORRIDOR_FLOWS, DEFAULT_SETTINGS, SURVIVAL_GROUPS } from '../filters/url';
import { corridorTotalsQuery } from './corridors';
import { districtMonthsQuery, districtsQuery, originCountsQuery } from './districts';
import { EMERGING_LEVELS, emergingCountsQuery, emergingKey } from './emerging';
import { overviewQuery } from './overview';
import { destinationMatrixQuery, pendingAgeingQuery, plannerPendingQuery } from './planner';
import { cubeOf, type Cube, type QueryContext, type QueryDef } from './query';
import { recoveryDaysQuery, recoveryPlaceCountsQuery, survivalCountsQuery } from './survival';
import { reportedMonthsQuery, timelineQuery } from './timeline';
import { DESK_VIEWS, viewQueries } from './view-queries';

/** Every query the views ask for that can be answered from a cube, in every form the views ask for it. */
export function cubedQueries(context: QueryContext): QueryDef<unknown>[] {
  return [
    overviewQuery,
    corridorTotalsQuery,
    originCountsQuery,
    reportedMonthsQuery,
    timelineQuery,
    districtMonthsQuery,
    recoveryDaysQuery,
    recoveryPlaceCountsQuery,
    destinationMatrixQuery,
    pendingAgeingQuery,
    plannerPendingQuery(context.asOf),
    ...SURVIVAL_GROUPS.map((group) => survivalCountsQuery(group)),
    ...COMPARISONS.map((compare) => districtsQuery(compare)),
    // The recent window the views open with (another one reads the cases).
    ...EMERGING_LEVELS.flatMap((level) =>
      CORRIDOR_FLOWS.map((flows) => emergingCountsQuery(emergingKey(level, flows, DEFAULT_SETTINGS.recent))),
    ),
  ];
}

/** The cubes an engine file carries: one for each cubed query (queries with the same cube share it). */
export function snapshotCubes(context: QueryContext): Cube[] {
  const cubes = new Map(
    cubedQueries(context)
      .map((query) => query.cube!(context))
      .map((cube) => [cube.name, cube]),
  );
  return [...cubes.values()];
}

/**
 * The opening answers an engine file carries: the rows of each desk view's queries for no filter that no cube answers
 * (the corridors by place, the planner's), as the page would send them. A view opened unfiltered reads them instead of
 * scanning every case (the first view's scans took about 4 s of a 10M open); any other filter runs the query.
 */
export function openingAnswers(context: QueryContext): Cube[] {
  const uncubed = new Set(DESK_VIEWS.flatMap((view) => viewQueries(view, context.asOf)).filter((query) => !query.cube));
  return [...uncubed].map((query) => cubeOf(query.sql(EMPTY_FILTER, context)));
}
