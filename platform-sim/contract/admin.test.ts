// The admin endpoints against a web page in the cashier's browser (issue 10, finding 7): a request
// with an Origin header, a foreign Host (DNS rebinding), a body that is not application/json, or —
// with an admin token — no token, is refused and changes nothing; the test clients still work.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, AdminError } from '../admin-client';
import type { RunningPlatform } from '../index';
import { startTestPlatform } from './harness';

interface Answer {
  status: number;
  error?: string;
}

/** A raw request, so the test can set headers fetch() will not (Host). */
function raw(
  platform: RunningPlatform,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const url = new URL(platform.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: { connection: 'close', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, error: (JSON.parse(text) as { error?: string }).error }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('admin endpoints refuse what a web page could send', () => {
  let platform: RunningPlatform;
  let admin: AdminClient;
  let host: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'pglite' }, { catalogSize: 50, peopleCount: 20 });
    admin = new AdminClient(platform.url);
    host = new URL(platform.url).host;
  });
  afterAll(async () => platform?.close());

  const json = { 'content-type': 'application/json' };
  const faults = '{"drop_next":5}';

  it.each([
    [
      'an Origin header (a cross-site fetch)',
      'POST',
      { ...json, origin: 'https://evil.example' },
      403,
      'ORIGIN_REFUSED',
    ],
    ['Origin null (a sandboxed page)', 'POST', { ...json, origin: 'null' }, 403, 'ORIGIN_REFUSED'],
    ['a foreign Host (DNS rebinding)', 'POST', { ...json, host: 'evil.example' }, 403, 'HOST_REFUSED'],
    [
      'Host localhost instead of the address it listens on',
      'POST',
      { ...json, host: 'localhost' },
      403,
      'HOST_REFUSED',
    ],
    [
      'a text/plain body (no CORS preflight)',
      'POST',
      { 'content-type': 'text/plain' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a form body',
      'POST',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['no content type', 'POST', {}, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('refuses %s', async (_name, method, headers, status, error) => {
    const h: Record<string, string> = { ...headers };
    if (h.host === 'evil.example' || h.host === 'localhost')
      h.host = `${h.host}:${new URL(platform.url).port}`;
    const r = await raw(platform, method, '/admin/faults', h, faults);
    expect(r).toEqual({ status, error });
    expect((await admin.state()).faults.drop_next).toBe(0);
  });

  it('refuses a GET from a web page too (Origin, Host), and answers the test client', async () => {
    expect((await raw(platform, 'GET', '/admin/state', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw(platform, 'GET', '/admin/state', { host: 'evil.example' })).status).toBe(403);
    expect((await raw(platform, 'GET', '/admin/state', { host })).status).toBe(200);
    await admin.setFaults({ latency_ms: 0 });
  });

  it('refuses control characters in an admin body and query', async () => {
    await expect(admin.revokeFiling('F\u0000')).rejects.toMatchObject({ status: 400, code: 'INPUT_INVALID' });
    await expect(admin.settlements('P\u0000')).rejects.toMatchObject({ status: 400, code: 'INPUT_INVALID' });
    await expect(admin.accumulators('P\u0000', 2026)).rejects.toMatchObject({ status: 400 });
  });
});

describe('admin endpoints with an admin token', () => {
  const token = 'admin-token-0123456789abcdef';
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(
      { name: 'pglite' },
      { catalogSize: 50, peopleCount: 20, adminToken: token },
    );
  });
  afterAll(async () => platform?.close());

  it('requires it on every request', async () => {
    const without = await new AdminClient(platform.url).state().catch((e: unknown) => e);
    expect(without).toBeInstanceOf(AdminError);
    expect(without).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    await expect(
      new AdminClient(platform.url, { token: 'admin-token-0123456789abcdeX' }).clearFaults(),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(new AdminClient(platform.url, { token }).state()).resolves.toMatchObject({ kind: 'pglite' });
  });

  it('refuses a token shorter than 16 characters at start', async () => {
    await expect(startTestPlatform({ name: 'pglite' }, { adminToken: 'short' })).rejects.toThrow(
      /16 characters/,
    );
  });
});
