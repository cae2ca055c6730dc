// What bench:station prints: every figure with its goal beside it, and by how much a missed goal is
// missed.
import { DATASETS } from '../../renderer/sync';
import type { HeapGroup } from './heap';
import type { Latency } from './sample';
import type { UiFigures } from './real-ui';
import type { BenchFigures } from './tabs';
import { BIG_DATASETS, type BigDataset } from './floors';

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const s1 = (x: number) => `${(x / 1000).toFixed(1)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const pct = (a: number, b: number) => (100 * a) / b;
/** the 1-minute load average at a phase's start → end (2 cores) */
const loadOf = ([a, b]: [number, number]) => `${a.toFixed(1)} → ${b.toFixed(1)}`;

/** "meets goal", or "MISSES goal by …" in the figure's own unit. */
function against(value: number, limit: number, kind: 'max' | 'min', unit: (x: number) => string): string {
  const ok = kind === 'max' ? value <= limit : value >= limit;
  return ok ? 'meets goal' : `MISSES goal by ${unit(Math.abs(value - limit))}`;
}

function latency(l: Latency, goal: number): string {
  return `p95 ${ms(l.p95)} (median ${ms(l.median)}, n=${l.n}; goal ≤ ${goal} ms: ${against(l.p95, goal, 'max', ms)})`;
}

function groups(title: string, gs: HeapGroup[] | null, say: (l: string) => void): void {
  if (!gs) return;
  say(`  heap snapshot ${title}: own sizes by kind (top ${gs.length})`);
  for (const g of gs) say(`    ${g.mb.toFixed(1).padStart(7)} MB  ${n0(g.count).padStart(10)}  ${g.kind}`);
}

/** The first tabs: the first sync of a new station, the floors, the heap after the pull. */
export function reportPull(
  f: Pick<BenchFigures, 'floors' | 'firstSync' | 'heapAfterPull' | 'snapshotAfterPull'> & {
    load: Pick<BenchFigures['load'], 'floors' | 'firstSync'>;
  },
  say: (line: string) => void,
): void {
  const fs = f.firstSync;
  say('');
  say(`navigator.storage.persist(): ${f.floors.persistence}`);
  say(
    'first sync of a new station (empty database; every dataset as the app pulls it: renderer/sync pullAll)',
  );
  for (const d of DATASETS) {
    const span = fs.datasets[d];
    if (!span) continue;
    const floor = (BIG_DATASETS as readonly string[]).includes(d)
      ? f.floors.floors.datasets[d as BigDataset]
      : null;
    const ratio = floor ? pct(span.rowsPerSec, floor.floor) : null;
    const packRatio = floor ? pct(span.rowsPerSec, floor.pack_floor) : null;
    say(
      `  ${d.padEnd(13)} ${n0(span.rows).padStart(7)} rows, ${s1(span.start_ms)} → ${s1(span.end_ms)}: ${n0(span.rowsPerSec)} rows/s` +
        (floor && ratio !== null && packRatio !== null
          ? ` = ${ratio.toFixed(0)}% of its bare-put floor ${n0(floor.floor)} rows/s (goal ≥ 70%: ${against(ratio, 70, 'min', (x) => `${x.toFixed(0)} points`)}), ` +
            `${packRatio.toFixed(0)}% of the bare put of its packs ${n0(floor.pack_floor)} rows/s`
          : '') +
        (span.pages > 1 ? `; waited for pages ${s1(span.waited_ms)}, writing ${s1(span.write_ms)}` : ''),
    );
  }
  say(
    `  counter usable (institutions, policies, filings, accumulators stored) after ${s1(fs.counter_ready_ms)}`,
  );
  const floorSum = BIG_DATASETS.reduce((t, d) => t + f.floors.floors.datasets[d].floor_ms, 0);
  const packSum = BIG_DATASETS.reduce((t, d) => t + f.floors.floors.datasets[d].pack_floor_ms, 0);
  say(
    `  every dataset in ${s1(fs.wall_ms)} wall (goal ≤ 45 s: ${against(fs.wall_ms, 45_000, 'max', s1)}); ` +
      `the three big datasets' bare puts one after another take ${s1(floorSum)} one row a record, ${s1(packSum)} in packs`,
  );
  say('the floors, each dataset alone (rows fetched first, then put with the bare IndexedDB API into a');
  say(
    `throwaway database: no index, one strict readwrite transaction per 5,000 rows; load ${loadOf(f.load.floors)})`,
  );
  for (const d of BIG_DATASETS) {
    const x = f.floors.floors.datasets[d];
    say(
      `  ${d.padEnd(13)} delivery (platform + relay + JSON) ${n0(x.delivery)} rows/s, page work (validation, stored shape, segment) ${n0(x.prepare)} rows/s, bare put ${n0(x.floor)} rows/s (packs: ${n0(x.pack_floor)} rows/s)`,
    );
  }
  const { catalog, filings } = f.floors.floors.datasets;
  const oneAfterOther = (catalog.rows + filings.rows) / ((catalog.floor_ms + filings.floor_ms) / 1000);
  say(
    `  catalog and filings put at the same time into two stores of one database: ${n0(f.floors.floors.together.rowsPerSec)} rows/s together, against ${n0(oneAfterOther)} one after the other`,
  );
  say(
    "memory: the station window's JS heap after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage)",
  );
  say(
    `  after the first sync, lookup segments loaded (${n0(fs.segments.catalog.entries)} catalog + ${n0(fs.segments.filings.entries)} filing entries, ${(fs.segments.catalog.chars / 1e6 + fs.segments.filings.chars / 1e6).toFixed(1)} M characters)   ${mb(f.heapAfterPull.usedMb)} (goal ≤ 200 MB: ${against(f.heapAfterPull.usedMb, 200, 'max', mb)})`,
  );
  groups('after the first sync', f.snapshotAfterPull, say);
}

