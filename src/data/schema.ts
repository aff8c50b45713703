import { DataType, Type, type Field, type Schema } from 'apache-arrow';

/** The `cases` table, schema v1 (DESIGN.md §2.2). */
export const SCHEMA_VERSION = 1;

export type SqlType = 'VARCHAR' | 'DOUBLE' | 'DATE' | 'TINYINT' | 'SMALLINT' | 'INTEGER' | 'BOOLEAN';

export interface Column {
  name: string;
  type: SqlType;
  nullable: boolean;
}

export const CASE_COLUMNS: readonly Column[] = [
  { name: 'case_id', type: 'VARCHAR', nullable: false },
  { name: 'origin_district', type: 'VARCHAR', nullable: false },
  { name: 'origin_station', type: 'VARCHAR', nullable: true },
  { name: 'origin_lat', type: 'DOUBLE', nullable: false },
  { name: 'origin_lon', type: 'DOUBLE', nullable: false },
  { name: 'origin_precision', type: 'VARCHAR', nullable: false },
  { name: 'missing_date', type: 'DATE', nullable: false },
  { name: 'recovered_date', type: 'DATE', nullable: true },
  { name: 'recovery_place', type: 'VARCHAR', nullable: true },
  { name: 'recovery_district', type: 'VARCHAR', nullable: true },
  { name: 'recovery_state', type: 'VARCHAR', nullable: true },
  { name: 'recovery_lat', type: 'DOUBLE', nullable: true },
  { name: 'recovery_lon', type: 'DOUBLE', nullable: true },
  { name: 'recovery_precision', type: 'VARCHAR', nullable: true },
  { name: 'sex', type: 'VARCHAR', nullable: false },
  { name: 'age_years', type: 'TINYINT', nullable: true },
  { name: 'accused_arrested', type: 'SMALLINT', nullable: true },
  { name: 'pocso', type: 'BOOLEAN', nullable: true },
  { name: 'source_row', type: 'INTEGER', nullable: true },
];

export class SnapshotSchemaError extends Error {
  constructor(readonly column: string, detail: string) {
    super(`Snapshot does not match the cases schema v${SCHEMA_VERSION}: column "${column}" ${detail}`);
    this.name = 'SnapshotSchemaError';
  }
}

function accepts(column: Column, type: DataType): boolean {
  const t = DataType.isDictionary(type) ? type.dictionary : type;
  switch (column.type) {
    case 'VARCHAR': return t.typeId === Type.Utf8 || t.typeId === Type.LargeUtf8;
    case 'DOUBLE': return t.typeId === Type.Float;
    case 'DATE': return t.typeId === Type.Date;
    case 'BOOLEAN': return t.typeId === Type.Bool;
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER': return t.typeId === Type.Int && (t as unknown as { bitWidth: number }).bitWidth <= 32;
  }
}

/** Throws a SnapshotSchemaError naming the first column that is missing or of the wrong type. */
export function checkCaseSchema(schema: Schema): void {
  const byName = new Map<string, Field>(schema.fields.map((f) => [f.name, f]));
  for (const column of CASE_COLUMNS) {
    const field = byName.get(column.name);
    if (!field) throw new SnapshotSchemaError(column.name, 'is missing');
    if (!accepts(column, field.type)) {
      throw new SnapshotSchemaError(column.name, `should be ${column.type} but is ${String(field.type)}`);
    }
  }
}
