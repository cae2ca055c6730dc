// Acceptance: a pull cut at random pages resumes from its checkpoint and ends identical to an uncut
// pull, deletions published in between included; a page that breaks the protocol is refused without
// touching stored data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationDb } from '../../renderer/db';
import { DATASETS, pullAll, SyncError, type PlatformPort } from '../../renderer/sync';
import { seededRandom } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { isPackDataset, readRows } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-pull', catalogSize: 3000 });
});
afterAll(async () => tp?.close());

const PAGE = 97;

async function snapshot(db: StationDb) {
  const out: Record<string, unknown[]> = {};
  // the rows each dataset holds, not how they are laid out (a resumed pull packs other pages)
  for (const d of DATASETS)
    out[d] = isPackDataset(d)
      ? [...(await readRows(db, d)).values()].sort((a, b) => (a.key < b.key ? -1 : 1))
      : await db.table(d).toArray();
  out.checkpoints = (await db.checkpoints.toArray()).map((c) => [c.dataset, c.since_ver, c.in_progress]);
  return out;
}

/** A network that dies after `okCalls` more 8101 answers. */
function cutAfter(port: PlatformPort, okCalls: number): PlatformPort {
  let left = okCalls;
  return {
    call: async (infno, input) => {
      if (left-- <= 0)
        throw Object.assign(new Error('connection reset'), { kind: 'transient', errCode: 'NETWORK' });
      return port.call(infno, input);
    },
  };
}

/** Rewrites the first 8101 answer of the catalog that has rows. */
type Page = { rows: Record<string, unknown>[]; deleted: string[]; more: boolean; total_rows: number };
function tamperWith(
  port: PlatformPort,
  tamper: (out: Page) => void,
  which: (out: Page) => boolean = () => true,
): PlatformPort {
  let done = false;
  return {
    call: async (infno, input) => {
      const out = (await port.call(infno, input)) as Page;
      const dataset = (input as { data: { dataset: string } }).data.dataset;
      if (infno === '8101' && dataset === 'catalog' && !done && out.rows.length > 5 && which(out)) {
        done = true;
        tamper(out);
      }
      return out;
    },
  };
}

describe('pull', () => {
  it('cut at random pages and resumed (with catalog changes published meanwhile) ends identical to an uncut pull', async () => {
    const port = tp.port();
    const disk = new StationDisk();
    const random = seededRandom(4101);
    let cuts = 0;
    let published = false;
    for (let restart = 0; restart < 40; restart++) {
      const db = await disk.open();
      try {
        await pullAll(db, cutAfter(port, 1 + Math.floor(random() * 12)), { pageSize: PAGE });
        db.close();
        break;
      } catch (e) {
        expect((e as { errCode?: string }).errCode).toBe('NETWORK');
        cuts++;
      }
      const catalogRows = (await readRows(db, 'catalog')).size;
      db.close();
      if (!published && catalogRows > 500) {
        // While the station is cut off: one catalog row changed, two deleted, one added.
        const reopened = await disk.open();
        const stored = [...(await readRows(reopened, 'catalog')).values()].slice(0, 3);
        reopened.close();
        await tp.admin.publishCatalog({
          dataset: 'catalog',
          upserts: [
            { key: stored[0]!.key, entry: { ...stored[0]!.entry, pric_uplmt_amt: '9.99' } },
            {
              key: 'ZZNEW0000000001',
              entry: { name: '新增测试药品片', chrgitm_lv: '02', selfpay_prop: '0.10', pric_uplmt_amt: null },
            },
          ],
          deletes: [stored[1]!.key, stored[2]!.key],
        });
        published = true;
      }
    }
    expect(cuts).toBeGreaterThan(3);
    expect(published).toBe(true);

    const cut = await disk.open();
    const uncut = await new StationDisk().open();
    await pullAll(uncut, port, { pageSize: PAGE });
    const a = await snapshot(cut);
    const b = await snapshot(uncut);
    expect(a.catalog!.length).toBe(3000 - 2 + 1);
    expect(a).toEqual(b);
    cut.close();
    uncut.close();
  }, 60_000);

  it('refuses a page that breaks the protocol or skips rows, leaving stored rows and checkpoint as they were', async () => {
    const port = tp.port();
    const db = await new StationDisk().open();
    // a few catalog pages stored (the catalog is pulled last, so it is pulled alone here)
    await pullAll(db, cutAfter(port, 4), { pageSize: PAGE, datasets: ['catalog'] }).catch(() => undefined);
    // The other datasets may legitimately move on (their empty deltas advance to the platform's
    // current version); the catalog, where the bad pages come, must not change at all.
    const catalogState = async () => ({
      rows: [...(await readRows(db, 'catalog')).values()],
      checkpoint: await db.checkpoints.get('catalog'),
    });
    const before = await catalogState();
    expect(before.rows.length).toBeGreaterThan(0);

    const broken = tamperWith(port, (out) => {
      (out.rows[5]!.entry as Record<string, unknown>).chrgitm_lv = '04';
    });
    const e1 = await pullAll(db, broken, { pageSize: PAGE }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(SyncError);
    expect(e1).toMatchObject({ code: 'PROTOCOL_VIOLATION' });
    expect((e1 as SyncError).message).toMatch(/rows\[5\]\.entry\.chrgitm_lv/);

    const skipping = tamperWith(port, (out) => void out.rows.splice(3, 1));
    const e2 = await pullAll(db, skipping, { pageSize: PAGE }).catch((e: unknown) => e);
    expect(e2).toMatchObject({ code: 'PROTOCOL_VIOLATION' });
    expect((e2 as SyncError).message).toMatch(/more=true with 96 changes for page_size 97/);

    expect(await catalogState()).toEqual(before);

    // A last page short of what it announces: refused, the checkpoint stays before it.
    const shortEnd = tamperWith(
      port,
      (out) => void out.rows.splice(0, 1),
      (out) => !out.more,
    );
    const e3 = await pullAll(db, shortEnd, { pageSize: PAGE }).catch((e: unknown) => e);
    expect(e3).toMatchObject({ code: 'ROW_COUNT_MISMATCH' });
    expect((await db.checkpoints.get('catalog'))!.in_progress).toBe(true);

    await pullAll(db, port, { pageSize: PAGE });
    const reference = await new StationDisk().open();
    await pullAll(reference, port, { pageSize: PAGE });
    expect(await snapshot(db)).toEqual(await snapshot(reference));
    db.close();
    reference.close();
  }, 60_000);
});
