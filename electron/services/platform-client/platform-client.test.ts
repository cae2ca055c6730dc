// The station's platform client against the real platform simulator over HTTP, with the platform's
// fault injection: every failure is classified transient (retry later) or permanent (a person looks).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../../platform-sim/admin-client';
import { HOSPITAL, STATIONS, startTestPlatform, clientOptions } from '../../../platform-sim/contract/harness';
import type { RunningPlatform } from '../../../platform-sim/index';
import { billById, uploadFor } from '../../../platform-sim/test-support';
import { createPlatformClient, PlatformError } from './index';

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  return err as PlatformError;
}

const makeClient = (...args: Parameters<typeof clientOptions>) =>
  createPlatformClient(clientOptions(...args));

describe('platform client against platform-sim', () => {
  let platform: RunningPlatform;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'pglite' }, { catalogSize: 200 });
    admin = new AdminClient(platform.url);
  });
  afterEach(async () => {
    await admin.clearFaults();
  });
  afterAll(async () => platform?.close());

  it('builds msgid as fixmedins_code + yyyyMMddHHmmss (China time) + 4-digit sequence and signs in lazily', async () => {
    const seen: string[] = [];
    const client = createPlatformClient({
      baseUrl: platform.url,
      stationId: STATIONS[0].id,
      secret: STATIONS[0].secret,
      fixmedinsCode: HOSPITAL,
      fixmedinsName: 'x',
      mdtrtareaAdmvs: '460106',
      nonce: () => {
        const n = `nonce-${Date.now()}-${seen.length}-abcdef`;
        seen.push(n);
        return n;
      },
    });
    expect(client.signNo).toBeNull();
    await client.call('8202', { data: { local_setl_ids: ['A'] } });
    expect(client.signNo).not.toBeNull();
    expect(seen).toHaveLength(2);
    const { buildMsgid } = await import('../../../shared/protocol');
    expect(buildMsgid(HOSPITAL, Date.UTC(2025, 5, 30, 2, 12, 0), 10007)).toBe(
      'H460106000012025063010120000' + '07',
    );
  });

  it('refuses invalid input before sending it (permanent INPUT_INVALID) and unknown infno', async () => {
    const client = makeClient(platform);
    const e = await failure(
      client.call('8101', { data: { dataset: 'catalog', since_ver: -1, page_size: 10 } }),
    );
    expect([e.kind, e.errCode]).toEqual(['permanent', 'INPUT_INVALID']);
    expect(e.message).toContain('since_ver');
    const u = await failure(client.call('7777', {}));
    expect([u.kind, u.errCode]).toEqual(['permanent', 'UNKNOWN_INFNO']);
  });

  it('classifies HTTP 5xx and 429 as transient', async () => {
    const client = makeClient(platform);
    await client.signIn();
    await admin.setFaults({ error_next: 1 });
    const e = await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }));
    expect([e.kind, e.errCode, e.httpStatus]).toEqual(['transient', 'HTTP_503', 503]);
    await admin.setFaults({ error_next: 1, error_status: 429 });
    expect((await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }))).errCode).toBe(
      'HTTP_429',
    );
    expect((await client.call('8202', { data: { local_setl_ids: ['A'] } })).results).toHaveLength(1);
  });

  it('classifies a dropped connection and a partition as transient NETWORK, a silent platform as TIMEOUT', async () => {
    const client = makeClient(platform);
    await client.signIn();
    await admin.setFaults({ drop_next: 1 });
    expect((await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }))).errCode).toBe('NETWORK');
    await admin.setFaults({ timeout_next: 1 });
    const t = await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }, { timeoutMs: 600 }));
    expect([t.kind, t.errCode]).toEqual(['transient', 'TIMEOUT']);
    await admin.setFaults({ partition_seconds: 30 });
    const p = await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }));
    expect([p.kind, p.errCode]).toEqual(['transient', 'NETWORK']);
    await admin.setFaults({ partition_seconds: 0 });
    expect((await client.call('8202', { data: { local_setl_ids: ['A'] } })).results[0].outcome).toBe(
      'unknown',
    );
  });

  it('a lost answer to 8201 is transient, and resending the same settlement gets the stored outcome once', async () => {
    const client = makeClient(platform);
    await client.signIn();
    const w = platform.world;
    const up = uploadFor(w, billById(w, 'BILL-HIP'), { stationId: STATIONS[0].id });
    await admin.setFaults({ drop_response_next: 1 });
    expect((await failure(client.call('8201', { data: { settlements: [up] } }))).kind).toBe('transient');
    const [res] = (await client.call('8201', { data: { settlements: [up] } })).results;
    expect(res.local_setl_id).toBe(up.local_setl_id);
    const mine = (await admin.settlements(up.request.person.psn_no)).settlements.filter(
      (s) => s.local_setl_id === up.local_setl_id,
    );
    expect(mine).toHaveLength(1);
  });

  it('treats infcode -1 as permanent with the platform err_code, and waits out injected latency', async () => {
    const client = makeClient(platform);
    const e = await failure(
      client.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '110101199001011237' } }),
    );
    expect([e.kind, e.errCode]).toEqual(['permanent', 'PERSON_NOT_FOUND']);
    expect(e.message).toContain(' / ');
    await admin.setFaults({ latency_ms: 300 });
    const t0 = Date.now();
    await client.call('8202', { data: { local_setl_ids: ['A'] } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('classifies connection refused as transient NETWORK', async () => {
    const client = createPlatformClient({
      baseUrl: 'http://127.0.0.1:1',
      stationId: 'S',
      secret: 's',
      fixmedinsCode: HOSPITAL,
      fixmedinsName: 'x',
      mdtrtareaAdmvs: '460106',
      timeoutMs: 2000,
    });
    const e = await failure(client.call('8202', { data: { local_setl_ids: ['A'] } }));
    expect([e.kind, e.errCode]).toEqual(['transient', 'NETWORK']);
  });
  it('a signature refused because the station clock is off names the clock and both times', async () => {
    const tenMinutesAhead = () => Date.now() + 10 * 60_000;
    const client = createPlatformClient({ ...clientOptions(platform), now: tenMinutesAhead });
    const err = await failure(client.call('9001', { signIn: { opter_no: 'x', mac: '', ip: '' } }));
    expect(err).toMatchObject({ kind: 'permanent', errCode: 'CLOCK_SKEW' });
    expect(err.message).toMatch(/相差约 10 分钟.*本机 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，平台 \d{4}-/);
    expect(err.message).toContain('set the station');
  });

  it('a bad signature with a right clock stays SIGNATURE_INVALID', async () => {
    const client = createPlatformClient({
      ...clientOptions(platform),
      secret: 'a-wrong-secret-0123456789abcdef',
    });
    const err = await failure(client.call('9001', { signIn: { opter_no: 'x', mac: '', ip: '' } }));
    expect(err.errCode).toBe('SIGNATURE_INVALID');
  });
});
