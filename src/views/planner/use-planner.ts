import { useMemo, useState } from 'react';
import { useSession } from '../../data/session';
import { useQuery, type QueryState } from '../../data/use-query';
import { addDays, shiftMonths } from '../../filters/dates';
import { EMPTY_FILTER, type Filter } from '../../filters/filter';
import type { ViewSettings } from '../../filters/url';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import {
  plannerOutcomesQuery,
  plannerPendingQuery,
  plannerRecoveredQuery,
  plannerTownsQuery,
  type PlannerTown,
} from '../../queries/planner';
import {
  destinationCounts,
  destinationModel,
  shareCounts,
  shareOf,
  townModel,
  type PriorStrengths,
  type RecoveredCount,
} from '../../stats/destination-model';
import {
  calibration,
  coverageOf,
  expectedByDestination,
  expectedIn,
  logLoss,
  planTeams,
  scoreOutcomes,
  townLikelihood,
  townsWithin,
  type CalibrationRow,
  type DestinationEstimate,
  type Outcome,
  type PendingGroup,
  type Place,
  type Score,
  type Team,
  type TownLikelihood,
} from '../../stats/planner';

/** Prior strengths tried; the pair with the lowest log loss on the earlier back-tests is used. */
export const PRIOR_GRID = [1, 4, 16, 64, 256] as const;
/** Earlier cut-offs the priors are chosen on: 6 and 12 months before the reported one. */
const SELECTION_OFFSETS = [6, 12] as const;
/** A cut-off needs this much history before it to be worth fitting on. */
const MIN_HISTORY_DAYS = 180;
const FALLBACK_PRIORS: PriorStrengths = { cell: 4, district: 4 };

export interface Backtest {
  cutoff: string;
  /** Children pending at the cut-off and found since. */
  scored: number;
  model: Score;
  baseline: Score;
  calibration: CalibrationRow[];
  /** Share of the scored children found within the radius of the bases chosen at the cut-off, and of the baseline's. */
  teamCoverage: number;
  baselineCoverage: number;
}

export interface Planner {
  priors: PriorStrengths;
  /** Earlier cut-offs the priors were chosen on. */
  selectionCutoffs: string[];
  pendingChildren: number;
  destinations: DestinationEstimate[];
  towns: (DestinationEstimate & { place: Place })[];
  readonly teams: Team[];
  /** For a set of towns, P(a child of a given group is in one of them): a team packet's probability of being in its area. */
  within: TownLikelihood['within'];
  backtest?: Backtest;
}

const sumCounts = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

function placesOf(towns: readonly PlannerTown[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const t of towns) if (!places.has(t.town)) places.set(t.town, { id: t.town, name: t.name, state: t.state, lat: t.lat, lon: t.lon });
  return places;
}

const districtHq = (district: string) => DISTRICT_BY_ID.get(district) ?? { lat: 0, lon: 0 };

/** The K towns with the most recoveries so far (in other states unless bases may be in MP): the obvious plan. */
function baselineBases(towns: readonly PlannerTown[], teams: number, basesInMp: boolean): Place[] {
  const totals = new Map<string, number>();
  for (const t of towns) totals.set(t.town, (totals.get(t.town) ?? 0) + t.count);
  const places = placesOf(towns);
  return [...totals]
    .filter(([id]) => basesInMp || places.get(id)!.state !== 'IN-MP')
    .sort((a, b) => b[1] - a[1])
    .slice(0, teams)
    .map(([id]) => places.get(id)!);
}

