// What the counter knows of the pull without reading the checkpoints: a read of them waits behind the
// page being written (a catalog page holds them for a second and more during a first sync).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { COUNTER_DATASETS, incompleteDatasets, notePulled, openStationDb } from './index';
import type { CheckpointRow, DatasetName } from './index';

const open = () => openStationDb({ name: 'station', indexedDB: new IDBFactory(), IDBKeyRange });
const checkpoint = (dataset: DatasetName, completed_at: string | null): CheckpointRow => ({
  dataset,
  since_ver: 10,
  total_rows: 0,
  in_progress: completed_at === null,
  updated_at: '2026-12-03T08:00:00.000Z',
  completed_at,
});

describe('incompleteDatasets', () => {
  it('reads the checkpoints once; a dataset found whole is not read again', async () => {
    const db = await open();
    await db.checkpoints.bulkPut(COUNTER_DATASETS.map((d) => checkpoint(d, '2026-12-03T08:00:00.000Z')));
    await db.checkpoints.put(checkpoint('catalog', null));
    const reads = vi.spyOn(db.checkpoints, 'bulkGet');
    expect(await incompleteDatasets(db, COUNTER_DATASETS)).toEqual([]);
    expect(await incompleteDatasets(db, COUNTER_DATASETS)).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    // not whole: read every time (another window may finish it)
    expect(await incompleteDatasets(db, ['catalog'])).toEqual(['catalog']);
    expect(await incompleteDatasets(db, ['catalog'])).toEqual(['catalog']);
    expect(reads).toHaveBeenCalledTimes(3);
    db.close();
  });

  it('follows this window’s writer without a read: still coming, then whole', async () => {
    const db = await open();
    const reads = vi.spyOn(db.checkpoints, 'bulkGet');
    notePulled(db, 'catalog', false);
    expect(await incompleteDatasets(db, ['catalog'])).toEqual(['catalog']);
    notePulled(db, 'catalog', true);
    expect(await incompleteDatasets(db, ['catalog'])).toEqual([]);
    // whole never goes back (completed_at is never cleared)
    notePulled(db, 'catalog', false);
    expect(await incompleteDatasets(db, ['catalog'])).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
    db.close();
  });

  it('is per database: another station database knows nothing of this one’s pull', async () => {
    const a = await open();
    const b = await open();
    notePulled(a, 'filings', true);
    expect(await incompleteDatasets(a, ['filings'])).toEqual([]);
    expect(await incompleteDatasets(b, ['filings'])).toEqual(['filings']);
    a.close();
    b.close();
  });
});
