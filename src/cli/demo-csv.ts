import type { CaseRecord } from '../data/case-record';
import { toCsv } from '../export/csv';
import { DISTRICT_BY_ID } from '../geo/mp-districts';

const dayFirst = (date: string | null) => (date ? date.split('-').reverse().join('-') : '');

/** Synthetic cases as a police export would give them: names, not ids, and day-first dates. */
export function demoCsv(cases: readonly CaseRecord[]): string {
  return toCsv(
    [
      'Case ID',
      'District',
      'Police Station',
      'Missing Date',
      'Recovered Date',
      'Recovered Place',
      'Recovered District',
      'Recovered State',
      'Sex',
      'Age',
      'Accused Arrested',
      'POCSO',
    ],
    cases.map((c) => [
      c.case_id,
      DISTRICT_BY_ID.get(c.origin_district)!.name,
      c.origin_station ?? '',
      dayFirst(c.missing_date),
      dayFirst(c.recovered_date),
      c.recovery_place ?? '',
      c.recovery_state === 'IN-MP' && c.recovery_district
        ? (DISTRICT_BY_ID.get(c.recovery_district)?.name ?? '')
        : (c.recovery_district ?? ''),
      c.recovery_state ?? '',
      c.sex,
      c.age_years ?? '',
      c.accused_arrested ?? '',
      c.pocso === null ? '' : c.pocso ? 'yes' : 'no',
    ]),
  );
}
