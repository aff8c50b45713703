import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SNAPSHOTS = 'data/snapshots';

/** Serves data/snapshots at /data/snapshots in development and copies it into the build. */
function snapshots(): Plugin {
  let outDir = 'dist';
  return {
    name: 'muskaan-snapshots',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(`/${SNAPSHOTS}`, (req, res, next) => {
        const file = normalize(join(SNAPSHOTS, decodeURIComponent((req.url ?? '/').split('?')[0])));
        if (!file.startsWith(SNAPSHOTS) || !existsSync(file) || statSync(file).isDirectory()) return next();
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(SNAPSHOTS, join(outDir, SNAPSHOTS), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), snapshots()],
  optimizeDeps: { exclude: ['parquet-wasm', '@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, assetsInlineLimit: 0 },
  worker: { format: 'es' },
});
