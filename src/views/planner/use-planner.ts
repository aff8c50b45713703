import { useMemo } from 'react';
import { useSession } from '../../data/session';
import { useQuery, type QueryState } from '../../data/use-query';
import { addDays, shiftMonths } from '../../filters/dates';
import type { Filter } from '../../filters/filter';
import type { ViewSettings } from '../../filters/url';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import {
  plannerOutcomesQuery, plannerPendingQuery, plannerRecoveredQuery, plannerTownsQuery, type PlannerTown,
} from '../../queries/planner';
import { destinationModel, townModel, type Cell, type PriorStrengths, type RecoveredCount } from '../../stats/destination-model';
import {
  calibration, coverageOf, expectedByDestination, expectedIn, planTeams, scoreOutcomes, townProbabilities,
  type CalibrationRow, type DestinationEstimate, type Outcome, type PendingGroup, type Place, type Score, type Team,
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
  teams: Team[];
  /** P(a child of this group is in one of `towns`): a team packet's probability of being in the team's area. */
  areaProbability: (group: Cell & { threshold: number }, towns: readonly string[]) => number;
  backtest?: Backtest;
}

const sumCounts = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

function placesOf(towns: readonly PlannerTown[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const t of towns) if (!places.has(t.town)) places.set(t.town, { id: t.town, name: t.name, state: t.state, lat: t.lat, lon: t.lon });
  return places;
}

const districtHq = (district: string) => DISTRICT_BY_ID.get(district) ?? { lat: 0, lon: 0 };

function teamsFor(towns: readonly PlannerTown[], pending: readonly PendingGroup[], probabilities: Map<string, number>[],
  settings: ViewSettings): Team[] {
  return planTeams({
    pending, probabilities, places: placesOf(towns), teams: settings.teams, radiusKm: settings.radius,
    basesInMp: settings.basesInMp, districtHq,
  });
}

/** The K towns with the most recoveries so far (in other states unless bases may be in MP): the obvious plan. */
function baselineBases(towns: readonly PlannerTown[], settings: ViewSettings): Place[] {
  const totals = new Map<string, number>();
  for (const t of towns) totals.set(t.town, (totals.get(t.town) ?? 0) + t.count);
  const places = placesOf(towns);
  return [...totals].filter(([id]) => settings.basesInMp || places.get(id)!.state !== 'IN-MP')
    .sort((a, b) => b[1] - a[1]).slice(0, settings.teams).map(([id]) => places.get(id)!);
}