function choosePriors(fits: { recovered: RecoveredCount[]; outcomes: Outcome[] }[]): PriorStrengths {
  if (fits.length === 0 || fits.every((f) => f.outcomes.length === 0)) return FALLBACK_PRIORS;
  // Where each child was found is looked up once; each pair of strengths then only shrinks its counts.
  const found = fits.map((f) => {
    const counts = destinationCounts(f.recovered);
    return f.outcomes.map((o) => ({ count: o.count, shares: shareCounts(counts, o, o.threshold, o.destination) }));
  });
  let best = FALLBACK_PRIORS;
  let bestLoss = Infinity;
  for (const cell of PRIOR_GRID) {
    for (const district of PRIOR_GRID) {
      const priors = { cell, district };
      const loss = found.reduce((sum, outcomes) => {
        const fitLoss = logLoss(outcomes, (o) => o.shares && shareOf(o.shares, priors));
        return sum + (Number.isFinite(fitLoss) ? fitLoss : 0);
      }, 0);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = priors;
      }
    }
  }
  return best;
}

/**
 * The planner's data: the model fitted on what is known now, for the filtered children still missing,
 * and the same model fitted at a cut-off and scored on what happened after it. The prior strengths are
 * chosen on back-tests at earlier cut-offs, never on the one reported.
 */
/** A fitted model and where its towns are: filter-independent, so it outlives filter changes. */
function useFit(
  recovered: RecoveredCount[] | undefined,
  towns: PlannerTown[] | undefined,
  priors: PriorStrengths | undefined,
  radiusKm: number,
  basesInMp: boolean,
) {
  return useMemo(() => {
    if (!recovered || !towns || !priors) return undefined;
    const places = placesOf(towns);
    const candidates = [...places.values()].filter((p) => basesInMp || p.state !== 'IN-MP');
    return {
      model: destinationModel(destinationCounts(recovered), priors),
      townsOf: townModel(towns, priors.district),
      towns,
      places,
      reach: townsWithin(candidates, places.values(), radiusKm),
    };
  }, [recovered, towns, priors, radiusKm, basesInMp]);
}

type Fit = NonNullable<ReturnType<typeof useFit>>;

function teamsFor(
  fit: Fit,
  pending: readonly PendingGroup[],
  teams: number,
  likelihood = townLikelihood(fit.model, fit.townsOf, pending),
): Team[] {
  return planTeams({
    pending,
    likelihood,
    places: fit.places,
    reach: fit.reach,
    teams,
    districtHq,
  });
}

/**
 * The planner's data: the model fitted on what is known now, for the filtered children still missing,
 * and the same model fitted at a cut-off and scored on every child pending then and found since. The
 * prior strengths are chosen on back-tests at earlier cut-offs, never on the one reported. Everything
 * that does not depend on the filter (fits, priors, town reach, the back-test) is kept across filter changes.
 */
