import { describe, expect, it } from 'vitest';
import type { DistrictRow } from '../../src/queries/districts';
import { buildLeaderboard, monthRange } from '../../src/views/districts/leaderboard';

const row = (id: string, reported: number, rank: number, previousReported: number | null, previousRank: number | null): DistrictRow => ({
  id,
  name: id,
  nameHi: id,
  reported,
  recovered: 0,
  recoveryRate: null,
  stillMissing: 0,
  overAhtuDays: 0,
  interstateShare: null,
  rank,
  previousReported,
  previousRank,
});

describe('buildLeaderboard', () => {
  const survival = [
    { group: 'dhar', time: 5, events: 1, censored: 0 },
    { group: 'dhar', time: 9, events: 1, censored: 0 },
    { group: 'dhar', time: 40, events: 0, censored: 1 },
    { group: 'guna', time: 300, events: 0, censored: 2 },
  ];
  const months = [
    { district: 'dhar', month: '2025-01', reported: 2 },
    { district: 'dhar', month: '2025-04', reported: 1 },
    { district: 'guna', month: '2025-02', reported: 2 },
  ];
  const rows = buildLeaderboard([row('dhar', 3, 2, 5, 1), row('guna', 2, 3, 1, 4), row('harda', 0, 4, null, null)], survival, months);

  it('takes the Kaplan–Meier median, none when fewer than half were recovered', () => {
    expect(rows.map((r) => r.medianDays)).toEqual([9, null, null]);
  });

  it('gives the Kaplan–Meier share recovered within 30 and 120 days with the number at risk, blank past follow-up', () => {
    // Dhar: recovered on days 5 and 9, one still missing followed 40 days; Guna: two still missing after 300 days.
    expect(rows[0].within30.share).toBeCloseTo(2 / 3, 12);
    expect(rows[0].within30.atRisk).toBe(1);
    expect(rows[0].within120).toEqual({ share: null, atRisk: 0 });
    expect(rows[1].within30).toEqual({ share: 0, atRisk: 2 });
    expect(rows[1].within120).toEqual({ share: 0, atRisk: 2 });
    expect(rows[2].within30.share).toBeNull();
  });

  it('gives change and rank movement, upward positive', () => {
    expect(rows.map((r) => [r.change, r.rankChange])).toEqual([
      [-2, -1],
      [1, 1],
      [null, null],
    ]);
  });

  it('aligns every sparkline on the same months, with zeros for months without cases', () => {
    expect(rows.map((r) => r.monthly)).toEqual([
      [2, 0, 0, 1],
      [0, 2, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('lists months across a year end', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
