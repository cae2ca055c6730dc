import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog } from '../services/logging';
import { bareStationHost } from '../../test/support/bare-host';
import { createIpcInvokeHandler, type IpcSender } from './ipc-dispatch';
import { APP_START_URL } from './security';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-'));
const host = bareStationHost({
  app: { name: 'station', version: '1', mode: 'electron', os: 'linux-x64' },
  log: createRotatingLog({ dir }),
});

describe('IPC invoke handler', () => {
  const refused: string[] = [];
  const handle = createIpcInvokeHandler(host, (sender, channel) =>
    refused.push(`${channel}@${sender.frameUrl}`),
  );

  it.each<[string, IpcSender]>([
    ['a foreign page', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a sub-frame of the app', { frameUrl: APP_START_URL, isMainFrame: false }],
    ['a file:// page', { frameUrl: 'file:///tmp/x.html', isMainFrame: true }],
    ['a frame without URL', { frameUrl: undefined, isMainFrame: true }],
  ])('refuses %s with FORBIDDEN and records it', async (_what, sender) => {
    await expect(handle(sender, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(refused.at(-1)).toBe(`app.info@${sender.frameUrl}`);
  });

  it('answers the app main frame with an envelope', async () => {
    await expect(handle({ frameUrl: APP_START_URL, isMainFrame: true }, 'app.info', {})).resolves.toEqual({
      ok: true,
      output: { name: 'station', version: '1', mode: 'electron', os: 'linux-x64' },
    });
    await expect(
      handle({ frameUrl: APP_START_URL, isMainFrame: true }, 'log.write', { level: 'loud' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', path: 'level' },
    });
  });
});
