// startStation() end to end without a browser: the real platform process, the real agent, the real
// card service with the demo tray, the renderer bridge over a real WebSocket. This is the path
// `npm start` and the e2e test take; here each StationApi channel is exercised once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectStation, type SocketLike, type StationApi } from '../renderer/bridge';
import { findChromium } from '../electron/services/printing';
import { demoWorld } from '../shared/demo-world';
import type { CardReadEvent, PlatformStatus } from '../shared/station-api';
import { startStation, type RunningStation } from './start-station';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'start-station-'));
const rendererDir = path.join(work, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
let station: RunningStation;
let api: StationApi;
let close: () => void;
const lines: string[] = [];

beforeAll(async () => {
  station = await startStation({
    dataDir: path.join(work, 'data'),
    mode: 'browser',
    open: false,
    admin: true,
    agentPort: 0,
    platformPort: 0,
    rendererDir,
    seed: 'shell-test',
    today: '2025-06-30',
    catalogSize: 50,
    say: (l) => lines.push(l),
  });
  const url = new URL(station.url);
  ({ api, close } = connectStation({
    location: { host: url.host, hash: url.hash, pathname: '/', search: '' },
    openSocket: (u) => new WebSocket(u, { origin: url.origin }) as unknown as SocketLike,
  }));
}, 120_000);
afterAll(async () => {
  close?.();
  await station?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

function nextEvent<T>(
  subscribe: (listener: (payload: T) => void) => () => void,
  accept: (p: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event within 15 s')), 15_000);
    const off = subscribe((payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

describe('startStation (browser mode)', () => {
  it('provisions the station for the platform it started, secret kept out of the page', async () => {
    expect(station.mode).toBe('browser');
    expect(station.adminUrl).toBe(station.platformUrl);
    const config = await api.config.get();
    expect(config).toMatchObject({
      stationId: station.stationId,
      platformUrl: station.platformUrl,
      secretStorage: 'file',
      institution: { fixmedins_code: 'H46010600001' },
    });
    const secret = fs.readFileSync(path.join(station.dataDir, 'station', 'station-secret'), 'utf8');
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(fs.statSync(path.join(station.dataDir, 'station', 'station-secret')).mode & 0o777).toBe(0o600);
    await expect(api.app.info()).resolves.toMatchObject({ mode: 'browser' });
  });

  it("keeps the station secret off every process's command line (the platform reads a 0600 stations file)", () => {
    const secret = fs.readFileSync(path.join(station.dataDir, 'station', 'station-secret'), 'utf8');
    const stationsFile = path.join(station.dataDir, 'platform', 'stations.json');
    expect(fs.statSync(stationsFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(stationsFile, 'utf8'))).toEqual([
      { id: station.stationId, secret, fixmedins_code: 'H46010600001' },
    ]);
    const args = execFileSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' });
    expect(args).toContain(`--stations-file ${stationsFile}`);
    expect(args).not.toContain(secret);
    // The platform's own argv, read from /proc where there is one.
    const pid = fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .find((d) => {
        try {
          return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(stationsFile);
        } catch {
          return false;
        }
      });
    expect(pid).toBeDefined();
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(secret);
  });

  it('signs platform calls in the host and tracks the platform status through an outage', async () => {
    const { output } = await api.platform.call({
      infno: '8101',
      input: { data: { dataset: 'institutions', since_ver: 0, page_size: 100 } },
    });
    expect((output as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    await expect(api.platform.status()).resolves.toMatchObject({ state: 'online', lastError: null });

    const offline = nextEvent<PlatformStatus>(
      (l) => api.on('platform.status', l),
      (s) => s.state === 'offline',
    );
    await station.stopPlatform();
    const err = await api.platform
      .call({ infno: '8101', input: { data: { dataset: 'institutions', since_ver: 0, page_size: 1 } } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PLATFORM_TRANSIENT', kind: 'transient' });
    expect((await offline).lastError?.kind).toBe('transient');

    await station.startPlatform();
    await api.platform.call({
      infno: '8101',
      input: { data: { dataset: 'institutions', since_ver: 0, page_size: 1 } },
    });
    await expect(api.platform.status()).resolves.toMatchObject({ state: 'online' });
    // A refusal is an answer: permanent, and the platform counts as reachable.
    await expect(
      api.platform.call({
        infno: '8101',
        input: { data: { dataset: 'nonsense', since_ver: 0, page_size: 1 } },
      }),
    ).rejects.toMatchObject({ kind: 'permanent' });
    await expect(api.platform.status()).resolves.toMatchObject({
      state: 'online',
      lastError: { kind: 'permanent' },
    });
  }, 60_000);

  it("holds the platform's demo people in the tray and emits the card read", async () => {
    const world = demoWorld({ seed: 'shell-test', today: '2025-06-30', catalogSize: 1 });
    const { cards } = await api.card.listDemoCards();
    expect(cards.map((c) => c.card_id)).toEqual(world.cards.map((c) => c.card_id));
    const card = world.cards.find((c) => c.spec_version === '2.00' && !c.damaged)!;
    const read = nextEvent<CardReadEvent>((l) => api.on('card.read', l));
    await api.card.insertDemoCard({ card_id: card.card_id });
    expect(await read).toMatchObject({
      kind: 'social-security-card',
      ssn: card.certno,
      name: card.psn_name,
      cardId: card.card_id,
    });
    await expect(api.card.status()).resolves.toMatchObject({ demoTray: { insertedCardId: card.card_id } });
    await api.card.removeDemoCard();
    await expect(api.card.insertDemoCard({ card_id: 'NO-SUCH-CARD' })).rejects.toMatchObject({
      code: 'CARD_FAILED',
      errCode: 'DEMO_CARD_UNKNOWN',
    });
  }, 30_000);

  it("hands over the demo world's bills of a person at this station's institution only", async () => {
    const world = demoWorld({ seed: 'shell-test', today: '2025-06-30', catalogSize: 1 });
    const bill = world.bills.find((b) => b.fixmedins_code === 'H46010600001')!;
    const person = world.people.find((p) => p.person.psn_no === bill.psn_no)!;
    const expected = world.bills.filter(
      (b) => b.psn_no === bill.psn_no && b.fixmedins_code === 'H46010600001',
    );
    await expect(api.demo.bills({ certno: person.person.certno })).resolves.toEqual({ bills: expected });
    await expect(api.demo.bills({ psn_no: bill.psn_no })).resolves.toEqual({ bills: expected });
    const elsewhere = world.bills.find((b) => b.fixmedins_code !== 'H46010600001')!;
    const other = await api.demo.bills({ psn_no: elsewhere.psn_no });
    expect(other.bills.map((b) => b.bill_id)).not.toContain(elsewhere.bill_id);
    await expect(api.demo.bills({})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it.runIf(findChromium() !== null)(
    'prints a receipt PDF into the station folder',
    async () => {
      const { path: file } = await api.print.receiptPdf({ html: '<h1>结算单</h1>', name: 'SETL-TEST' });
      expect(file).toBe(path.join(station.dataDir, 'station', 'receipts', 'SETL-TEST.pdf'));
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    },
    30_000,
  );

  it('logs to rotating files with ID numbers masked', async () => {
    await api.log.write({
      level: 'warn',
      message: 'typed 11010519491231002X',
      fields: { certno: '11010519491231002X' },
    });
    const log = fs.readFileSync(path.join(station.dataDir, 'station', 'logs', 'station.log'), 'utf8');
    expect(log).toContain('110105********002X');
    expect(log).not.toContain('11010519491231002X');
  });
});
