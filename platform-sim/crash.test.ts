// kill -9 during a stream of uploads, restart on the same PGlite data directory: every acknowledged
// settlement is there with the answer the station got, none twice, and every person's accumulators
// equal the seeded ones plus the sum of the stored settlements. The platform runs as a child process
// so it can really be SIGKILLed.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../electron/services/platform-client';
import { Decimal } from '../shared/money';
import { demoWorld } from '../shared/demo-world';
import type { UploadResult } from '../shared/protocol';
import { AdminClient } from './admin-client';
import { WINDOW_TO_TODAY } from './contract/harness';
import { writeStationsFile } from './stations';
import { settleablePeople, syntheticBill, uploadFor } from './test-support';

const HOSPITAL = 'H46010600001';
const STATION = { id: 'ST-CRASH', secret: 'crash-secret-0123456789', fixmedins_code: HOSPITAL };
const OPTS = { seed: 'crash', today: '2026-06-15', catalogSize: 300, peopleCount: 60 };

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // The stations file is how an operator registers stations (no secret on the command line).
  const stationsFile = join(dataDir, 'stations.json');
  writeStationsFile(stationsFile, [STATION]);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'platform-sim/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--seed',
      OPTS.seed,
      '--today',
      OPTS.today,
      '--catalog-size',
      String(OPTS.catalogSize),
      '--people',
      String(OPTS.peopleCount),
      '--stations-file',
      stationsFile,
      '--max-offline-days',
      String(WINDOW_TO_TODAY),
      '--admin',
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`platform did not start: ${out}${err}`)), 45_000);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /platform listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited ${code}: ${out}${err}`));
    });
  });
}

const children: ChildProcess[] = [];
let dir = '';

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('platform crash safety (PGlite data directory)', () => {
  it(
    'keeps every acknowledged settlement once, and accumulators equal the sum of stored settlements, after kill -9',
    { timeout: 240_000 },
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'platform-crash-'));
      const world = demoWorld(OPTS);
      const people = settleablePeople(world).slice(0, 12);
      const first = await startChild(dir);
      children.push(first.child);
      const client = createPlatformClient({
        baseUrl: first.url,
        stationId: STATION.id,
        secret: STATION.secret,
        fixmedinsCode: HOSPITAL,
        fixmedinsName: '海南省人民医院',
        mdtrtareaAdmvs: '460106',
        timeoutMs: 60_000,
      });

      const acked = new Map<string, UploadResult>();
      let stop = false;
      let streamError: unknown = null;
      let seq = 0;
      const stream = (async () => {
        while (!stop) {
          const batch = Array.from({ length: 4 }, () => {
            const p = people[seq % people.length];
            seq += 1;
            return uploadFor(world, syntheticBill(world, p, 20, HOSPITAL, seq), {
              stationId: STATION.id,
              mdtrtId: `CRASH-${seq}`,
            });
          });
          try {
            const out = await client.call('8201', { data: { settlements: batch } });
            for (const r of out.results) acked.set(r.local_setl_id, r);
          } catch (err) {
            streamError = err;
            return;
          }
        }
      })();
      // Kill in the middle of the stream, once enough uploads were acknowledged.
      while (acked.size < 40 && streamError === null) await new Promise((r) => setTimeout(r, 20));
      expect(streamError).toBeNull();
      first.child.kill('SIGKILL');
      stop = true;
      await stream;
      await new Promise((r) => first.child.once('exit', r));

      const second = await startChild(dir);
      children.push(second.child);
      const admin = new AdminClient(second.url);
      const client2 = createPlatformClient({
        baseUrl: second.url,
        stationId: STATION.id,
        secret: STATION.secret,
        fixmedinsCode: HOSPITAL,
        fixmedinsName: '海南省人民医院',
        mdtrtareaAdmvs: '460106',
      });
      const ids = [...acked.keys()];
      const status = await client2.call('8202', { data: { local_setl_ids: ids } });
      expect(status.results).toEqual(ids.map((id) => acked.get(id)));

      const stored = (await admin.settlements()).settlements;
      expect(new Set(stored.map((s) => s.local_setl_id)).size).toBe(stored.length);
      expect(stored.length).toBeGreaterThanOrEqual(acked.size);
      for (const p of people) {
        const seeded = world.accumulators.find((a) => a.psn_no === p.person.psn_no)!.accumulators;
        const mine = stored.filter(
          (s) => s.psn_no === p.person.psn_no && (s.outcome === 'confirmed' || s.outcome === 'discrepancy'),
        );
        const sum = mine.reduce((acc, s) => acc.plus(s.hifp_pay ?? '0'), new Decimal(seeded.hifp_pay));
        const now = await admin.accumulators(p.person.psn_no, 2026);
        expect(now.accumulators.hifp_pay, p.person.psn_no).toBe(sum.toFixed(2));
        expect(now.accumulators.inpatient_admissions).toBe(seeded.inpatient_admissions + mine.length);
      }
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    },
  );
});
