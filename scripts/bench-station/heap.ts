// The JS heap of a bench tab, through the DevTools protocol: after a forced garbage collection
// (HeapProfiler.collectGarbage), V8's used heap (Runtime.getHeapUsage). With BENCH_HEAP_SNAPSHOT=1
// the script also takes a heap snapshot and sums its nodes' own sizes by kind and constructor — the
// "where does the heap go" table of docs/sync.md.
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

export interface HeapFigure {
  /** V8's used heap after a full GC, in MB (2^20 bytes) */
  usedMb: number;
  totalMb: number;
}

async function session(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return cdp;
}

export async function heapAfterGc(page: Page): Promise<HeapFigure> {
  const cdp = await session(page);
  try {
    // twice: the first collection lets weak callbacks and finalizers free what the second takes
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { usedMb: usedSize / 2 ** 20, totalMb: totalSize / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}

export interface HeapGroup {
  kind: string;
  count: number;
  mb: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Own sizes summed by node kind (string, array, code …) and, for objects, by constructor name. */
export async function heapSummary(page: Page, top = 20): Promise<HeapGroup[]> {
  const cdp = await session(page);
  const file = join(tmpdir(), `bench-heap-${process.pid}-${Date.now()}.heapsnapshot`);
  const out = createWriteStream(file);
  try {
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => out.write(e.chunk));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const snap = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const width = fields.length;
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const groups = new Map<string, HeapGroup>();
    for (let i = 0; i < snap.nodes.length; i += width) {
      const type = types[snap.nodes[i + typeAt!]!]!;
      const name = snap.strings[snap.nodes[i + nameAt!]!]!;
      const kind =
        type === 'object' || type === 'native' || type === 'closure' ? `${type} ${name.slice(0, 60)}` : type;
      const g = groups.get(kind) ?? { kind, count: 0, mb: 0 };
      g.count++;
      g.mb += snap.nodes[i + sizeAt!]! / 2 ** 20;
      groups.set(kind, g);
    }
    return [...groups.values()].sort((a, b) => b.mb - a.mb).slice(0, top);
  } finally {
    await cdp.detach();
    await rm(file, { force: true });
  }
}
