import { CUBE_PREFIX } from '../queries/query';

/** `manifest.json` beside each snapshot's `cases.parquet` (DESIGN.md §2.1). */
export interface Manifest {
  schemaVersion: number;
  name: string;
  asOf: string;
  createdAt: string;
  synthetic: boolean;
  sources: { file: string; sha256: string; bytes: number }[];
  rows: { input: number; accepted: number; rejected: number };
  dateRange: { firstMissing: string; lastMissing: string };
  gazetteer: string;
  generator?: { name: string; seed: number };
  /**
   * The same rows in DuckDB's own storage (`cases.duckdb`), which the dashboard opens without decoding the Parquet, and
   * the cubes and stored answers it carries (see Cube), which the page would otherwise ask DuckDB's catalog for.
   */
  engineFile?: { file: string; sha256: string; bytes: number; cubes?: string[] };
}

/** `data/snapshots/index.json`: the snapshots the app can open. */
export interface SnapshotIndex {
  default: string;
  snapshots: { name: string; asOf: string; rows: number; synthetic: boolean }[];
}

export function checkManifest(value: unknown): Manifest {
  const m = value as Partial<Manifest> | null;
  const missing = (['schemaVersion', 'name', 'asOf', 'synthetic', 'rows'] as const).find((k) => m?.[k] === undefined);
  if (missing) throw new Error(`manifest.json has no "${missing}"`);
  // The engine file is fetched from beside the manifest: a plain file name, never a path.
  const file = m?.engineFile?.file;
  if (m?.engineFile !== undefined && !(typeof file === 'string' && /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(file))) {
    throw new Error('manifest.json names an engine file that is not a plain file name');
  }
  const cubes = m?.engineFile?.cubes;
  if (cubes !== undefined && !(Array.isArray(cubes) && cubes.every((name) => typeof name === 'string' && name.startsWith(CUBE_PREFIX)))) {
    throw new Error("manifest.json lists an engine file's cubes by names that are not cube names");
  }
  return m as Manifest;
}
