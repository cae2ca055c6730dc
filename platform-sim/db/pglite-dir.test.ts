// A new PGlite data directory created in a worker thread is a complete cluster the platform opens,
// and startPlatform on a new directory seeds it once: a restart on the same directory keeps the world.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../index';
import { openDatabase } from './database';
import { createPgliteDir, isNewPgliteDir } from './pglite-dir';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pglite-dir-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('a PGlite data directory created in a worker thread', () => {
  it('is new while missing or empty, and a cluster PGlite opens once created', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'data');
    expect(isNewPgliteDir(dir)).toBe(true);
    await createPgliteDir(dir);
    expect(isNewPgliteDir(dir)).toBe(false);
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(await db.query('SELECT 41 + 1 AS n')).toEqual([{ n: 42 }]);
    } finally {
      await db.close();
    }
  });

  it('fails with an error when the directory cannot be created', async () => {
    const parent = await tempDir();
    const file = join(parent, 'a-file');
    await writeFile(file, 'not a directory');
    await expect(createPgliteDir(join(file, 'data'))).rejects.toThrow();
  });

  it('startPlatform seeds a new directory once; a restart finds the same world and does not seed', async () => {
    const dataDir = join(await tempDir(), 'platform');
    const station = { id: 'ST-DIR', secret: 'dir-secret-0123456789', fixmedins_code: 'H46010600001' };
    const options = { seed: 'pglite-dir', today: '2026-06-15', stations: [station], peopleCount: 30 };
    const first = await startPlatform({ ...options, dataDir });
    const rows = await first.db.query('SELECT count(*)::int AS n FROM dataset_rows');
    await first.close();
    expect(first.seeded).toBe(true);
    expect(rows[0].n).toBeGreaterThan(0);
    const again = await startPlatform({ ...options, dataDir, seed: 'another-seed' });
    try {
      expect(again.seeded).toBe(false);
      expect(again.settings.seed).toBe('pglite-dir');
      expect(again.world.people.map((p) => p.person.psn_no)).toEqual(
        first.world.people.map((p) => p.person.psn_no),
      );
      expect(await again.db.query('SELECT count(*)::int AS n FROM dataset_rows')).toEqual(rows);
    } finally {
      await again.close();
    }
  });
});
