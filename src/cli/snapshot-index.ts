import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, SnapshotIndex } from '../data/manifest';

/**
 * Adds or replaces an imported snapshot in `<dir>/index.json`, so it is listed on any static host too (the
 * bundled server also lists every snapshot folder it finds).
 */
export function addToIndex(dir: string, manifest: Manifest): void {
  const file = join(dir, 'index.json');
  const index: SnapshotIndex = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as SnapshotIndex)
    : { default: manifest.name, snapshots: [] };
  const entry = { name: manifest.name, asOf: manifest.asOf, rows: manifest.rows.accepted, synthetic: manifest.synthetic };
  index.snapshots = [...index.snapshots.filter((s) => s.name !== manifest.name), entry].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, `${JSON.stringify(index, null, 2)}\n`);
}
