/** `npm start`: builds when the sources are newer than dist/, then serves the build on 127.0.0.1. */
import { buildIfNeeded } from './build-if-needed.mjs';
import { startServer } from './serve.mjs';

buildIfNeeded();
const port = Number(process.env.PORT ?? 4173);
await startServer({ port });
console.log(`Muskaan Atlas is running at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
