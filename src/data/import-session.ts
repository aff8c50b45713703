import ImportWorker from '../import/import-worker?worker';
import type { ImportMessage, ImportRequest } from '../import/import-worker';
import { MAX_IMPORT_BYTES } from '../import/read-file';
import { casesToParquet, importManifest, rejectsCsv } from '../import/snapshot-writer';
import type { ImportResult } from '../import/validate';
import type { Manifest } from './manifest';
import { beginWork } from './readiness';
import { currentEngine, replaceSnapshot } from './session';

export interface PreparedImport {
  fileName: string;
  result: ImportResult;
  manifest: Manifest;
  parquet: Uint8Array;
  rejectsCsv: string;
}

export type ImportProgress = { phase: 'read' | 'validate' | 'write'; done?: number; total?: number };

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An import worker silent for this long is stuck (a damaged file the reader loops on): it is ended. */
export const IMPORT_STALL_MS = 120_000;

function validateInWorker(bytes: Uint8Array, asOf: string, onProgress: (p: ImportProgress) => void, stallMs = IMPORT_STALL_MS) {
  return new Promise<Extract<ImportMessage, { type: 'done' }>>((resolve, reject) => {
    const worker = new ImportWorker();
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(watchdog);
      worker.terminate();
    };
    const watch = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        finish();
        reject(new Error(`The file was still being read after ${stallMs / 1000} s without progress; it may be damaged`));
      }, stallMs);
    };
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        watch();
        onProgress(message);
      } else {
        finish();
        if (message.type === 'done') resolve(message);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The import could not run: ${event.message}`));
    };
    watch();
    worker.postMessage({ bytes, asOf } satisfies ImportRequest);
  });
}

/**
 * Validates a dropped file and writes the accepted cases as Parquet, without touching the loaded
 * snapshot: the user sees the report first and confirms.
 */
export async function prepareImport(file: File, asOf: string, onProgress: (p: ImportProgress) => void): Promise<PreparedImport> {
  const done = beginWork();
  try {
    if (file.size > MAX_IMPORT_BYTES) {
      throw new Error(`The file is ${(file.size / 1e6).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { result, gazetteer } = await validateInWorker(bytes, asOf, onProgress);
    onProgress({ phase: 'write' });
    const parquet = await casesToParquet(await currentEngine(), result.accepted);
    const name = file.name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'import';
    const manifest = importManifest(name, asOf, { file: file.name, bytes: bytes.byteLength, sha256: await sha256(bytes) }, result, gazetteer);
    return { fileName: file.name, result, manifest, parquet, rejectsCsv: rejectsCsv(result) };
  } finally {
    done();
  }
}

/** Replaces the loaded snapshot with a prepared import; a failure keeps the old one. */
export async function openImport(prepared: PreparedImport): Promise<void> {
  await replaceSnapshot(prepared.parquet, prepared.manifest, prepared.fileName);
}
