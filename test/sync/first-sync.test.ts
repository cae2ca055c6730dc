// A new station's first sync against the real platform-sim over HTTP: the counter's datasets come
// first and the status bar's progress follows the pull page by page; until they are whole the counter
// says DATA_INCOMPLETE instead of refusing a person wrongly; before the catalog is whole a bill's codes
// not yet stored are asked of the platform (8102), so they are classed exactly as the platform classes
// them (the upload is confirmed), and with the platform unreachable the bill is refused, never settled
// with those lines off-catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_DATASETS, type DatasetName } from '../../renderer/db';
import { createSettleService, type CatalogSource } from '../../renderer/settle-service';
import {
  createPusher,
  createSyncEngine,
  DATASETS,
  fetchCatalogEntries,
  PAGES_AHEAD,
  PAGES_PER_WRITE,
  pullAll,
  type PlatformPort,
  type PullState,
} from '../../renderer/sync';
import type { StationApi } from '../../shared/station-api';
import { openTestJournal } from '../support/test-journal';
import { outpatientLines, settleablePeople } from './bills';
import { StationDisk, startTestPlatform, type TestPlatform } from './harness';
import { readRows } from '../../renderer/db';

let tp: TestPlatform;
beforeAll(async () => {
  // a catalog of more than one page, so its pull is seen in progress
  tp = await startTestPlatform({ seed: 'first-sync', catalogSize: 1200, peopleCount: 40 });
});
afterAll(async () => tp?.close());

const noEvents = { on: () => () => undefined } as unknown as Pick<StationApi, 'on'>;

/** The real client, refusing (as a network cut) every 8101 of the datasets named, and 8102 when told. */
function portWithout(datasets: DatasetName[], opts: { no8102?: boolean } = {}): PlatformPort {
  const real = tp.port();
  return {
    call(infno, input) {
      const d = (input as { data?: { dataset?: DatasetName } }).data?.dataset;
      if ((infno === '8101' && d && datasets.includes(d)) || (infno === '8102' && opts.no8102))
        return Promise.reject(
          Object.assign(new Error('network down'), { kind: 'transient', errCode: 'NETWORK' }),
        );
      return real.call(infno, input);
    },
  };
}

const sourceOf = (port: PlatformPort): CatalogSource => ({
  entries: (dataset, codes) => fetchCatalogEntries(port, dataset, codes),
});

