import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error plain ESM script without type declarations
import { precompress } from './scripts/precompress.mjs';
// @ts-expect-error plain ESM script without type declarations
import { resolveInside } from './scripts/serve.mjs';
// @ts-expect-error plain ESM script without type declarations
import { snapshotIndex } from './scripts/snapshot-index.mjs';

const SNAPSHOTS = 'data/snapshots';

/**
 * Serves data/snapshots at /data/snapshots in development; in production scripts/serve.mjs serves the
 * same folder, so generated snapshots (1M, 10M rows) are never copied into the build.
 */
function snapshots(): Plugin {
  return {
    name: 'muskaan-snapshots',
    configureServer(server) {
      server.middlewares.use(`/${SNAPSHOTS}`, (req, res, next) => {
        if ((req.url ?? '').split('?')[0] === '/index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(snapshotIndex(SNAPSHOTS)));
          return;
        }
        let path: string;
        try {
          path = decodeURIComponent((req.url ?? '/').split('?')[0]);
        } catch {
          res.statusCode = 400;
          res.end();
          return;
        }
        const file = path.includes('\0') ? null : resolveInside(resolve(SNAPSHOTS), path);
        if (!file || !existsSync(file) || statSync(file).isDirectory()) return next();
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** Brotli and gzip copies of the large assets, which scripts/serve.mjs sends to browsers that accept them. */
function precompressed(): Plugin {
  return {
    name: 'muskaan-precompress',
    apply: 'build',
    closeBundle() {
      precompress(resolve('dist'));
    },
  };
}

export default defineConfig({
  plugins: [react(), snapshots(), precompressed()],
  optimizeDeps: { exclude: ['parquet-wasm', '@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, assetsInlineLimit: 0 },
  worker: { format: 'es' },
});
