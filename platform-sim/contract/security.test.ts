// Hostile input at the platform's door: signatures, timestamps, replays, and a table of malformed
// messages, each refused with a stable err_code while the server keeps serving.

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createPlatformClient } from '../../electron/services/platform-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { CALL_PATH, SIGNATURE_HEADERS } from '../../shared/protocol';
import type { RunningPlatform } from '../index';
import { startPlatform } from '../index';
import { STATIONS, backends, envelope, rawCall, startTestPlatform, clientOptions } from './harness';

const makeClient = (...args: Parameters<typeof clientOptions>) =>
  createPlatformClient(clientOptions(...args));

describe.each(backends())('platform security and hostile input on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let signNo: string;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    client = makeClient(platform);
    signNo = await client.signIn();
  });
  afterAll(async () => platform?.close());

  const ping = () => JSON.stringify(envelope('8202', { data: { local_setl_ids: ['X'] } }, signNo));

  it('accepts a correctly signed raw call', async () => {
    const r = await rawCall(platform, ping());
    expect(r.status).toBe(200);
    expect(r.json?.infcode).toBe(0);
  });

  it('refuses a bad signature, a tampered body, old and future timestamps and a replayed nonce with SIGNATURE_INVALID', async () => {
    const body = ping();
    const bad = await rawCall(platform, body, { signature: 'ab'.repeat(32) });
    expect([bad.status, bad.json?.err_code]).toEqual([401, 'SIGNATURE_INVALID']);
    const tampered = await rawCall(platform, body, { signedBody: body.replace('"X"', '"Y"') });
    expect([tampered.status, tampered.json?.err_code]).toEqual([401, 'SIGNATURE_INVALID']);
    const old = await rawCall(platform, body, { timestamp: Date.now() - 6 * 60_000 });
    expect([old.status, old.json?.err_code]).toEqual([401, 'SIGNATURE_INVALID']);
    expect(old.json?.err_msg).toContain('window');
    const future = await rawCall(platform, body, { timestamp: Date.now() + 6 * 60_000 });
    expect(future.json?.err_code).toBe('SIGNATURE_INVALID');
    const nonce = randomBytes(16).toString('hex');
    expect((await rawCall(platform, body, { nonce })).json?.infcode).toBe(0);
    const replay = await rawCall(platform, body, { nonce });
    expect([replay.status, replay.json?.err_code]).toEqual([401, 'SIGNATURE_INVALID']);
    expect(replay.json?.err_msg).toContain('replay');
    const unsigned = await fetch(platform.url + CALL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
  });

  it('gives an unknown station exactly the refusal of a wrong signature (no station enumeration)', async () => {
    const body = ping();
    const stranger = await rawCall(platform, body, {
      station: { id: 'NOBODY', secret: 'nobody-secret-0123456789' },
    });
    const wrongSecret = await rawCall(platform, body, {
      station: { id: STATIONS[0].id, secret: STATIONS[1].secret },
    });
    expect(stranger.status).toBe(401);
    expect([stranger.status, stranger.json?.err_code, stranger.json?.err_msg]).toEqual([
      wrongSecret.status,
      wrongSecret.json?.err_code,
      wrongSecret.json?.err_msg,
    ]);
    expect(stranger.json?.err_msg).not.toContain('NOBODY');
  });

  it.each([
    ['an unknown station', { id: 'NOBODY', timestamp: () => Date.now() }],
    ['a stale timestamp', { id: STATIONS[0].id, timestamp: () => Date.now() - 3_600_000 }],
  ])('refuses %s from its headers without reading an 8 MiB body', async (_name, o) => {
    const url = new URL(platform.url + CALL_PATH);
    const answer = await new Promise<{ status: number; errCode: string }>((resolve, reject) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(8 * 1024 * 1024),
          [SIGNATURE_HEADERS.station]: o.id,
          [SIGNATURE_HEADERS.timestamp]: String(o.timestamp()),
          [SIGNATURE_HEADERS.nonce]: randomBytes(16).toString('hex'),
          [SIGNATURE_HEADERS.signature]: 'ab'.repeat(32),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            errCode: (JSON.parse(text) as { err_code: string }).err_code,
          });
        });
      });
      req.on('error', reject);
      // A few KB of the promised 8 MiB, then nothing: the answer must come without the rest.
      req.write(Buffer.alloc(4096, 0x20));
      setTimeout(() => reject(new Error('no answer before the body was sent')), 5000).unref();
    });
    expect(answer).toEqual({ status: 401, errCode: 'SIGNATURE_INVALID' });
  });

  it('requires a sign_no issued to this station (SIGN_IN_REQUIRED), and the client signs in again by itself', async () => {
    const other = await rawCall(
      platform,
      JSON.stringify(envelope('8202', { data: { local_setl_ids: ['X'] } }, 'NOT-A-SIGN-NO')),
    );
    expect([other.status, other.json?.err_code]).toEqual([401, 'SIGN_IN_REQUIRED']);
    const fresh = makeClient(platform, STATIONS[1]);
    const out = await fresh.call('8202', { data: { local_setl_ids: ['X'] } });
    expect(out.results[0].outcome).toBe('unknown');
    expect(fresh.signNo).not.toBeNull();
  });

  const env = (patch: Record<string, unknown>) =>
    JSON.stringify({ ...envelope('8202', { data: { local_setl_ids: ['X'] } }, signNo), ...patch });
  const cases: [string, () => string | Buffer, number, string, { contentType?: string }?][] = [
    ['truncated JSON', () => '{"infno":', 400, 'BAD_JSON'],
    ['empty body', () => '', 400, 'BAD_JSON'],
    ['not JSON at all', () => 'infno=8201&input=x', 400, 'BAD_JSON'],
    ['a JSON array', () => '[]', 400, 'ENVELOPE_INVALID'],
    ['a JSON string', () => '"hello"', 400, 'ENVELOPE_INVALID'],
    ['JSON null', () => 'null', 400, 'ENVELOPE_INVALID'],
    ['infno as a number', () => env({ infno: 8202 }), 400, 'ENVELOPE_INVALID'],
    ['unknown infno', () => env({ infno: '9999' }), 400, 'UNKNOWN_INFNO'],
    ['infno not digits', () => env({ infno: 'abcd' }), 400, 'ENVELOPE_INVALID'],
    ['msgid too short', () => env({ msgid: 'H460106000012026' }), 400, 'ENVELOPE_INVALID'],
    ['input missing', () => env({ input: undefined }), 400, 'ENVELOPE_INVALID'],
    ['input a string', () => env({ input: 'x' }), 400, 'ENVELOPE_INVALID'],
    ['fixmedins_code too long', () => env({ fixmedins_code: 'H460106000011' }), 400, 'ENVELOPE_INVALID'],
    ['infver V2.0', () => env({ infver: 'V2.0' }), 400, 'ENVELOPE_INVALID'],
    ['opter_type 3', () => env({ opter_type: '3' }), 400, 'ENVELOPE_INVALID'],
    ['inf_time malformed', () => env({ inf_time: '2026/06/15 10:00' }), 400, 'ENVELOPE_INVALID'],
    ['a 10 MB body', () => Buffer.alloc(10 * 1024 * 1024, 0x20), 413, 'BODY_TOO_LARGE'],
    ['text/plain', () => env({}), 415, 'UNSUPPORTED_MEDIA_TYPE', { contentType: 'text/plain' }],
    [
      '8101 page_size 10000',
      () => env({ infno: '8101', input: { data: { dataset: 'catalog', since_ver: 0, page_size: 10000 } } }),
      400,
      'INPUT_INVALID',
    ],
    [
      '8101 since_ver as a string',
      () => env({ infno: '8101', input: { data: { dataset: 'catalog', since_ver: '0', page_size: 10 } } }),
      400,
      'INPUT_INVALID',
    ],
    [
      '8101 unknown dataset',
      () => env({ infno: '8101', input: { data: { dataset: 'secrets', since_ver: 0, page_size: 10 } } }),
      400,
      'INPUT_INVALID',
    ],
    [
      '1101 cert type 09',
      () => env({ infno: '1101', input: { data: { mdtrt_cert_type: '09', mdtrt_cert_no: 'x' } } }),
      400,
      'INPUT_INVALID',
    ],
    [
      '8201 settlements not a list',
      () => env({ infno: '8201', input: { data: { settlements: { a: 1 } } } }),
      400,
      'INPUT_INVALID',
    ],
    [
      'deeply nested input',
      () => env({ input: { data: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) } }),
      400,
      'INPUT_INVALID',
    ],
  ];

  it.each(cases)('refuses %s with its err_code', async (_name, body, status, code, opts) => {
    const r = await rawCall(platform, body(), opts ?? {});
    expect(r.status).toBe(status);
    expect(r.json?.infcode).toBe(-1);
    expect(r.json?.err_code).toBe(code);
    expect(r.json?.err_msg).toMatch(/ \/ /);
  });

  it('keeps serving after all of the above: wrong method, unknown path, then real calls', async () => {
    const get = await fetch(platform.url + CALL_PATH);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { err_code: string }).err_code).toBe('METHOD_NOT_ALLOWED');
    const nowhere = await fetch(`${platform.url}/fsi/api/other`, { method: 'POST', body: '{}' });
    expect(((await nowhere.json()) as { err_code: string }).err_code).toBe('NOT_FOUND');
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    const out = await client.call('8101', {
      data: { dataset: 'institutions', since_ver: 0, page_size: 100 },
    });
    expect(out.rows.length).toBe(platform.world.institutions.length);
  });
});

describe('platform without --admin', () => {
  it('has no admin endpoints unless started with admin', async () => {
    const plain = await startPlatform({
      seed: 'no-admin',
      today: '2026-06-15',
      stations: STATIONS,
      catalogSize: 50,
    });
    try {
      const r = await fetch(`${plain.url}/admin/state`);
      expect(r.status).toBe(404);
      const f = await fetch(`${plain.url}/admin/faults`, { method: 'POST', body: '{"drop_next":5}' });
      expect(f.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
