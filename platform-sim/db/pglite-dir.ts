// Creating a new PGlite data directory runs initdb inside PGlite's WebAssembly, 3–6 s of one thread
// that the same thread cannot overlap with anything (docs/platform.md, "Seeding by bulk load"). A new
// directory is therefore created by a PGlite in a worker thread while the caller generates the demo
// world; the platform then opens the finished directory (about 0.4 s).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** True when the directory holds no PostgreSQL cluster yet (missing, empty, or without PG_VERSION). */
export function isNewPgliteDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

// Plain CommonJS evaluated in the worker (no TypeScript loader there, under tsx or vitest alike).
const WORKER = `
const { workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
(async () => {
  const db = new PGlite(workerData.dataDir);
  await db.waitReady;
  await db.close();
})();
`;

/**
 * Creates the PGlite data directory `dataDir` in a worker thread; resolves once it is complete and
 * closed. The caller's thread stays free until then.
 */
export function createPgliteDir(dataDir: string): Promise<void> {
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { pglite, dataDir } });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`creating the PGlite data directory exited with ${code}`)),
    );
  });
}