function choosePriors(fits: { recovered: RecoveredCount[]; outcomes: Outcome[] }[]): PriorStrengths {
  if (fits.length === 0 || fits.every((f) => f.outcomes.length === 0)) return FALLBACK_PRIORS;
  let best = FALLBACK_PRIORS;
  let bestLoss = Infinity;
  for (const cell of PRIOR_GRID) {
    for (const district of PRIOR_GRID) {
      const loss = fits.reduce((sum, f) => {
        const model = destinationModel(f.recovered, { cell, district });
        const score = scoreOutcomes(f.outcomes, (o) => model.distribution(o, o.threshold));
        return sum + (Number.isFinite(score.logLoss) ? score.logLoss : 0);
      }, 0);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = { cell, district };
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
export function usePlanner(filter: Filter, settings: ViewSettings): { state: QueryState<Planner> } {
  const session = useSession();
  const asOf = session.status === 'ready' ? session.manifest.asOf : '1970-01-01';
  const firstMissing = session.status === 'ready' ? session.manifest.dateRange.firstMissing : '1970-01-01';
  const cutoff = settings.cutoff && settings.cutoff < asOf ? settings.cutoff : shiftMonths(asOf, 12);
  const earlier = SELECTION_OFFSETS.map((m) => shiftMonths(cutoff, m)).filter((c) => c >= addDays(firstMissing, MIN_HISTORY_DAYS));
  const [early1, early2] = [earlier[0] ?? cutoff, earlier[1] ?? earlier[0] ?? cutoff];

  const results = {
    recovered: useQuery(plannerRecoveredQuery(asOf), filter),
    pending: useQuery(plannerPendingQuery(asOf), filter),
    towns: useQuery(plannerTownsQuery(asOf), filter),
    recoveredT: useQuery(plannerRecoveredQuery(cutoff), filter),
    pendingT: useQuery(plannerPendingQuery(cutoff), filter),
    townsT: useQuery(plannerTownsQuery(cutoff), filter),
    outcomesT: useQuery(plannerOutcomesQuery(cutoff), filter),
    recovered1: useQuery(plannerRecoveredQuery(early1), filter),
    outcomes1: useQuery(plannerOutcomesQuery(early1), filter),
    recovered2: useQuery(plannerRecoveredQuery(early2), filter),
    outcomes2: useQuery(plannerOutcomesQuery(early2), filter),
  };
  const all = Object.values(results);
  const error = all.find((r) => r.status === 'error');
  const ready = all.every((r) => r.status === 'ready');

  const planner = useMemo((): Planner | undefined => {
    if (!ready) return undefined;
    const r = results as { [K in keyof typeof results]: { data: NonNullable<(typeof results)[K]['data']> } };
    const fits = [{ recovered: r.recovered1.data, outcomes: r.outcomes1.data }, { recovered: r.recovered2.data, outcomes: r.outcomes2.data }]
      .slice(0, earlier.length);
    const priors = choosePriors(fits);
    const model = destinationModel(r.recovered.data, priors);
    const pending = r.pending.data;
    const places = placesOf(r.towns.data);
    const townsOf = townModel(r.towns.data, priors.district);
    const probabilities = townProbabilities(model, townsOf, pending);
    const townTotals = new Map<string, number>();
    probabilities.forEach((probs, i) => {
      for (const [town, p] of probs) townTotals.set(town, (townTotals.get(town) ?? 0) + p * pending[i].count);
    });
    const topTowns = [...townTotals].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([id]) => id);
    const towns = topTowns.map((id) => ({ destination: id, place: places.get(id)!, ...expectedIn(pending, probabilities, [id]) }));

    let backtest: Backtest | undefined;
    const outcomes = r.outcomesT.data;
    if (outcomes.length > 0) {
      const modelT = destinationModel(r.recoveredT.data, priors);
      const baseline = modelT.overall();
      const predict = (o: Outcome) => modelT.distribution(o, o.threshold);
      const probabilitiesT = townProbabilities(modelT, townModel(r.townsT.data, priors.district), r.pendingT.data);
      const teamsT = teamsFor(r.townsT.data, r.pendingT.data, probabilitiesT, settings);
      backtest = {
        cutoff,
        scored: sumCounts(outcomes),
        model: scoreOutcomes(outcomes, predict),
        baseline: scoreOutcomes(outcomes, () => baseline),
        calibration: calibration(outcomes, predict, baseline),
        teamCoverage: coverageOf(outcomes, teamsT.map((t) => t.base), settings.radius),
        baselineCoverage: coverageOf(outcomes, baselineBases(r.townsT.data, settings), settings.radius),
      };
    }
    return {
      priors,
      selectionCutoffs: earlier,
      pendingChildren: sumCounts(pending),
      destinations: expectedByDestination(model, pending),
      towns,
      teams: teamsFor(r.towns.data, pending, probabilities, settings),
      areaProbability: (group, towns) => {
        const [probs] = townProbabilities(model, townsOf, [{ ...group, count: 1 }]);
        return Math.min(1, towns.reduce((s, town) => s + (probs.get(town) ?? 0), 0));
      },
      backtest,
    };
    // The results object is rebuilt every render; the eleven results' data are the real dependencies.
  }, [ready, ...all.map((q) => q.data), settings.teams, settings.radius, settings.basesInMp, cutoff]);

  if (error?.status === 'error') return { state: { status: 'error', error: error.error } };
  if (!planner) return { state: { status: 'loading' } };
  return { state: { status: 'ready', data: planner } };
}
