import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  destinationCounts,
  destinationModel,
  shareCounts,
  shareOf,
  thresholdFor,
  townModel,
  type PriorStrengths,
  type RecoveredCount,
} from '../../src/stats/destination-model';
import { greedyMaxCoverage } from '../../src/stats/max-coverage';
import {
  calibration,
  coverageOf,
  logLoss,
  planTeams,
  scoreOutcomes,
  townLikelihood,
  townsWithin,
  type Outcome,
  type Place,
} from '../../src/stats/planner';
import { EXACT_WORK, exactDistribution, poissonBinomialInterval, type Trials } from '../../src/stats/poisson-binomial';

/** R's dbinom convolved group by group (tests/reference/poisson-binomial.R). */
const rReference = JSON.parse(readFileSync('tests/reference/poisson-binomial.json', 'utf8')) as {
  cases: { name: string; trials: Trials[]; support: number; pmf: number[]; lower: number; upper: number }[];
};

/** Largest gap between two distributions' cumulative sums: what the intervals are read from. */
function largestCumulativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  for (let k = 0, ca = 0, cb = 0; k < Math.max(a.length, b.length); k++) {
    ca += a[k] ?? 0;
    cb += b[k] ?? 0;
    gap = Math.max(gap, Math.abs(ca - cb));
  }
  return gap;
}

/** The textbook construction: each child added one at a time (P(k) ← P(k)·(1 − p) + P(k − 1)·p), to `support`. */
function oneChildAtATime(trials: readonly Trials[], support: number): number[] {
  const dist = [1, ...new Array<number>(support).fill(0)];
  for (const { p, count } of trials) {
    for (let i = 0; i < count; i++) for (let k = support; k >= 0; k--) dist[k] = dist[k] * (1 - p) + (k > 0 ? dist[k - 1] * p : 0);
  }
  return dist;
}

const rec = (district: string, band: string, sex: string, destination: string, count: number, threshold = 0): RecoveredCount => ({
  district,
  band,
  sex,
  destination,
  count,
  threshold,
});

const RECOVERED = [
  rec('d1', '15-17', 'F', 'IN-UP', 2),
  rec('d1', '15-17', 'F', 'home', 2),
  rec('d1', '0-5', 'M', 'home', 4),
  rec('d2', '15-17', 'F', 'mp', 8),
];
const girl = { district: 'd1', band: '15-17', sex: 'F' };

const fitted = (recovered: readonly RecoveredCount[], priors: PriorStrengths) => destinationModel(destinationCounts(recovered), priors);

