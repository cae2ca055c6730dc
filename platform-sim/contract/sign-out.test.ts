// 9001 as the operator at the keyboard and 9002 at the end of their shift, over real HTTP: the sign_no
// of a signed-out operator is refused from then on, the next operator gets their own, and the
// station's client switches operators by signing the previous one out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../electron/services/platform-client';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { STATIONS, backends, clientOptions, envelope, rawCall, startTestPlatform } from './harness';

describe.each(backends())('9001 / 9002 on $name', (backend) => {
  let platform: RunningPlatform;
  let admin: AdminClient;
  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  it('signs in as the operator, signs out with 9002, and refuses the signed-out sign_no', async () => {
    const client = createPlatformClient(clientOptions(platform, STATIONS[1]));
    await client.setOperator({ opter: 'cashier01', opterName: '王收费' });
    const first = await client.signIn();
    await client.call('8202', { data: { local_setl_ids: ['X'] } });
    expect(client.opter).toBe('cashier01');

    // cashier02 takes over: cashier01 is signed out first, then cashier02 signs in on the next call
    await client.setOperator({ opter: 'cashier02', opterName: '李收费' });
    expect(client.signNo).toBeNull();
    await client.call('8202', { data: { local_setl_ids: ['X'] } });
    const second = client.signNo!;
    expect(second).not.toBe(first);
    const rows = (await admin.signIns()).sign_ins.filter((r) => r.station_id === STATIONS[1].id);
    expect(rows.map((r) => [r.sign_no, r.opter_no, r.signed_out_at !== null])).toEqual([
      [first, 'cashier01', true],
      [second, 'cashier02', false],
    ]);

    // the old sign_no is refused like one never issued
    const old = await rawCall(
      platform,
      JSON.stringify(envelope('8202', { data: { local_setl_ids: ['X'] } }, first)),
      {
        station: STATIONS[1],
      },
    );
    expect(old.json).toMatchObject({ infcode: -1, err_code: 'SIGN_IN_REQUIRED' });

    await client.signOut();
    await client.signOut(); // nothing left to sign out: no call
    expect((await admin.signIns()).sign_ins.find((r) => r.sign_no === second)?.signed_out_at).not.toBeNull();
    // 9002 cannot be sent as a plain call: it would sign the station out behind the operator's back
    await expect(
      client.call('9002', { signOut: { sign_no: second, opter_no: 'cashier02' } }),
    ).rejects.toMatchObject({
      errCode: 'INPUT_INVALID',
      kind: 'permanent',
    });
  });

  it('an operator change while 9001 is on its way signs that session out and the new operator in', async () => {
    const client = createPlatformClient(clientOptions(platform, STATIONS[2]));
    const mine = () =>
      admin.signIns().then((r) => r.sign_ins.filter((s) => s.station_id === STATIONS[2]!.id));
    const before = (await mine()).length;
    // nobody at the keyboard: a background call signs the station in; the supervisor arrives meanwhile
    const lazy = client.call('8202', { data: { local_setl_ids: ['X'] } });
    // as the host's operator follower does: switch, then sign in at once
    await client.setOperator({ opter: 'supervisor01', opterName: '赵主管' });
    const signedIn = client.signIn();
    await lazy;
    await signedIn;
    const rows = (await mine()).slice(before);
    expect(rows.filter((r) => r.signed_out_at === null).map((r) => r.opter_no)).toEqual(['supervisor01']);
    expect(client.signNo).toBe(rows.find((r) => r.signed_out_at === null)!.sign_no);
  });

  it('refuses a sign-out as another operator, or of another station’s sign_no', async () => {
    const a = createPlatformClient(clientOptions(platform, STATIONS[0]));
    await a.setOperator({ opter: 'cashier01', opterName: '' });
    const signNo = await a.signIn();
    const asOther = await rawCall(
      platform,
      JSON.stringify(envelope('9002', { signOut: { sign_no: signNo, opter_no: 'cashier09' } }, signNo)),
      { station: STATIONS[0] },
    );
    expect(asOther.json).toMatchObject({ infcode: -1, err_code: 'INPUT_INVALID' });
    const b = createPlatformClient(clientOptions(platform, STATIONS[1]));
    const bSign = await b.signIn();
    const foreign = await rawCall(
      platform,
      JSON.stringify(envelope('9002', { signOut: { sign_no: signNo, opter_no: 'cashier01' } }, bSign)),
      { station: STATIONS[1] },
    );
    expect(foreign.json).toMatchObject({ infcode: -1, err_code: 'SIGN_IN_REQUIRED' });
    // still signed in: a call with it works
    await expect(a.call('8202', { data: { local_setl_ids: ['X'] } })).resolves.toBeDefined();
    expect(a.signNo).toBe(signNo);
  });
});
