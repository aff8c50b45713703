/** One case as the snapshot stores it (schema v1); dates are YYYY-MM-DD. */
export interface CaseRecord {
  case_id: string;
  origin_district: string;
  origin_station: string | null;
  origin_lat: number;
  origin_lon: number;
  origin_precision: 'station' | 'district';
  missing_date: string;
  recovered_date: string | null;
  recovery_place: string | null;
  recovery_district: string | null;
  recovery_state: string | null;
  recovery_lat: number | null;
  recovery_lon: number | null;
  recovery_precision: 'place' | 'district' | 'state' | null;
  sex: 'F' | 'M' | 'T' | 'U';
  age_years: number | null;
  accused_arrested: number | null;
  pocso: boolean | null;
  source_row: number | null;
}