/** The station window on the full database. */
export function reportStation(f: BenchFigures, say: (line: string) => void): void {
  say('');
  say(`memory: the station window on the full database (load ${loadOf(f.load.station)})`);
  say(`  a new window on the full database, ready for a card   ${mb(f.heapAfterColdStart.usedMb)}`);
  say(
    `  after the counter figures, ${f.settled.queued} settlements and their upload   ${mb(f.heapAfterSettlements.usedMb)} (goal ≤ 200 MB: ${against(f.heapAfterSettlements.usedMb, 200, 'max', mb)})`,
  );
  groups('after the settlements', f.snapshotAfterSettlements, say);
  const cs = f.coldStart;
  say(
    `cold start: page open → ready for a card ${ms(cs.ready_ms)} (goal ≤ 2,000 ms: ${against(cs.ready_ms, 2000, 'max', ms)}); ` +
      `database open ${ms(cs.open_ms)}, journal compared ${ms(cs.reconcile_ms)}, lookup segments loaded ${ms(cs.segments_ms)}; playwright goto → ready ${ms(cs.goto_ms)}`,
  );
  say('counter latency (the real settle service functions in the bench page, full data)');
  say(`  card read → verdict (findFilings by ID number, then assess)   ${latency(f.counter.verdict, 100)}`);
  say(`  F4: preview of a 400-line bill (settle service preview)       ${latency(f.counter.preview, 150)}`);
  say(
    `    its parts alone: the bill's 400 catalog rows (getRows) p95 ${ms(f.counter.catalogRead.p95)} (median ${ms(f.counter.catalogRead.median)}), settle() p95 ${ms(f.counter.engine.p95)} (median ${ms(f.counter.engine.median)})`,
  );
  say('lookups and searches (one at a time)');
  say(`  filing by ID number          ${latency(f.counter.lookup, 5)}`);
  say(`  catalog by code prefix       ${latency(f.searches.code, 50)}`);
  say(`  catalog by pinyin initials   ${latency(f.searches.pinyin, 50)}`);
  say(`  catalog by name fragment     ${latency(f.searches.fragment, 50)}`);
  say('settle and push');
  say(
    `  queued ${f.settled.queued} settlements (commit alone p95 ${ms(f.settled.commit.p95)}; ${f.settled.refused_previews} previews refused and skipped)`,
  );
  const st = f.settled.steps;
  say(
    `    the commit's steps, p95 (median): IndexedDB transaction ${ms(st.idb.p95)} (${ms(st.idb.median)}) and, beside it, the journal line (to the host, fsync, back) ${ms(st.journal.p95)} (${ms(st.journal.median)}); both done ${ms(st.total.p95)} (${ms(st.total.median)})`,
  );
  say(
    `    the journal's channel alone before them (journal.status: page → host → page, nothing written; n=${f.settled.channel.n}) p95 ${ms(f.settled.channel.p95)} (${ms(f.settled.channel.median)})`,
  );
  say(`  settle + IndexedDB + journal (fsync) ${latency(f.settled.settle_commit, 25)}`);
  say(
    `    of which settle (the preview: its reads and settle()) p95 ${ms(f.settled.settle.p95)} (median ${ms(f.settled.settle.median)})`,
  );
  say(
    `    each settlement started once the previous commit's outbox release (journaling → queued, after its receipt) was done, as a counter's next F8 finds it: waited for it p95 ${ms(f.settled.release_wait.p95)} (median ${ms(f.settled.release_wait.median)})`,
  );
  say(
    `  drain: ${s1(f.drain.ms)} for ${f.settled.queued} (goal ≤ 30 s: ${against(f.drain.ms, 30_000, 'max', s1)}); left in outbox ${f.drain.left}; outcomes ${JSON.stringify(f.drain.outcomes)}`,
  );
  const cycle = Object.entries(f.syncCycle.rows)
    .filter(([, n]) => n > 0)
    .map(([d, n]) => `${d} ${n0(n)}`);
  say(
    `  the sync cycle after it (an incremental pull of every dataset): ${cycle.length > 0 ? cycle.join(', ') : 'nothing new'} in ${ms(f.syncCycle.ms)}; longest page write transaction ${ms(f.syncCycle.longest_write_ms)}; older pack entries of ${n0(f.syncCycle.compacted_keys)} keys taken out, longest compaction transaction ${ms(f.syncCycle.longest_compaction_ms)}${f.syncCycle.errors.length > 0 ? `; FAILED: ${f.syncCycle.errors.join('; ')}` : ''}`,
  );
}

