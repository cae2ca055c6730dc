// The first seeding of a big world with the generation off the database's thread. PGlite runs on
// the thread that opens it, and everything of a seeding was on that one thread: creating the data
// directory (initdb), generating the world, building the COPY bytes, PGlite's COPY and index builds.
// Here a worker thread generates the world and builds the COPY chunks (worldCopyChunks, the same
// function the one-thread path runs) while the platform's thread creates the data directory and then
// loads each chunk as it arrives; the chunks' buffers are transferred, not copied. The platform's
// thread never holds the world (RunningPlatform.world is generated again if someone asks for it).

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';
import { type DemoWorldOptions, demoWorld } from '../../shared/demo-world';
import type { CopyChunk } from './bulk';
import { type WorldDescription, type WorldSource, describeWorld, worldCopyChunks } from './seed';

type FromWorker =
  | { kind: 'described'; description: WorldDescription }
  | { kind: 'chunk'; chunk: CopyChunk }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/** In the worker: generates the world, describes it, and once told the first version sends every chunk. */
export function serveWorld(port: MessagePort, options: DemoWorldOptions): void {
  const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const world = demoWorld(options);
    send({ kind: 'described', description: describeWorld(world) });
    port.once('message', (m: { first: number }) => {
      try {
        for (const chunk of worldCopyChunks(world, m.first))
          send({ kind: 'chunk', chunk }, [chunk.bytes.buffer]);
        send({ kind: 'done' });
      } catch (err) {
        send({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    });
  } catch (err) {
    send({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

// Plain CommonJS evaluated in the worker: it loads this TypeScript module through tsx's CommonJS API
// (about half a second), so the same works under tsx (npm start, the benches) and under Vitest, whose
// loader a worker does not get.
const BOOT = `
const { workerData, parentPort } = require('node:worker_threads');
try {
  const tsx = require(workerData.tsx);
  tsx.register();
  tsx.require(workerData.module, workerData.module).serveWorld(parentPort, workerData.options);
} catch (err) {
  parentPort.postMessage({ kind: 'error', message: String((err && err.stack) || err) });
}
`;

export interface WorkerWorldSource extends WorldSource {
  /** Stops the worker (when the world turned out not to be needed, or after the seeding). */
  close(): Promise<void>;
}

/** Starts generating the world in a worker thread at once; its rows are read through the source. */
export function workerWorldSource(options: DemoWorldOptions): WorkerWorldSource {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const module = fileURLToPath(import.meta.url);
  const worker = new Worker(BOOT, { eval: true, workerData: { tsx, module, options } });
  const queue: CopyChunk[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let described!: (d: WorldDescription) => void;
  let refused!: (err: Error) => void;
  const description = new Promise<WorldDescription>((resolve, reject) => {
    described = resolve;
    refused = reject;
  });
  // Nobody may ask (the database already held a world, or failed to open): not an unhandled rejection.
  description.catch(() => undefined);
  const fail = (err: Error) => {
    if (done || failure) return;
    failure = err;
    refused(err);
    wake?.();
  };
  worker.on('message', (m: FromWorker) => {
    if (m.kind === 'described') described(m.description);
    else if (m.kind === 'chunk') queue.push(m.chunk);
    else if (m.kind === 'done') done = true;
    else fail(new Error(`generating the demo world in a worker failed: ${m.message}`));
    wake?.();
  });
  worker.on('error', (err) => fail(err));
  worker.on('exit', (code) => fail(new Error(`the demo world's worker stopped (exit code ${code})`)));
  return {
    describe: () => description,
    async *chunks(first) {
      worker.postMessage({ first });
      for (;;) {
        const chunk = queue.shift(); // not kept once loaded: its bytes can go
        if (chunk) yield chunk;
        else if (failure) throw failure;
        else if (done) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