describe('destination model', () => {
  it('shrinks a cell to its district and the district to the state-wide mix (worked by hand)', () => {
    // State-wide: (2 + 0.5, 6 + 0.5, 8 + 0.5) / 17.5; district d1 with β = 2: (2 + 2·0.142857, 6 + 2·0.371429, 2·0.485714) / 10;
    // the cell with α = 4: (2 + 4·0.228571, 2 + 4·0.674286, 4·0.097143) / 8.
    const p = fitted(RECOVERED, { cell: 4, district: 2 }).distribution(girl, 0);
    expect(p.get('IN-UP')).toBeCloseTo(0.3642857, 6);
    expect(p.get('home')).toBeCloseTo(0.5871429, 6);
    expect(p.get('mp')).toBeCloseTo(0.0485714, 6);
  });

  it('gives shares that add up to 1 for every cell, known or not', () => {
    const model = fitted(RECOVERED, { cell: 4, district: 2 });
    for (const cell of [girl, { district: 'd2', band: '0-5', sex: 'M' }, { district: 'nowhere', band: '?', sex: 'U' }]) {
      expect([...model.distribution(cell, 0).values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('does not shrink when the data are endless, and is the prior alone when there are none', () => {
    const endless = fitted(
      RECOVERED.map((r) => ({ ...r, count: r.count * 1e9 })),
      { cell: 4, district: 2 },
    );
    expect(endless.distribution(girl, 0).get('IN-UP')).toBeCloseTo(0.5, 8);
    const model = fitted(RECOVERED, { cell: 4, district: 2 });
    const district = model.distribution({ district: 'd1', band: '6-11', sex: 'F' }, 0);
    expect(district.get('IN-UP')).toBeCloseTo(0.2285714, 6);
    const stateWide = model.distribution({ district: 'd9', band: '6-11', sex: 'F' }, 0);
    expect(stateWide.get('mp')).toBeCloseTo(8.5 / 17.5, 12);
  });

  it('gives a cell the same mix however many models share its counts and whichever cells were asked first', () => {
    const recovered = [...RECOVERED, rec('d1', '15-17', 'F', 'IN-GJ', 3, 30), rec('d2', '0-5', 'M', 'IN-UP', 1, 30)];
    const cells = [
      girl,
      { district: 'd1', band: '0-5', sex: 'M' },
      { district: 'd2', band: '15-17', sex: 'F' },
      { district: 'd9', band: '?', sex: 'U' },
    ];
    const counts = destinationCounts(recovered);
    for (const priors of [
      { cell: 1, district: 16 },
      { cell: 64, district: 4 },
    ]) {
      const shared = destinationModel(counts, priors);
      for (const threshold of [30, 0]) {
        for (const cell of [...cells].reverse()) {
          expect([...shared.distribution(cell, threshold)]).toEqual([...fitted(recovered, priors).distribution(cell, threshold)]);
        }
      }
      expect([...shared.overall()]).toEqual([...fitted(recovered, priors).overall()]);
    }
  });

  it("gives a child's probability of one destination from its counts exactly as her cell's mix gives it, and none for a place never seen", () => {
    const recovered = [...RECOVERED, rec('d1', '15-17', 'F', 'IN-GJ', 3, 30), rec('d2', '0-5', 'M', 'IN-UP', 1, 30)];
    const cells = [girl, { district: 'd2', band: '0-5', sex: 'M' }, { district: 'd9', band: '?', sex: 'U' }];
    const counts = destinationCounts(recovered);
    for (const priors of [
      { cell: 1, district: 256 },
      { cell: 16, district: 4 },
    ]) {
      const model = destinationModel(counts, priors);
      for (const threshold of [0, 30, 90]) {
        for (const cell of cells) {
          const mix = model.distribution(cell, threshold);
          // toEqual compares numbers with Object.is: the same bits.
          expect(counts.destinations.map((d) => shareOf(shareCounts(counts, cell, threshold, d)!, priors))).toEqual(
            counts.destinations.map((d) => mix.get(d)),
          );
          expect(shareCounts(counts, cell, threshold, 'IN-KL')).toBeUndefined();
        }
      }
    }
  });

  it('compares a child with those recovered after at least as long, capped at a year', () => {
    expect([0, 29, 30, 100, 200, 364, 365, 2000].map(thresholdFor)).toEqual([0, 0, 30, 90, 180, 180, 365, 365]);
    const model = fitted([...RECOVERED, rec('d1', '15-17', 'F', 'IN-GJ', 3, 365)], { cell: 1, district: 1 });
    expect(model.distribution(girl, 365).get('IN-GJ')).toBeGreaterThan(0.6);
    expect(model.distribution(girl, 0).get('IN-GJ')).toBeLessThan(0.1);
  });

  it("places a child within a destination by her district's towns, shrunk towards all districts' towns there", () => {
    const towns = townModel(
      [
        { district: 'd1', destination: 'IN-GJ', town: 'surat', count: 3 },
        { district: 'd2', destination: 'IN-GJ', town: 'morbi', count: 6 },
        { district: 'd1', destination: 'home', town: 'khargone', count: 2 },
      ],
      3,
    );
    // d1 in Gujarat: (3 + 3·(3/9)) / 6 for Surat, (0 + 3·(6/9)) / 6 for Morbi; home: d1's own towns only.
    expect(towns('d1', 'IN-GJ').get('surat')).toBeCloseTo(4 / 6, 12);
    expect(towns('d1', 'IN-GJ').get('morbi')).toBeCloseTo(2 / 6, 12);
    expect(towns('d1', 'home')).toEqual(new Map([['khargone', 1]]));
    expect(towns('d2', 'home').size).toBe(0);
  });
});

describe('Poisson-binomial interval', () => {
  it('is the binomial interval when every child has the same probability', () => {
    // Binomial(10, ½): P(X ≤ 1) = 0.0107, P(X ≤ 2) = 0.0547, P(X ≤ 7) = 0.9453, P(X ≤ 8) = 0.9893.
    expect(poissonBinomialInterval([{ p: 0.5, count: 10 }])).toEqual({ expected: 5, lower: 2, upper: 8 });
    expect(exactDistribution([{ p: 0.5, count: 2 }], 2)).toEqual(new Float64Array([0.25, 0.5, 0.25]));
  });

  it('is exact for certain and impossible children, and adds unequal ones', () => {
    expect(
      poissonBinomialInterval([
        { p: 1, count: 3 },
        { p: 0, count: 5 },
      ]),
    ).toEqual({ expected: 3, lower: 3, upper: 3 });
    const dist = exactDistribution(
      [
        { p: 0.2, count: 1 },
        { p: 0.7, count: 1 },
      ],
      2,
    );
    expect([...dist].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.24, 0.62, 0.14]);
  });

  it.each(rReference.cases)("agrees with R's binomials convolved group by group: $name", ({ trials, support, pmf, lower, upper }) => {
    const dist = exactDistribution(trials, support);
    expect(dist).toHaveLength(pmf.length);
    dist.forEach((x, k) => expect(Math.abs(x - pmf[k])).toBeLessThan(1e-13));
    expect(largestCumulativeGap(dist, pmf)).toBeLessThan(1e-12);
    const children = trials.reduce((n, t) => n + t.count, 0);
    // The interval is read from the exact distribution at this size (beyond it, the normal approximation is tested below).
    if (children * support <= EXACT_WORK) expect(poissonBinomialInterval(trials)).toMatchObject({ lower, upper });
  });

  it('gives the same distribution and interval as adding each child one at a time, whatever the mix of probabilities', () => {
    const trial = fc.record({
      p: fc.oneof(fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.2, 1)),
      count: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      // Up to 400 children: the support is every child, so nothing is left out of either distribution.
      fc.property(fc.array(trial, { minLength: 1, maxLength: 40 }), (trials) => {
        const children = trials.reduce((n, t) => n + t.count, 0);
        const reference = oneChildAtATime(trials, children);
        expect(largestCumulativeGap(exactDistribution(trials, children), reference)).toBeLessThan(1e-12);
        const expected = trials.reduce((s, t) => s + t.p * t.count, 0);
        const quantile = (q: number) => reference.findIndex((_, k) => reference.slice(0, k + 1).reduce((a, b) => a + b, 0) >= q - 1e-12);
        expect(poissonBinomialInterval(trials)).toEqual({ expected, lower: quantile(0.05), upper: quantile(0.95) });
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to the normal approximation for very many children', () => {
    const { expected, lower, upper } = poissonBinomialInterval([{ p: 0.5, count: 100_000 }]);
    expect(expected).toBe(50_000);
    const half = 1.6448536 * Math.sqrt(25_000);
    expect(Math.abs(lower - (50_000 - half))).toBeLessThan(1);
    expect(Math.abs(upper - (50_000 + half))).toBeLessThan(1);
  });
});

describe('greedy maximum coverage', () => {
  const places = [
    { id: 'a', weight: 5 },
    { id: 'b', weight: 4 },
    { id: 'c', weight: 4 },
    { id: 'd', weight: 3 },
  ];
  const candidates = [
    { id: 'X', covers: ['a'] },
    { id: 'Y', covers: ['b', 'c'] },
    { id: 'Z', covers: ['a', 'd'] },
  ];

  it('finds the best pair of bases in a case whose answer is known (Y and Z cover all 16)', () => {
    const chosen = greedyMaxCoverage(places, candidates, 2);
    expect(chosen.map((c) => c.id)).toEqual(['Y', 'Z']);
    expect(chosen.reduce((s, c) => s + c.gain, 0)).toBe(16);
  });

  it('counts a place covered twice once', () => {
    const chosen = greedyMaxCoverage(places, candidates, 3);
    expect(chosen.map((c) => [c.id, c.gain])).toEqual([
      ['Y', 8],
      ['Z', 8],
    ]);
  });
});

describe('team plan and back-test scores', () => {
  const model = fitted([rec('d1', '15-17', 'F', 'IN-GJ', 6), rec('d1', '15-17', 'F', 'IN-RJ', 2)], { cell: 1, district: 1 });
  const towns = townModel(
    [
      { district: 'd1', destination: 'IN-GJ', town: 'surat', count: 4 },
      { district: 'd1', destination: 'IN-GJ', town: 'vadodara', count: 2 },
      { district: 'd1', destination: 'IN-RJ', town: 'kota', count: 2 },
    ],
    1,
  );
  const places = new Map<string, Place>([
    ['surat', { id: 'surat', name: 'Surat', state: 'IN-GJ', lat: 21.17, lon: 72.83 }],
    ['vadodara', { id: 'vadodara', name: 'Vadodara', state: 'IN-GJ', lat: 22.31, lon: 73.18 }],
    ['kota', { id: 'kota', name: 'Kota', state: 'IN-RJ', lat: 25.18, lon: 75.84 }],
  ]);
  const pending = [{ ...girl, threshold: 0, count: 10 }];
  const plan = (radiusKm: number, teams: number) =>
    planTeams({
      pending,
      likelihood: townLikelihood(model, towns, pending),
      places,
      teams,
      reach: townsWithin([...places.values()], places.values(), radiusKm),
      districtHq: () => ({ lat: 21.82, lon: 75.61 }),
    });

  it('bases a team where most children like these were found, and covers a neighbouring town within the radius', () => {
    const [alone] = plan(50, 1);
    expect(alone.base.name).toBe('Surat');
    const [wide] = plan(150, 1);
    expect(wide.towns.sort()).toEqual(['surat', 'vadodara']);
    expect(wide.expected).toBeGreaterThan(alone.expected);
    expect(wide.lower).toBeLessThanOrEqual(wide.expected);
    expect(wide.upper).toBeGreaterThanOrEqual(wide.expected);
    expect(wide.origins[0].district).toBe('d1');
  });

  it('scores log loss, top-k among children found out of state, calibration and coverage', () => {
    const outcomes: Outcome[] = [
      { ...girl, threshold: 0, destination: 'IN-GJ', lat: 21.2, lon: 72.8, count: 3 },
      { ...girl, threshold: 0, destination: 'IN-RJ', lat: 25.18, lon: 75.84, count: 1 },
    ];
    const predict = () =>
      new Map([
        ['IN-GJ', 0.5],
        ['IN-RJ', 0.3],
        ['home', 0.2],
      ]);
    const score = scoreOutcomes(outcomes, predict);
    expect(score.logLoss).toBeCloseTo((3 * -Math.log(0.5) + -Math.log(0.3)) / 4, 12);
    // The prior search's log loss alone is the same number; a destination given no chance costs −log 1e-12.
    expect(logLoss(outcomes, (o) => predict().get(o.destination))).toBe(score.logLoss);
    expect(logLoss(outcomes, () => undefined)).toBeCloseTo(-Math.log(1e-12), 12);
    expect([score.top1, score.top3, score.outOfState]).toEqual([0.75, 1, 4]);
    expect(calibration(outcomes, predict, new Map([['IN-GJ', 1]]))[0]).toEqual({
      destination: 'IN-GJ',
      expected: 2,
      baseline: 4,
      actual: 3,
    });
    expect(coverageOf(outcomes, [places.get('surat')!], 50)).toBe(0.75);
  });

  it('ranks a state tied with others in the model order, behind likelier states and ignoring home and MP', () => {
    // Other states by probability: IN-UP and IN-GJ tied at 0.3 (IN-UP first in the model's order), then IN-MH and
    // IN-RJ tied at 0.1 (IN-MH first): ranks 0, 1, 2, 3.
    const mix = new Map([
      ['home', 0.4],
      ['IN-UP', 0.3],
      ['mp', 0.35],
      ['IN-MH', 0.1],
      ['IN-GJ', 0.3],
      ['IN-RJ', 0.1],
    ]);
    const found = (destination: string, count: number): Outcome => ({ ...girl, threshold: 0, destination, lat: null, lon: null, count });
    const score = (destination: string) => scoreOutcomes([found(destination, 1)], () => mix);
    expect(['IN-UP', 'IN-GJ', 'IN-MH', 'IN-RJ'].map((d) => [score(d).top1, score(d).top3])).toEqual([
      [1, 1],
      [0, 1],
      [0, 1],
      [0, 0],
    ]);
    // A state the model never saw is out of state but in no top-k.
    expect(scoreOutcomes([found('IN-KA', 2), found('IN-UP', 2)], () => mix)).toMatchObject({ top1: 0.5, top3: 0.5, outOfState: 4 });
  });
});

describe('town likelihood', () => {
  it('sums each child over destinations and towns, and the expected children over groups', () => {
    const model = fitted([rec('d1', '15-17', 'F', 'IN-GJ', 6), rec('d1', '15-17', 'F', 'IN-RJ', 2)], { cell: 1, district: 1 });
    const towns = townModel(
      [
        { district: 'd1', destination: 'IN-GJ', town: 'surat', count: 4 },
        { district: 'd1', destination: 'IN-GJ', town: 'vadodara', count: 2 },
        { district: 'd1', destination: 'IN-RJ', town: 'kota', count: 2 },
      ],
      1,
    );
    const pending = [{ ...girl, threshold: 0, count: 10 }];
    const likelihood = townLikelihood(model, towns, pending);
    const p = model.distribution(girl, 0);
    const surat = p.get('IN-GJ')! * towns('d1', 'IN-GJ').get('surat')!;
    expect(likelihood.expected.get('surat')).toBeCloseTo(10 * surat, 12);
    expect(likelihood.within(['surat'])({ ...girl, threshold: 0 })).toBeCloseTo(surat, 12);
    expect(likelihood.within(['surat', 'vadodara', 'kota'])({ ...girl, threshold: 0 })).toBeCloseTo(1, 12);
    expect([...likelihood.expected.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(10, 10);
  });

  it("works out a set of towns' shares once per fit: the next filter's children reuse them, another fit does not", () => {
    const recoveries = [rec('d1', '15-17', 'F', 'IN-GJ', 6), rec('d1', '15-17', 'F', 'IN-RJ', 2)];
    const model = fitted(recoveries, { cell: 1, district: 1 });
    const mix = townModel(
      [
        { district: 'd1', destination: 'IN-GJ', town: 'surat', count: 4 },
        { district: 'd1', destination: 'IN-RJ', town: 'kota', count: 2 },
      ],
      1,
    );
    let lookups = 0;
    const towns: typeof mix = (district, destination) => {
      lookups++;
      return mix(district, destination);
    };
    const child = { ...girl, threshold: 0 };
    const first = townLikelihood(model, towns, [{ ...child, count: 10 }]).within(['surat'])(child);
    // Another filter: other children, the same fit.
    const next = townLikelihood(model, towns, [{ ...child, count: 3 }]);
    lookups = 0;
    expect(next.within(['surat'])(child)).toBe(first);
    expect(lookups).toBe(0);
    // Another fit with the same towns works them out afresh.
    const other = townLikelihood(fitted(recoveries, { cell: 4, district: 4 }), towns, [{ ...child, count: 3 }]);
    lookups = 0;
    other.within(['surat'])(child);
    expect(lookups).toBeGreaterThan(0);
  });
});
