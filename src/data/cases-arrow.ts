import {
  Bool, DateDay, Float64, Int16, Int32, Int8, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector,
} from 'apache-arrow';
import { CASE_COLUMNS, type SqlType } from './schema';

/** One case as the snapshot stores it; dates are YYYY-MM-DD. */
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

const ARROW_TYPE: Record<SqlType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  DATE: () => new DateDay(),
  TINYINT: () => new Int8(),
  SMALLINT: () => new Int16(),
  INTEGER: () => new Int32(),
  BOOLEAN: () => new Bool(),
};


/** Cases as an Arrow IPC stream typed exactly as schema v1. */
export function casesToArrowIPC(records: readonly CaseRecord[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const column of CASE_COLUMNS) {
    const key = column.name as keyof CaseRecord;
    const values = column.type === 'DATE'
      ? records.map((r) => (r[key] === null ? null : new Date(Date.parse(`${r[key] as string}T00:00:00Z`))))
      : records.map((r) => r[key]);
    columns[column.name] = vectorFromArray(values as unknown[], ARROW_TYPE[column.type]());
  }
  return tableToIPC(new Table(columns), 'stream');
}
