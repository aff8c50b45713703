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
  /** The same rows in DuckDB's own storage (`cases.duckdb`), which the dashboard opens without decoding the Parquet. */
  engineFile?: { file: string; sha256: string; bytes: number };
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
  return m as Manifest;
}
