// A platform whose first seeding generated the world in a worker thread (a new PGlite data directory,
// the worker started before the directory is created) stores exactly what the one-thread seeding
// stores, gives the same world when asked for it, and on a restart finds it there.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HOSPITAL, demoWorld } from '../../shared/demo-world';
import { startPlatform, type RunningPlatform } from '../index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'world-worker-'));
const started: RunningPlatform[] = [];
afterAll(async () => {
  for (const p of started) await p.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const options = {
  seed: 'worker',
  today: '2026-06-15',
  catalogSize: 600,
  peopleCount: 150,
  stations: [{ id: 'ST-W', secret: 'a-secret-of-24-characters', fixmedins_code: DEMO_HOSPITAL }],
};
const ROWS = 'SELECT dataset, key, ver, deleted, ref, row_json FROM dataset_rows ORDER BY ver';
const PEOPLE = 'SELECT * FROM people ORDER BY psn_no';

describe('seeding from a worker thread', () => {
  it('stores what the one-thread seeding stores, and the same world is there on a restart', async () => {
    const dataDir = path.join(work, 'platform');
    const inWorker = await startPlatform({ ...options, dataDir, seedInWorker: true });
    started.push(inWorker);
    const onThread = await startPlatform({ ...options, seedInWorker: false });
    started.push(onThread);
    expect(inWorker.seeded).toBe(true);
    expect(inWorker.settings).toEqual(onThread.settings);
    expect(await inWorker.db.query(ROWS)).toEqual(await onThread.db.query(ROWS));
    expect(await inWorker.db.query(PEOPLE)).toEqual(await onThread.db.query(PEOPLE));
    // The world this thread never held is generated when asked for: the one seeded.
    const world = demoWorld(options);
    expect(inWorker.world.people).toEqual(world.people);
    expect(inWorker.world.bills).toEqual(world.bills);
    await inWorker.close();

    const again = await startPlatform({ ...options, dataDir, seed: 'another seed', seedInWorker: true });
    started.push(again);
    expect(again.seeded).toBe(false);
    expect(again.settings.seed).toBe('worker');
    expect(again.world.people).toEqual(world.people);
  });
});