export function usePlanner(filter: Filter, settings: ViewSettings): { state: QueryState<Planner> } {
  const session = useSession();
  const asOf = session.status === 'ready' ? session.manifest.asOf : '1970-01-01';
  const firstMissing = session.status === 'ready' ? session.manifest.dateRange.firstMissing : '1970-01-01';
  const cutoff = settings.cutoff && settings.cutoff < asOf ? settings.cutoff : shiftMonths(asOf, 12);
  const earlier = useMemo(
    () => SELECTION_OFFSETS.map((m) => shiftMonths(cutoff, m)).filter((c) => c >= addDays(firstMissing, MIN_HISTORY_DAYS)),
    [cutoff, firstMissing],
  );
  const [early1, early2] = [earlier[0] ?? cutoff, earlier[1] ?? earlier[0] ?? cutoff];

  const results = {
    recovered: useQuery(plannerRecoveredQuery(asOf), filter),
    pending: useQuery(plannerPendingQuery(asOf), filter),
    towns: useQuery(plannerTownsQuery(asOf), filter),
    recoveredT: useQuery(plannerRecoveredQuery(cutoff), filter),
    // The back-test scores every child pending at the cut-off, whatever the filter: it measures the model, not a district.
    pendingT: useQuery(plannerPendingQuery(cutoff), EMPTY_FILTER),
    townsT: useQuery(plannerTownsQuery(cutoff), EMPTY_FILTER),
    outcomesT: useQuery(plannerOutcomesQuery(cutoff), EMPTY_FILTER),
    recovered1: useQuery(plannerRecoveredQuery(early1), EMPTY_FILTER),
    outcomes1: useQuery(plannerOutcomesQuery(early1), EMPTY_FILTER),
    recovered2: useQuery(plannerRecoveredQuery(early2), EMPTY_FILTER),
    outcomes2: useQuery(plannerOutcomesQuery(early2), EMPTY_FILTER),
  };
  const all = Object.values(results);
  const error = all.find((r) => r.status === 'error');
  const ready = all.every((r) => r.status === 'ready');

  const { recovered1, outcomes1, recovered2, outcomes2 } = results;
  const selections = earlier.length;
  const priors = useMemo(() => {
    if (!recovered1.data || !outcomes1.data || !recovered2.data || !outcomes2.data) return undefined;
    const fits = [
      { recovered: recovered1.data, outcomes: outcomes1.data },
      { recovered: recovered2.data, outcomes: outcomes2.data },
    ];
    return choosePriors(fits.slice(0, selections));
  }, [recovered1.data, outcomes1.data, recovered2.data, outcomes2.data, selections]);
  const now = useFit(results.recovered.data, results.towns.data, priors, settings.radius, settings.basesInMp);
  const then = useFit(results.recoveredT.data, results.townsT.data, priors, settings.radius, settings.basesInMp);

  const pending = results.pending.data;
  const pendingT = results.pendingT.data;
  const outcomes = results.outcomesT.data;
  const backtest = useMemo((): Backtest | undefined => {
    if (!then || !pendingT || !outcomes || outcomes.length === 0) return undefined;
    const baseline = then.model.overall();
    const predict = (o: Outcome) => then.model.distribution(o, o.threshold);
    const teamsT = teamsFor(then, pendingT, settings.teams);
    return {
      cutoff,
      scored: sumCounts(outcomes),
      model: scoreOutcomes(outcomes, predict),
      baseline: scoreOutcomes(outcomes, () => baseline),
      calibration: calibration(outcomes, predict, baseline),
      teamCoverage: coverageOf(
        outcomes,
        teamsT.map((t) => t.base),
        settings.radius,
      ),
      baselineCoverage: coverageOf(outcomes, baselineBases(then.towns, settings.teams, settings.basesInMp), settings.radius),
    };
  }, [then, pendingT, outcomes, cutoff, settings.teams, settings.radius, settings.basesInMp]);

  const planner = useMemo((): Planner | undefined => {
    if (!ready || !now || !priors || !pending) return undefined;
    const likelihood = townLikelihood(now.model, now.townsOf, pending);
    const topTowns = [...likelihood.expected]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([id]) => id);
    const towns = topTowns.map((id) => ({ destination: id, place: now.places.get(id)!, ...expectedIn(pending, likelihood.within([id])) }));
    let teams: Team[] | undefined;
    return {
      priors,
      selectionCutoffs: earlier,
      pendingChildren: sumCounts(pending),
      destinations: expectedByDestination(now.model, pending),
      towns,
      // Planned when first read: the team plan is below the fold on a desk screen, so a filter change plans the
      // teams in the background, once the likely places on screen are drawn.
      get teams() {
        return (teams ??= teamsFor(now, pending, settings.teams, likelihood));
      },
      within: likelihood.within,
      backtest,
    };
  }, [ready, now, priors, pending, backtest, earlier, settings.teams]);

  // While a filter change is computed the previous plan stays on screen, as every view keeps its data.
  const [shown, setShown] = useState<Planner>();
  if (planner && planner !== shown) setShown(planner);
  if (error?.status === 'error') return { state: { status: 'error', error: error.error } };
  if (!planner) return { state: { status: 'loading', data: shown } };
  return { state: { status: 'ready', data: planner } };
}
