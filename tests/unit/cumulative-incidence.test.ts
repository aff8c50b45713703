import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, incidenceAt, incidenceAtTimes, type CompetingCount } from '../../src/stats/cumulative-incidence';

interface ReferenceEstimate {
  value: number;
  se: number;
  lower: number | 'NA';
  upper: number | 'NA';
}
interface ReferenceTime {
  time: number;
  atRisk: number;
  states: Record<string, ReferenceEstimate>;
}

/** Values R's survival package gave for the same data (tests/reference/cumulative-incidence.R). */
const reference = JSON.parse(readFileSync('tests/reference/cumulative-incidence.json', 'utf8')) as {
  small: { data: { time: number; status: number }[]; times: ReferenceTime[] };
};

const counts: CompetingCount[] = reference.small.data.map(({ time, status }) => ({
  time,
  cause: status === 0 ? null : status - 1,
  count: 1,
}));
const ci = cumulativeIncidence(counts, 3);

function expectEstimate(
  actual: { value: number; standardError: number; lower: number; upper: number },
  expected: ReferenceEstimate,
  label: string,
) {
  expect(actual.value, `${label} value`).toBeCloseTo(expected.value, 10);
  expect(actual.standardError, `${label} standard error`).toBeCloseTo(expected.se, 10);
  if (expected.lower !== 'NA') expect(actual.lower, `${label} lower`).toBeCloseTo(expected.lower, 10);
  if (expected.upper !== 'NA') expect(actual.upper, `${label} upper`).toBeCloseTo(expected.upper, 10);
}

describe('Aalen–Johansen cumulative incidence against R survival::survfit', () => {
  it('matches the estimates, infinitesimal-jackknife standard errors, log intervals and numbers at risk', () => {
    for (const expected of reference.small.times) {
      const at = incidenceAt(ci, expected.time)!;
      expect(at.atRisk, `at risk, day ${expected.time}`).toBe(expected.atRisk);
      expectEstimate(at.stillMissing, expected.states.missing, `still missing, day ${expected.time}`);
      ['a', 'b', 'c'].forEach((cause, k) => expectEstimate(at.incidence[k], expected.states[cause], `${cause}, day ${expected.time}`));
    }
  });

  it('gives the same R-checked estimates for several days at once, in the order asked, with null past the end', () => {
    const days = [...reference.small.times.map((t) => t.time)].reverse();
    const all = incidenceAtTimes(ci, [...days, 0, 16]);
    expect(all).toHaveLength(days.length + 2);
    days.forEach((day, i) => {
      const expected = reference.small.times.find((t) => t.time === day)!;
      expect(all[i]!.time).toBe(day);
      expect(all[i]!.atRisk).toBe(expected.atRisk);
      expectEstimate(all[i]!.stillMissing, expected.states.missing, `still missing, day ${day}, together`);
      ['a', 'b', 'c'].forEach((cause, k) => expectEstimate(all[i]!.incidence[k], expected.states[cause], `${cause}, day ${day}, together`));
    });
    // Day 0, before any step: everyone still missing, no uncertainty yet.
    expect(all[days.length]!.stillMissing).toMatchObject({ value: 1, standardError: 0 });
    expect(all[days.length + 1]).toBeNull();
  });

  it('adds up to 100% with the share still missing at every step', () => {
    for (const step of ci.steps) expect(step.stillMissing + step.incidence.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('without censoring is the share of children with each outcome', () => {
    const plain = cumulativeIncidence(
      [
        { time: 1, cause: 0, count: 2 },
        { time: 3, cause: 1, count: 1 },
        { time: 3, cause: 0, count: 1 },
        { time: 8, cause: 1, count: 4 },
      ],
      2,
    );
    const at = incidenceAt(plain, 5)!;
    expect(at.incidence.map((e) => e.value)).toEqual([3 / 8, 1 / 8]);
    expect(at.stillMissing.value).toBeCloseTo(4 / 8, 12);
    // With no censoring the jackknife variance is the binomial one, p(1 − p)/n.
    expect(at.incidence[0].standardError).toBeCloseTo(Math.sqrt(((3 / 8) * (5 / 8)) / 8), 12);
  });

  it('says nothing past the last day anyone was followed', () => {
    expect(ci.lastTime).toBe(15);
    expect(incidenceAt(ci, 16)).toBeNull();
    expect(incidenceAt(cumulativeIncidence([], 2), 0)).toBeNull();
  });
});
