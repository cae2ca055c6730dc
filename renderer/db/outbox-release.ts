// Releasing committed settlements for upload. A commit stores its outbox entry as `journaling` (the
// push never sends it in that state) and appends the settlement's journal line; once the line is on
// disk the entry may turn `queued`. That release is an IndexedDB transaction of its own, and the
// receipt does not need it — only the line on disk — so it runs after the commit has answered
// (releaseLater), off the counter's path. The push waits for the releases still running in this
// window before it picks a batch (awaitReleases) and retries one that failed, so a drain right after
// a commit sends it; its error, if the retry fails too, is the drain's. A window closed before its
// releases ran leaves `journaling` entries, which the restore at the next start releases: their
// lines are in the journal (renderer/journal/restore.ts).
import type { StationDb } from './station-db';

/** Turns `journaling` outbox entries into `queued` ones: the journal has their lines. */
export async function releaseJournaled(db: StationDb, ids: readonly string[]): Promise<void> {
  await db.outbox
    .where('local_setl_id')
    .anyOf([...ids])
    .filter((e) => e.state === 'journaling')
    .modify({ state: 'queued' });
}

interface Releases {
  running: Set<Promise<void>>;
  /** journaled, release failed: retried by the next awaitReleases */
  failed: Set<string>;
}

const releases = new WeakMap<StationDb, Releases>();

function releasesOf(db: StationDb): Releases {
  let r = releases.get(db);
  if (!r) releases.set(db, (r = { running: new Set(), failed: new Set() }));
  return r;
}

/** Releases these entries (their journal lines are on disk) without making the caller wait. */
export function releaseLater(db: StationDb, ids: readonly string[]): void {
  const r = releasesOf(db);
  const run: Promise<void> = releaseJournaled(db, ids)
    .catch(() => {
      for (const id of ids) r.failed.add(id);
    })
    .finally(() => r.running.delete(run));
  r.running.add(run);
}

/** Waits for this window's pending releases; retries those that failed (throws if that fails too). */
export async function awaitReleases(db: StationDb): Promise<void> {
  const r = releases.get(db);
  if (!r) return;
  while (r.running.size > 0) await Promise.all([...r.running]);
  if (r.failed.size === 0) return;
  const ids = [...r.failed];
  await releaseJournaled(db, ids);
  for (const id of ids) r.failed.delete(id);
}
