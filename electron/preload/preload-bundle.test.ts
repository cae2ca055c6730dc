// The built preload, run the way a sandboxed renderer runs it: a CommonJS script whose `require`
// knows only 'electron'. It must load, expose exactly the contract on window.stationApi, forward
// invokes by channel name, and hand listeners the payload without Electron's event object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreload } from '../../scripts/build-electron';
import { stationChannels, stationEventNames, type ExposedStationApi } from '../../shared/station-api';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preload-'));
let exposedKey = '';
let exposed: ExposedStationApi;
const invoked: Array<[string, unknown]> = [];
const handlers = new Map<string, (event: unknown, payload: unknown) => void>();

beforeAll(async () => {
  const file = await buildPreload(outDir);
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: ExposedStationApi) => {
        exposedKey = key;
        exposed = api;
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, output: { echoed: channel } };
      },
      on: (channel: string, fn: (event: unknown, payload: unknown) => void) => handlers.set(channel, fn),
      removeListener: (channel: string) => handlers.delete(channel),
    },
  };
  const sandboxRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(
    fs.readFileSync(file, 'utf8'),
    { require: sandboxRequire, module, exports: module.exports, console },
    { filename: file },
  );
}, 60_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('preload bundle', () => {
  it('loads with only electron available and exposes exactly the contract', () => {
    expect(exposedKey).toBe('stationApi');
    const names = Object.entries(exposed).flatMap(([ns, v]) =>
      typeof v === 'function' ? [ns] : Object.keys(v as object).map((m) => `${ns}.${m}`),
    );
    expect(names.sort()).toEqual([...stationChannels, 'on'].sort());
  });

  it('invokes by the contract channel name and returns the envelope', async () => {
    await expect(exposed.platform.call({ infno: '1101', input: {} })).resolves.toEqual({
      ok: true,
      output: { echoed: 'platform.call' },
    });
    await exposed.app.info();
    expect(invoked).toEqual([
      ['platform.call', { infno: '1101', input: {} }],
      ['app.info', {}],
    ]);
  });

  it('relays events without the IPC event object and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = exposed.on('card.read', (...args: unknown[]) => seen.push(args));
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    handlers.get('station-event:card.read')!(ipcEvent, { kind: 'qr-token' });
    expect(seen).toEqual([[{ kind: 'qr-token' }]]);
    off();
    expect(handlers.has('station-event:card.read')).toBe(false);
    expect(stationEventNames).toContain('card.read');
    // @ts-expect-error not a contract event
    expect(() => exposed.on('ipc-anything', () => undefined)).toThrow(/Unknown event/);
  });
});
