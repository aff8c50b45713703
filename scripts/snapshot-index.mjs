/**
 * The snapshot index served to the app: the committed data/snapshots/index.json (its default and
 * entries) plus every snapshot folder with a manifest.json, so generated and imported snapshots are
 * listed without editing a committed file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function snapshotIndex(dir) {
  const committed = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const entries = new Map(committed.snapshots.map((s) => [s.name, s]));
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'manifest.json');
    if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(file) || !existsSync(join(dir, name, 'cases.parquet'))) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    entries.set(name, { name, asOf: manifest.asOf, rows: manifest.rows.accepted, synthetic: manifest.synthetic });
  }
  const snapshots = [...entries.values()]
    .filter((s) => existsSync(join(dir, s.name, 'cases.parquet')))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { default: committed.default, snapshots };
}
