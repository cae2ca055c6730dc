// The renderer bridge against the real agent (browser mode) and against the preload's exposed object
// wired to the same host (Electron mode without the binary): one StationApi, two transports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startAgent, type Agent } from '../../electron/agent';
import { createRotatingLog } from '../../electron/services/logging';
import { createStationHost } from '../../electron/services/station-host';
import { buildExposedApi, StationApiError } from '../../shared/station-api';
import {
  connectStation,
  platformPort,
  readAgentCredential,
  type BridgeEnvironment,
  type SocketLike,
} from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-'));
fs.mkdirSync(path.join(work, 'renderer'));
fs.writeFileSync(path.join(work, 'renderer', 'index.html'), '<!doctype html>');
const log = createRotatingLog({ dir: path.join(work, 'logs'), minLevel: 'debug' });
const host = createStationHost({
  app: { name: 'station', version: '0.1.0', mode: 'browser', os: 'linux-x64' },
  configView: () => ({
    stationId: 'ST-1',
    institution: { fixmedins_code: 'H11010100001', fixmedins_name: '示范医院' },
    treatmentPlace: { mdtrtarea_admvs: '110100' },
    platformUrl: 'http://127.0.0.1:1',
    secretStorage: 'file',
  }),
  platform: null,
  card: null,
  print: { savePdf: async (_html, name) => `/receipts/${name}.pdf`, dialog: null },
  log,
});
let agent: Agent;
beforeAll(async () => {
  agent = await startAgent({ host, rendererDir: path.join(work, 'renderer'), log });
});
afterAll(async () => {
  await agent.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function browserEnv(
  hash: string,
  storage = new Map<string, string>(),
): BridgeEnvironment & { replaced: string[] } {
  const replaced: string[] = [];
  return {
    replaced,
    location: { host: `127.0.0.1:${agent.port}`, hash, pathname: '/', search: '' },
    history: { replaceState: (_d, _u, url) => replaced.push(url) },
    sessionStorage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
    openSocket: (url) => new WebSocket(url, { origin: agent.origin }) as unknown as SocketLike,
  };
}

const hashOf = (url: string) => new URL(url).hash;

describe('bridge in browser mode', () => {
  it('reads the code from the fragment, clears it from the address bar, spends it for a session and calls the agent', async () => {
    const storage = new Map<string, string>();
    const hash = hashOf(agent.openUrl());
    const env = browserEnv(`${hash}&tab=2`, storage);
    const station = connectStation(env);
    expect(station.mode).toBe('browser');
    expect(env.replaced).toEqual(['/#tab=2']);
    // Until the code is spent, the tab keeps it (a reload in that moment does not lose it).
    expect(readAgentCredential(browserEnv('', new Map(storage)))).toEqual({ code: hash.slice(12) });
    await expect(station.api.app.info()).resolves.toEqual({
      name: 'station',
      version: '0.1.0',
      mode: 'browser',
      os: 'linux-x64',
    });
    await expect(station.api.config.get()).resolves.toMatchObject({ stationId: 'ST-1' });
    await expect(station.api.print.receiptDialog({ html: '<p>x</p>' })).resolves.toEqual({
      outcome: 'browser',
    });
    await expect(
      station.api.log.write({ level: 'info', message: 'card 11010519491231002X read' }),
    ).resolves.toEqual({ ok: true });
    expect(fs.readFileSync(log.file, 'utf8')).toContain('110105********002X');
    station.close();
    // A reload: the fragment is gone, the session comes from sessionStorage, the spent code is gone.
    const credential = readAgentCredential(browserEnv('', storage));
    expect(credential).toEqual({ session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect([...storage.values()]).not.toContain(hash.slice(12));
    const reloaded = connectStation(browserEnv('', storage));
    await expect(reloaded.api.app.info()).resolves.toMatchObject({ name: 'station' });
    reloaded.close();
    // The same address opened again (another tab, a copied link): its code is spent.
    const again = connectStation(browserEnv(hash));
    await expect(again.api.app.info()).rejects.toMatchObject({
      code: 'TRANSPORT_CLOSED',
      errCode: 'AGENT_REFUSED',
      message_zh: expect.stringContaining('npm start'),
    });
    again.close();
  });

  it('reconnects with its session after the connection drops, never with the spent code', async () => {
    const opened: string[] = [];
    const env = browserEnv(hashOf(agent.openUrl()));
    const plain = env.openSocket!;
    env.openSocket = (url) => {
      opened.push(url);
      return plain(url);
    };
    const station = connectStation(env);
    await station.api.app.info();
    station.close(); // the socket drops; the next call reconnects
    await expect(station.api.app.info()).resolves.toMatchObject({ name: 'station' });
    expect(opened).toHaveLength(2);
    expect(opened[0]).toMatch(/\?code=[A-Za-z0-9_-]{43}$/);
    expect(opened[1]).toMatch(/\?session=[A-Za-z0-9_-]{43}$/);
    station.close();
  });

  it('turns host failures into StationApiError with code, both messages, and kind for the platform', async () => {
    const station = connectStation(browserEnv(hashOf(agent.openUrl())));
    const err = await station.api.platform.call({ infno: '1101', input: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StationApiError);
    expect(err).toMatchObject({ code: 'NOT_CONFIGURED' });
    await expect(platformPort(station.api).call('9001', {})).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
    });
    // Input is checked before it leaves the page.
    await expect(station.api.card.insertDemoCard({ card_id: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      path: 'card_id',
    });
    station.close();
  });

  it('fails calls with TRANSPORT_CLOSED when the code is wrong', async () => {
    const station = connectStation(browserEnv(`#agent-code=${'W'.repeat(43)}`));
    await expect(station.api.app.info()).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
  });

  it('fails calls in flight when the agent goes away and reconnects once it is back', async () => {
    // A page whose session both agents accept (presetSessions): the agent's own restart issues new
    // sessions, but what is tested here is the transport's reconnect.
    const session = 'T'.repeat(43);
    const presetSessions = [session];
    const first = await startAgent({ host, rendererDir: path.join(work, 'renderer'), log, presetSessions });
    const port = first.port;
    const env = browserEnv('', new Map([['station.agent-session', session]]));
    env.location.host = `127.0.0.1:${port}`;
    env.openSocket = (url) =>
      new WebSocket(url, { origin: `http://127.0.0.1:${port}` }) as unknown as SocketLike;
    const station = connectStation(env);
    await expect(station.api.app.info()).resolves.toMatchObject({ name: 'station' });
    await first.close();
    await expect(station.api.app.info()).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    const second = await startAgent({
      host,
      rendererDir: path.join(work, 'renderer'),
      log,
      presetSessions,
      port,
    });
    try {
      await expect(station.api.app.info()).resolves.toMatchObject({ name: 'station' });
    } finally {
      station.close();
      await second.close();
    }
  });

  it('says how to open the app when there is no token at all', () => {
    expect(() => connectStation(browserEnv(''))).toThrow(/npm start/);
  });
});

describe('bridge in Electron mode (preload object over the same host)', () => {
  it('exposes only contract functions and unwraps envelopes into typed errors', async () => {
    const exposed = buildExposedApi(
      (channel, input) => host.dispatch(channel, input),
      () => () => undefined,
    );
    const station = connectStation({ exposed, location: { host: '', hash: '', pathname: '/', search: '' } });
    expect(station.mode).toBe('electron');
    await expect(station.api.app.info()).resolves.toMatchObject({ mode: 'browser' });
    await expect(station.api.platform.call({ infno: '1101', input: {} })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message_zh: expect.any(String),
    });
    // What the preload returns is plain data: an envelope, never a thrown Error whose fields contextBridge would drop.
    await expect(exposed.platform.call({ infno: 'bad' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
