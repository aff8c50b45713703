import { describe, expect, it } from 'vitest';
import { buildSurvivalGroups, chartEndDay, survivalChartRows } from '../../src/views/recovery/survival-groups';

const counts = (group: string, n: number) => Array.from({ length: n }, (_, i) => ({ group, time: i + 1, events: 1, censored: 0 }));

describe('survival groups', () => {
  const districts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((d, i) => counts(d, i + 1));

  it('shows the six districts with most cases when none is chosen', () => {
    expect(buildSurvivalGroups(districts, 'district', []).map((g) => g.key)).toEqual(['g', 'f', 'e', 'd', 'c', 'b']);
  });

  it('shows the chosen districts when there are some, in the order chosen whatever order the rows come in', () => {
    expect(buildSurvivalGroups(districts, 'district', ['a', 'c']).map((g) => g.key)).toEqual(['a', 'c']);
    expect(buildSurvivalGroups([...districts].reverse(), 'district', ['a', 'c']).map((g) => g.key)).toEqual(['a', 'c']);
    expect(buildSurvivalGroups(districts, 'district', ['c', 'a']).map((g) => g.key)).toEqual(['c', 'a']);
  });

  it('gives each group the same curve whatever order its days come in (the query leaves them unsorted)', () => {
    const rows = [...counts('F', 3), { group: 'F', time: 2, events: 0, censored: 2 }, ...counts('M', 2)];
    const shuffled = [rows[4], rows[1], rows[5], rows[3], rows[0], rows[2]];
    expect(buildSurvivalGroups(shuffled, 'sex', [])).toEqual(buildSurvivalGroups(rows, 'sex', []));
  });

  it('orders sex and age groups the way the register does', () => {
    expect(buildSurvivalGroups([...counts('M', 2), ...counts('U', 1), ...counts('F', 3)], 'sex', []).map((g) => g.key)).toEqual([
      'F',
      'M',
      'U',
    ]);
    expect(buildSurvivalGroups([...counts('15-17', 2), ...counts('0-5', 1)], 'age', []).map((g) => g.key)).toEqual(['0-5', '15-17']);
  });

  it('gives chart rows in percent at each step, starting at 100%', () => {
    const rows = survivalChartRows(buildSurvivalGroups(counts('F', 4), 'sex', []), 10);
    expect(rows).toEqual([
      { time: 0, F: 100 },
      { time: 1, F: 75 },
      { time: 2, F: 50 },
      { time: 3, F: 25 },
      { time: 4, F: 0 },
    ]);
  });

  it("ends each curve at its group's last observed day, with no flat extension", () => {
    const rows = [
      ...counts('F', 2),
      { group: 'F', time: 40, events: 0, censored: 3 },
      { group: 'M', time: 5, events: 1, censored: 0 },
      { group: 'M', time: 9, events: 0, censored: 1 },
    ];
    const groups = buildSurvivalGroups(rows, 'sex', []);
    expect(chartEndDay(groups, 730)).toBe(40);
    const chart = survivalChartRows(groups, 730);
    expect(chart.map((r) => r.time)).toEqual([0, 1, 2, 5, 9, 40]);
    expect(chart.find((r) => r.time === 9)).toEqual({ time: 9, F: 60, M: 50 });
    expect(chart.find((r) => r.time === 40)).toEqual({ time: 40, F: 60 });
    expect(chartEndDay(groups, 30)).toBe(30);
  });
});
