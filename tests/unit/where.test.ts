import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { sqlDate, sqlIdentifier, sqlString } from '../../src/filters/sql';
import { cubePredicate, filterToPredicate } from '../../src/filters/where';

describe('filterToPredicate', () => {
  it('is TRUE when nothing is set', () => {
    expect(filterToPredicate(EMPTY_FILTER)).toBe('TRUE');
  });

  it('ANDs one predicate per set field', () => {
    expect(filterToPredicate({ ...EMPTY_FILTER, from: '2025-01-01', sex: ['F'], ageBands: ['0-5', '15-17'], status: 'missing' })).toBe(
      "missing_date >= DATE '2025-01-01' AND sex = 'F' AND (age_years BETWEEN 0 AND 5 OR age_years BETWEEN 15 AND 17)" +
        ' AND recovered_date IS NULL',
    );
  });

  it('skips the field a view asks to ignore, and qualifies columns with an alias', () => {
    const filter = { ...EMPTY_FILTER, districts: ['khargone'], scope: 'interstate' as const };
    expect(filterToPredicate(filter, { except: 'districts', alias: 'c' })).toBe("c.recovery_state <> 'IN-MP'");
  });

  it('compares with the one value of a list, or lists several', () => {
    expect(filterToPredicate({ ...EMPTY_FILTER, states: ['IN-GJ', 'IN-MH'] })).toBe("recovery_state IN ('IN-GJ', 'IN-MH')");
  });

  it('escapes quotes so a value can never end its literal', () => {
    expect(filterToPredicate({ ...EMPTY_FILTER, districts: ["x' OR '1'='1"] })).toBe("origin_district = 'x'' OR ''1''=''1'");
    expect(filterToPredicate({ ...EMPTY_FILTER, sex: ['F', "x' OR '1'='1"] as never })).toBe("sex IN ('F', 'x'' OR ''1''=''1')");
  });
});

describe('cubePredicate', () => {
  it("applies the filter to a cube's columns", () => {
    const filter = { ...EMPTY_FILTER, sex: ['F' as const], ageBands: ['12-14' as const, '15-17' as const], scope: 'interstate' as const };
    expect(cubePredicate({ ...filter, status: 'missing' })).toBe(
      "sex = 'F' AND age_band IN ('12-14', '15-17') AND recovery_state <> 'IN-MP' AND NOT recovered",
    );
    expect(cubePredicate(filter, ['states', 'scope', 'status'])).toBe("sex = 'F' AND age_band IN ('12-14', '15-17')");
  });

  it('cannot tell dates apart: none when the filter sets one the query applies', () => {
    expect(cubePredicate({ ...EMPTY_FILTER, to: '2025-01-31' })).toBeUndefined();
    expect(cubePredicate({ ...EMPTY_FILTER, to: '2025-01-31' }, ['from', 'to'])).toBe('TRUE');
  });
});

describe('SQL escapers', () => {
  it('double the quote character of their kind', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
  });

  it('refuse a date that is not YYYY-MM-DD', () => {
    expect(() => sqlDate("2025-01-01'; DROP TABLE cases; --")).toThrow(/not a YYYY-MM-DD date/);
  });
});
