/** The only places user values become SQL text. */

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlStringList(values: readonly string[]): string {
  return `(${values.map(sqlString).join(', ')})`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function sqlDate(value: string): string {
  if (!ISO_DATE.test(value)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return `DATE ${sqlString(value)}`;
}
