/**
 * Where to base K teams: choose K base towns so that the places within reach of any base hold the most
 * expected children. A place covered by two bases counts once (each child's probability of being there
 * is counted once), so this is weighted maximum coverage; taking at each step the base that adds the
 * most is within 1 − 1/e (about 63%) of the best possible choice (Nemhauser, Wolsey & Fisher, 1978).
 */
export interface CoveragePlace {
  id: string;
  /** Expected children at this place. */
  weight: number;
}

export interface Candidate {
  id: string;
  /** Places within the radius of this base. */
  covers: readonly string[];
}

export interface ChosenBase {
  id: string;
  /** Expected children this base adds beyond the bases chosen before it. */
  gain: number;
  /** Places this base adds. */
  added: string[];
}

export function greedyMaxCoverage(places: readonly CoveragePlace[], candidates: readonly Candidate[], k: number): ChosenBase[] {
  const weight = new Map(places.map((p) => [p.id, p.weight]));
  const covered = new Set<string>();
  const chosen: ChosenBase[] = [];
  const left = [...candidates];
  while (chosen.length < k && left.length > 0) {
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < left.length; i++) {
      let gain = 0;
      for (const id of new Set(left[i].covers)) if (!covered.has(id)) gain += weight.get(id) ?? 0;
      // Ties go to the earlier candidate, so the order given (e.g. by recoveries) breaks them.
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    const [base] = left.splice(best, 1);
    const added = [...new Set(base.covers)].filter((id) => !covered.has(id));
    for (const id of added) covered.add(id);
    chosen.push({ id: base.id, gain: bestGain, added });
  }
  return chosen;
}
