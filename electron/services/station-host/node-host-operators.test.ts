// The operators as the Node host runs them against the real platform-sim: signing in at the station
// signs that operator in on the platform (9001 with their opter_no); another operator signing in
// signs the first out (9002) and themselves in; closing the station signs the last one out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, startPlatform, type RunningPlatform } from '../../../platform-sim';
import { DEMO_HOSPITAL } from '../../../shared/demo-world';
import { INSTITUTIONS } from '../../../shared/demo-world/institutions';
import { createFileSecretStore, saveStationConfig } from '../config';
import { createOperatorsService } from '../operators';
import { createNodeHost } from './node-host';

const STATION = { id: 'ST-OPS-1', secret: 'ops-station-secret-0123456789', fixmedins_code: DEMO_HOSPITAL };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'node-host-ops-'));
let platform: RunningPlatform;
let admin: AdminClient;

beforeAll(async () => {
  platform = await startPlatform({
    port: 0,
    seed: 'ops',
    stations: [STATION],
    admin: true,
    catalogSize: 50,
    peopleCount: 10,
  });
  admin = new AdminClient(platform.url);
  const hospital = INSTITUTIONS.find((i) => i.fixmedins_code === DEMO_HOSPITAL)!;
  saveStationConfig(work, {
    stationId: STATION.id,
    institution: { fixmedins_code: hospital.fixmedins_code, fixmedins_name: hospital.fixmedins_name },
    treatmentPlace: { mdtrtarea_admvs: hospital.institution.mdtrtarea_admvs },
    platformUrl: platform.url,
  });
  createFileSecretStore(work).write(STATION.secret);
  await createOperatorsService({ dir: work, scrypt: { N: 1024, r: 8, p: 1 } }).provision([
    { id: 'cashier01', name: '王收费', role: 'cashier', pin: '135790' },
    { id: 'supervisor01', name: '张主管', role: 'supervisor', pin: '520817' },
  ]);
});
afterAll(async () => {
  await platform?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function signIns() {
  return (await admin.signIns()).sign_ins.map((s) => [s.opter_no, s.signed_out_at !== null]);
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('the platform follows the operator at the keyboard', () => {
  it('9001 as the operator, 9002 when another takes over and when the station closes', async () => {
    const station = await createNodeHost({
      dataDir: work,
      mode: 'browser',
      version: '0',
      secrets: createFileSecretStore(work),
      renderPdf: null,
      printDialog: null,
      cards: false,
    });
    const first = await station.host.dispatch('operators.signIn', {
      operator_id: 'cashier01',
      pin: '135790',
    });
    expect(first.ok).toBe(true);
    await until(async () => (await signIns()).length === 1);
    expect(await signIns()).toEqual([['cashier01', false]]);
    // a call now goes out under cashier01's sign-in, no second 9001
    expect(
      (
        await station.host.dispatch('platform.call', {
          infno: '8202',
          input: { data: { local_setl_ids: ['X'] } },
        })
      ).ok,
    ).toBe(true);
    expect(await signIns()).toEqual([['cashier01', false]]);

    await station.host.dispatch('operators.signIn', { operator_id: 'supervisor01', pin: '520817' });
    await until(async () => (await signIns()).length === 2);
    expect(await signIns()).toEqual([
      ['cashier01', true],
      ['supervisor01', false],
    ]);
    await station.close();
    expect(await signIns()).toEqual([
      ['cashier01', true],
      ['supervisor01', true],
    ]);
  });
});