/** The real station (browser mode) through its UI. */
export function reportUi(u: UiFigures, say: (line: string) => void): void {
  say('');
  say(
    'the real station through its UI (browser mode: agent, WebSocket StationApi, built renderer; times taken in the page)',
  );
  say(
    `  first sync of the new station: shell on screen ${s1(u.shell_ms)}, counter can settle ${s1(u.counter_ready_ms)}, every dataset in ${s1(u.wall_ms)} (goal ≤ 45 s: ${against(u.wall_ms, 45_000, 'max', s1)})`,
  );
  say(
    `  while the catalog was still coming (its bar: ${u.early.catalog}): card read → verdict ${ms(u.early.verdict_ms)}, a demo bill F4 → review ${ms(u.early.preview_ms)} (${u.early.status})`,
  );
  say(
    `  JS heap of the station window after the first sync ${mb(u.heapAfterSync.usedMb)} (goal ≤ 200 MB: ${against(u.heapAfterSync.usedMb, 200, 'max', mb)}); after the counter figures ${mb(u.heapAfterCounter.usedMb)}`,
  );
  say(
    `  card read (card.read event in the page) → verdict on screen, online   ${latency(u.verdictFromRead, 100)}`,
  );
  if (u.slowReads.n > 0)
    say(
      `    ${u.slowReads.n} read(s) over 100 ms, ${ms(u.slowReads.ms)} in all, of which the page's main thread was in long tasks ${ms(u.slowReads.busy_ms)}${u.readsWithoutEvent ? `; ${u.readsWithoutEvent} read(s) whose event the page did not see` : ''}`,
    );
  say(
    `    from the demo tray's click instead (the simulated reader finds the card at its next poll, every cardPollMs): p95 ${ms(u.verdict.p95)} (median ${ms(u.verdict.median)})`,
  );
  say(`  F4 → review on screen, 400-line bill        ${latency(u.preview, 150)}`);
  say(
    `  cold start: reload → shell on screen ${ms(u.reload_ms)} (goal ≤ 2,000 ms: ${against(u.reload_ms, 2000, 'max', ms)}); then the first card read → verdict ${ms(u.first_verdict_after_reload_ms)}`,
  );
}