describe('the first sync of a new station', () => {
  it('pulls the counter datasets first and the catalogs last; the progress follows page by page', async () => {
    const db = await new StationDisk().open();
    const engine = createSyncEngine({ db, port: tp.port(), api: noEvents });
    const seen: PullState[] = [];
    const unsubscribe = engine.state.subscribe((s) => s.pull && seen.push(s.pull));
    await engine.runOnce();
    unsubscribe();
    expect(seen[0]!.incomplete).toEqual(DATASETS);
    // the order datasets started in, and that the counter's were whole before the catalog started
    const started = DATASETS.map((d) => seen.findIndex((p) => p.datasets[d].state !== 'waiting'));
    expect([...started].sort((a, b) => a - b)).toEqual(started);
    const catalogStart = started[DATASETS.indexOf('catalog')]!;
    for (const d of COUNTER_DATASETS) expect(seen[catalogStart]!.incomplete).not.toContain(d);
    // the catalog (1,200 rows in pages of 5,000 … one page here) and the filings move from waiting to done
    const catalogStates = [...new Set(seen.map((p) => p.datasets.catalog.state))];
    expect(catalogStates).toEqual(['waiting', 'pulling', 'done']);
    const last = engine.state.getState().pull!;
    expect(last.incomplete).toEqual([]);
    for (const d of DATASETS) {
      expect(last.datasets[d].state, d).toBe('done');
      expect(last.datasets[d].stored, d).toBe(last.datasets[d].announced);
    }
    expect(last.datasets.catalog.stored).toBeGreaterThanOrEqual(1200);
    // the next cycle has nothing to bring and nothing incomplete
    await engine.runOnce();
    expect(engine.state.getState().pull!.incomplete).toEqual([]);
    expect(engine.state.getState().pull!.datasets.catalog).toEqual({
      state: 'done',
      stored: 0,
      announced: 0,
    });
    db.close();
  });

  it('fetches pages ahead of the writes, across datasets, a bounded number', async () => {
    const db = await new StationDisk().open();
    const real = tp.port();
    const events: string[] = [];
    let fetched = 0;
    let written = 0;
    let mostAhead = 0;
    const port: PlatformPort = {
      async call(infno, input) {
        const out = await real.call(infno, input);
        fetched++;
        events.push(`fetched ${(input as { data: { dataset: string } }).data.dataset}`);
        mostAhead = Math.max(mostAhead, fetched - written);
        return out;
      },
    };
    await pullAll(db, port, {
      pageSize: 200,
      onPage: (p) => {
        written++;
        events.push(`wrote ${p.dataset}${p.more ? '' : ' (last)'}`);
      },
    });
    // the catalog's first page was on its way before the work-injury catalog's last page was stored
    expect(events.indexOf('fetched catalog')).toBeLessThan(events.indexOf('wrote wi_catalog (last)'));
    // at most PAGES_AHEAD pages waiting, plus those being written (PAGES_PER_WRITE at most)
    expect(mostAhead).toBeLessThanOrEqual(PAGES_AHEAD + PAGES_PER_WRITE);
    expect(written).toBe(fetched);
    db.close();
  });

  it('a pull cut in the catalog: the counter datasets are whole, the catalog failed and stays incomplete', async () => {
    const db = await new StationDisk().open();
    const engine = createSyncEngine({ db, port: portWithout(['catalog']), api: noEvents });
    await engine.runOnce();
    const s = engine.state.getState();
    expect(s.connection).toBe('offline');
    expect(s.pull!.incomplete).toEqual(['catalog']);
    expect(s.pull!.datasets.catalog.state).toBe('failed');
    expect(s.pull!.datasets.filings.state).toBe('done');
    db.close();
  });

  it('before the counter datasets are whole: DATA_INCOMPLETE, in the verdict and instead of PERSON_NOT_FOUND', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, tp.port(), { datasets: ['institutions', 'policies', 'filings'] });
    const service = createSettleService({ db, station: tp.station, journal: openTestJournal().port });
    const filing = [...(await readRows(db, 'filings')).values()].find((f) => f.scheme === 'medical')!;
    const facts = { scheme: 'medical', setl_type: 'outpatient', settle_date: tp.today } as const;
    const assessed = await service.assess({ who: { psn_no: filing.psn_no }, ...facts });
    expect(assessed.verdict.canSettle).toBe(false);
    expect(assessed.verdict.reasons.map((r) => r.code)).toEqual(['DATA_INCOMPLETE']);
    expect(assessed.verdict.reasons[0]!.zh).toContain('首次数据同步尚未完成');
    await expect(
      service.preview({ who: { psn_no: filing.psn_no }, ...facts, lines: outpatientLines() }),
    ).rejects.toMatchObject({ code: 'DATA_INCOMPLETE', detail: 'accumulators' });
    await expect(service.assess({ who: { certno: '110101199001011237' }, ...facts })).rejects.toMatchObject({
      code: 'DATA_INCOMPLETE',
    });
    // once they are whole, a person not here is what it says
    await pullAll(db, tp.port(), { datasets: ['accumulators'] });
    await expect(service.assess({ who: { certno: '110101199001011237' }, ...facts })).rejects.toMatchObject({
      code: 'PERSON_NOT_FOUND',
    });
    db.close();
  });

  it('before the catalog is whole: codes not yet here are asked of the platform, and the platform confirms the settlement', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, portWithout(['catalog'])).catch(() => undefined);
    expect((await readRows(db, 'catalog')).size).toBe(0);
    const journal = openTestJournal().port;
    const asked: string[][] = [];
    const port = tp.port();
    const service = createSettleService({
      db,
      station: tp.station,
      journal,
      catalogSource: {
        entries: (dataset, codes) => {
          asked.push(codes);
          return fetchCatalogEntries(port, dataset, codes);
        },
      },
    });
    // someone this bill settles for, found on a station whose catalog is whole
    const full = await new StationDisk().open();
    await pullAll(full, port);
    const [psn_no] = await settleablePeople(full, tp.station, tp.today);
    full.close();
    const lines = [
      ...outpatientLines(),
      { ...outpatientLines()[0]!, feedetl_sn: '9', med_list_codg: 'NOT-ON-ANY-CATALOG' },
    ];
    const preview = await service.preview({
      who: { psn_no: psn_no! },
      scheme: 'medical',
      setl_type: 'outpatient',
      settle_date: tp.today,
      lines,
    });
    expect(asked).toEqual([[...new Set(lines.map((l) => l.med_list_codg))]]);
    expect(Object.keys(preview.request.catalog!)).toEqual(outpatientLines().map((l) => l.med_list_codg));
    expect(preview.result.status).toBe('settled');
    await service.commit(preview, { opter: 'cashier-01', encounter_no: `FS-${crypto.randomUUID()}` });
    await createPusher({ db, port }).drain();
    expect((await db.settlements.toArray()).map((s) => s.status)).toEqual(['confirmed']);
    db.close();
  });

  it('before the catalog is whole and with the platform unreachable: CATALOG_INCOMPLETE naming the codes', async () => {
    const db = await new StationDisk().open();
    await pullAll(db, portWithout(['catalog'])).catch(() => undefined);
    const input = {
      who: {
        psn_no: [...(await readRows(db, 'filings')).values()].find((f) => f.scheme === 'medical')!.psn_no,
      },
      scheme: 'medical',
      setl_type: 'outpatient',
      settle_date: tp.today,
      lines: outpatientLines(),
    } as const;
    const offline = createSettleService({
      db,
      station: tp.station,
      journal: openTestJournal().port,
      catalogSource: sourceOf(portWithout([], { no8102: true })),
    });
    await expect(offline.preview(input)).rejects.toMatchObject({
      code: 'CATALOG_INCOMPLETE',
      detail: outpatientLines()
        .map((l) => l.med_list_codg)
        .join(', '),
    });
    // without a source at all, the same; the verdict after a card read (no bill) is not held up
    const noSource = createSettleService({ db, station: tp.station, journal: openTestJournal().port });
    await expect(noSource.preview(input)).rejects.toMatchObject({ code: 'CATALOG_INCOMPLETE' });
    expect((await noSource.assess(input)).verdict.reasons.map((r) => r.code)).not.toContain(
      'CATALOG_INCOMPLETE',
    );
    db.close();
  });
});
