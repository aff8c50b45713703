/** The only places user values become SQL text. */
import { isRealDate } from './dates';

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlStringList(values: readonly string[]): string {
  return `(${values.map(sqlString).join(', ')})`;
}

export function sqlDate(value: string): string {
  if (!isRealDate(value)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return `DATE ${sqlString(value)}`;
}
