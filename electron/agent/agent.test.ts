// The agent over real sockets: static files with the CSP, the StationApi over WebSocket, one-time
// codes exchanged for sessions, and every refusal (no, spent or wrong code or session, foreign Origin,
// non-loopback peer, foreign Host). Hostile frames: agent-hostile.test.ts.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRotatingLog } from '../services/logging';
import { createStationHost } from '../services/station-host';
import { isLoopbackAddress, startAgent, type Agent } from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-'));
const rendererDir = path.join(work, 'renderer');
fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(work, 'secret.txt'), 'top secret');

const log = createRotatingLog({ dir: path.join(work, 'logs') });
const host = createStationHost({
  app: { name: 'station', version: '0.1.0', mode: 'browser', os: 'linux-x64' },
  configView: () => {
    throw Object.assign(new Error('x'), {
      code: 'NOT_CONFIGURED',
      message_zh: '未配置',
      message_en: 'not configured',
    });
  },
  platform: null,
  card: null,
  print: { savePdf: async () => '', dialog: null },
  log,
});
let agent: Agent;

beforeAll(async () => {
  agent = await startAgent({ host, rendererDir, log });
});
afterAll(async () => {
  await agent.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function get(
  urlPath: string,
  headers: Record<string, string> = {},
  address = '127.0.0.1',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: address,
        port: agent.port,
        path: urlPath,
        headers: { host: `127.0.0.1:${agent.port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const codeOf = (url: string) => new URL(url).hash.replace(/^#agent-code=/, '');

/** Opens a WebSocket and reports either 'open' or the HTTP status of the refusal. Without `code` or
 * `session` it spends a fresh code of `of` (default: the shared agent). */
function tryConnect(opts: {
  code?: string | null;
  session?: string;
  origin?: string | null;
  address?: string;
  wsPath?: string;
  port?: number;
  of?: Agent;
}): Promise<WebSocket | number> {
  const of = opts.of ?? agent;
  const port = opts.port ?? of.port;
  const query =
    opts.session !== undefined
      ? `?session=${encodeURIComponent(opts.session)}`
      : opts.code === null
        ? ''
        : `?code=${encodeURIComponent(opts.code ?? codeOf(of.openUrl()))}`;
  const ws = new WebSocket(
    `ws://${opts.address ?? '127.0.0.1'}:${port}${opts.wsPath ?? '/station-api'}${query}`,
    {
      ...(opts.origin === null ? {} : { origin: opts.origin ?? of.origin }),
      headers: { host: `127.0.0.1:${port}` },
    },
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

/** Spends a fresh code and returns the open socket with the session the agent answered. */
async function openSession(of: Agent = agent): Promise<{ ws: WebSocket; session: string }> {
  const ws = new WebSocket(`ws://127.0.0.1:${of.port}/station-api?code=${codeOf(of.openUrl())}`, {
    origin: of.origin,
  });
  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.once('error', reject);
  });
  expect(first).toMatchObject({ type: 'session', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  return { ws, session: first.token as string };
}

function rpc(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('agent HTTP', () => {
  it('serves the renderer with a strict CSP naming only its own WebSocket', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>station</title>');
    expect(res.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${agent.port}`,
    );
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect((await get('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await get('/settle/review')).body).toContain('<title>station</title>'); // client-side route
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', async (p) => {
    const res = await get(p);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('top secret');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${agent.port}` })).status).toBe(421);
    expect((await get('/', { host: `localhost:${agent.port}` })).status).toBe(421);
  });

  it('puts a one-time code in the URL fragment only, a fresh one for every address', () => {
    expect(agent.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${agent.port}/#agent-code=[A-Za-z0-9_-]{43}$`),
    );
    const other = agent.openUrl();
    expect(codeOf(other)).not.toBe(codeOf(agent.url));
  });
});

describe('agent WebSocket', () => {
  it('exchanges a one-time code for a session and answers calls from its own origin', async () => {
    const { ws: socket } = await openSession();
    expect(await rpc(socket, { type: 'call', id: 1, channel: 'app.info', input: {} })).toEqual({
      type: 'result',
      id: 1,
      output: { name: 'station', version: '0.1.0', mode: 'browser', os: 'linux-x64' },
    });
    expect(await rpc(socket, { type: 'call', id: 2, channel: 'config.get', input: {} })).toMatchObject({
      type: 'error',
      id: 2,
      error: { code: 'NOT_CONFIGURED', message_en: 'not configured' },
    });
    expect(await rpc(socket, { type: 'call', id: 3, channel: 'fs.read', input: {} })).toMatchObject({
      id: 3,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(
      await rpc(socket, { type: 'call', id: 4, channel: 'platform.call', input: { infno: 'x' } }),
    ).toMatchObject({ id: 4, error: { code: 'INVALID_INPUT', path: 'infno' } });
    expect(
      await rpc(socket, {
        type: 'call',
        id: 6,
        channel: 'platform.call',
        input: { infno: '1101', input: {} },
      }),
    ).toMatchObject({ id: 6, error: { code: 'NOT_CONFIGURED' } });
    socket.close();
  });

  it('refuses a spent code, accepts the session on a new connection, and refuses a session from another agent', async () => {
    const code = codeOf(agent.openUrl());
    const first = await tryConnect({ code });
    expect(first).toBeInstanceOf(WebSocket);
    (first as WebSocket).close();
    expect(await tryConnect({ code })).toBe(401);
    const { ws, session } = await openSession();
    ws.close();
    // A reload: a new connection with the session, no code.
    const again = await tryConnect({ session });
    expect(again).toBeInstanceOf(WebSocket);
    expect(
      await rpc(again as WebSocket, { type: 'call', id: 1, channel: 'app.info', input: {} }),
    ).toMatchObject({
      type: 'result',
    });
    (again as WebSocket).close();
    const other = await startAgent({ host, rendererDir, log });
    try {
      expect(await tryConnect({ session, of: other })).toBe(401);
      // A code of one agent is not a session of it, and a session is not a code.
      expect(await tryConnect({ session: codeOf(other.openUrl()), of: other })).toBe(401);
      expect(await tryConnect({ code: session })).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('does not spend a code on a request it refuses for another reason', async () => {
    const code = codeOf(agent.openUrl());
    expect(await tryConnect({ code, origin: 'https://evil.example' })).toBe(403);
    expect(await tryConnect({ code })).toBeInstanceOf(WebSocket);
  });

  it('refuses a code once it has expired', async () => {
    const quick = await startAgent({ host, rendererDir, log, codeTtlMs: 1 });
    try {
      const code = codeOf(quick.openUrl());
      await new Promise((r) => setTimeout(r, 20));
      expect(await tryConnect({ code, of: quick })).toBe(401);
    } finally {
      await quick.close();
    }
  });

  it.each([
    ['no code or session', { code: null }, 401],
    ['an empty code', { code: '' }, 401],
    ['a wrong code', { code: 'A'.repeat(43) }, 401],
    ['a code one character short', { code: 'short' }, 401],
    ['a wrong session', { session: 'B'.repeat(43) }, 401],
    ['no Origin', { origin: null }, 403],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.example' }, 403],
    ['localhost instead of 127.0.0.1', { origin: 'LOCALHOST' }, 403],
    ['the null Origin of a sandboxed frame or file://', { origin: 'null' }, 403],
    ['another path', { wsPath: '/other' }, 400],
  ] as const)('refuses %s', async (_what, opts, status) => {
    const o = { ...opts } as { code?: string | null; origin?: string | null; wsPath?: string };
    if (o.origin === 'LOCALHOST') o.origin = `http://localhost:${agent.port}`;
    expect(await tryConnect(o)).toBe(status);
  });
});

describe('non-loopback peers', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['fe80::1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['128.0.0.1', false],
    ['localhost', false],
    ['', false],
    [undefined, false],
    ['127.0.0.1.evil', false],
  ] as const)('isLoopbackAddress(%j) is %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.runIf(external !== undefined)(
    'cannot be reached on a non-loopback interface address at all',
    async () => {
      await expect(tryConnect({ address: external! })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    },
  );

  it.runIf(external !== undefined)(
    'refuses a non-loopback peer even when listening on every interface',
    async () => {
      const wide = await startAgent({ host, rendererDir, log, listenHost: '0.0.0.0' });
      try {
        expect(await tryConnect({ address: external!, of: wide })).toBe(403);
        const res = await new Promise<number>((resolve, reject) => {
          http
            .get(
              { host: external!, port: wide.port, path: '/', headers: { host: `127.0.0.1:${wide.port}` } },
              (r) => resolve(r.statusCode ?? 0),
            )
            .on('error', reject);
        });
        expect(res).toBe(403);
        // The same agent still serves a loopback peer.
        expect(await tryConnect({ of: wide })).toBeInstanceOf(WebSocket);
      } finally {
        await wide.close();
      }
    },
  );
});

describe('agent start-up', () => {
  it('refuses to start without a built renderer, naming the folder', async () => {
    await expect(startAgent({ host, rendererDir: path.join(work, 'nothing-here'), log })).rejects.toThrow(
      /no built renderer in .*nothing-here/,
    );
  });
});
