import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/filters/filter';
import { sqlDate, sqlIdentifier, sqlString } from '../../src/filters/sql';
import { filterToPredicate } from '../../src/filters/where';

describe('filterToPredicate', () => {
  it('is TRUE when nothing is set', () => {
    expect(filterToPredicate(EMPTY_FILTER)).toBe('TRUE');
  });

  it('ANDs one predicate per set field', () => {
    expect(filterToPredicate({ ...EMPTY_FILTER, from: '2025-01-01', sex: ['F'], ageBands: ['0-5', '15-17'], status: 'missing' })).toBe(
      "missing_date >= DATE '2025-01-01' AND sex IN ('F') AND (age_years BETWEEN 0 AND 5 OR age_years BETWEEN 15 AND 17)" +
        ' AND recovered_date IS NULL',
    );
  });

  it('skips the field a view asks to ignore, and qualifies columns with an alias', () => {
    const filter = { ...EMPTY_FILTER, districts: ['khargone'], scope: 'interstate' as const };
    expect(filterToPredicate(filter, { except: 'districts', alias: 'c' })).toBe("c.recovery_state <> 'IN-MP'");
  });

  it('escapes quotes so a value can never end its literal', () => {
    expect(filterToPredicate({ ...EMPTY_FILTER, districts: ["x' OR '1'='1"] })).toBe("origin_district IN ('x'' OR ''1''=''1')");
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
