import type { CaseRecord } from '../../src/data/case-record';

const base: CaseRecord = {
  case_id: '', origin_district: '', origin_station: null, origin_lat: 0, origin_lon: 0, origin_precision: 'district',
  missing_date: '', recovered_date: null, recovery_place: null, recovery_district: null, recovery_state: null,
  recovery_lat: null, recovery_lon: null, recovery_precision: null, sex: 'F', age_years: null,
  accused_arrested: null, pocso: null, source_row: null,
};

const at = (place: string, district: string | null, state: string, lat: number | null, lon: number | null) => ({
  recovery_place: place, recovery_district: district, recovery_state: state, recovery_lat: lat, recovery_lon: lon,
  recovery_precision: lat === null ? null : 'place' as const,
});
const GORAKHPUR = at('Gorakhpur', 'Gorakhpur', 'IN-UP', 26.7663, 83.3689);

/**
 * Ten cases whose answers are worked out by hand in tests/sql. Surat's district is left blank, as
 * GeoNames leaves it for cities that are their own district (Delhi, Mumbai). Days to recovery: k1 10, k2 30, k3 2,
 * t1 30, t2 4, t3 20, b2 1, s1 45; k4 and b1 still missing.
 */
export const FIXTURE_CASES: CaseRecord[] = [
  { ...base, case_id: 'k1', origin_district: 'khargone', origin_lat: 21.82, origin_lon: 75.61, missing_date: '2025-01-10',
    recovered_date: '2025-01-20', ...GORAKHPUR, sex: 'F', age_years: 16, accused_arrested: 1, pocso: true },
  { ...base, case_id: 'k2', origin_district: 'khargone', origin_lat: 21.82, origin_lon: 75.61, missing_date: '2025-02-01',
    recovered_date: '2025-03-03', ...GORAKHPUR, sex: 'F', age_years: 15, accused_arrested: 0, pocso: false },
  { ...base, case_id: 'k3', origin_district: 'khargone', origin_lat: 21.82, origin_lon: 75.61, missing_date: '2025-03-05',
    recovered_date: '2025-03-07', ...at('Khargone', 'khargone', 'IN-MP', 21.82, 75.61), sex: 'M', age_years: 9 },
  { ...base, case_id: 'k4', origin_district: 'khargone', origin_lat: 21.82, origin_lon: 75.61, missing_date: '2025-04-01',
    sex: 'F', age_years: 17 },
  { ...base, case_id: 't1', origin_district: 'katni', origin_lat: 23.84, origin_lon: 80.39, missing_date: '2025-01-15',
    recovered_date: '2025-02-14', ...at('Kota', 'Kota', 'IN-RJ', 25.18, 75.84), sex: 'F', age_years: 14 },
  { ...base, case_id: 't2', origin_district: 'katni', origin_lat: 23.84, origin_lon: 80.39, missing_date: '2025-05-01',
    recovered_date: '2025-05-05', ...at('Jabalpur', 'jabalpur', 'IN-MP', 23.17, 79.95), sex: 'F', age_years: 16 },
  { ...base, case_id: 't3', origin_district: 'katni', origin_lat: 23.84, origin_lon: 80.39, missing_date: '2025-06-01',
    recovered_date: '2025-06-21', ...at('Railway station', null, 'IN-MP', null, null), sex: 'M', age_years: 12 },
  { ...base, case_id: 'b1', origin_district: 'bhopal', origin_lat: 23.25, origin_lon: 77.4, missing_date: '2024-12-20',
    sex: 'U', age_years: null },
  { ...base, case_id: 'b2', origin_district: 'bhopal', origin_station: "Kotwali 'Old' City; DROP TABLE cases",
    origin_precision: 'station', origin_lat: 23.26, origin_lon: 77.41, missing_date: '2025-02-10',
    recovered_date: '2025-02-11', ...at('Indore', 'indore', 'IN-MP', 22.72, 75.83), sex: 'T', age_years: 17 },
  { ...base, case_id: 's1', origin_district: 'shivpuri', origin_lat: 25.42, origin_lon: 77.66, missing_date: '2025-07-01',
    recovered_date: '2025-08-15', ...at('Surat', null, 'IN-GJ', 21.2, 72.83), sex: 'F', age_years: 16 },
];
