import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRotatingLog } from '../logging';
import { createStationHost, resolveRendererFile, type CardPort } from './index';
import { toHostError } from './errors';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'host-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const log = createRotatingLog({ dir: path.join(work, 'logs') });

describe('station host', () => {
  // A card port whose status breaks the contract (a device id far too long): the host must refuse
  // to pass it on, whatever the service did.
  const brokenCard: CardPort = {
    status: () => ({
      devices: [{ id: 'x'.repeat(500), kind: 'card-reader', product: 'p', vendorId: 1, productId: 1 }],
      demoTray: null,
    }),
    listDemoCards: () => [],
    insertDemoCard: async () => undefined,
    removeDemoCard: async () => undefined,
    onRead: () => () => undefined,
    onStatus: () => () => undefined,
    onError: () => () => undefined,
  };
  const host = createStationHost({
    app: { name: 's', version: '1', mode: 'browser', os: 'linux' },
    configView: () => {
      throw new Error('unused');
    },
    platform: {
      call: async () =>
        Promise.reject(
          Object.assign(new Error('refused'), { kind: 'permanent', errCode: 'FILING_NOT_FOUND' }),
        ),
    },
    card: brokenCard,
    print: { savePdf: async () => '/x.pdf', dialog: async () => 'cancelled' },
    log,
  });

  it('checks its own outputs against the contract', async () => {
    await expect(host.dispatch('card.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_OUTPUT', path: 'devices.0.id' },
    });
  });

  it('keeps the platform error kind and code', async () => {
    await expect(host.dispatch('platform.call', { infno: '1101', input: {} })).resolves.toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'PLATFORM_PERMANENT',
        kind: 'permanent',
        errCode: 'FILING_NOT_FOUND',
      }),
    });
  });

  it('uses the host print dialog when there is one', async () => {
    await expect(host.dispatch('print.receiptDialog', { html: '<p>x</p>' })).resolves.toEqual({
      ok: true,
      output: { outcome: 'cancelled' },
    });
  });

  it.each([null, undefined, 42, 'x', {}, { message: 'plain object' }])(
    'hides the internals of %j',
    (thrown) => {
      expect(toHostError(thrown, 'app.info')).toMatchObject({ code: 'INTERNAL' });
    },
  );
});

describe('resolveRendererFile', () => {
  const root = path.join(work, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'index');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'js');
  fs.writeFileSync(path.join(work, 'outside.txt'), 'secret');
  fs.symlinkSync(path.join(work, 'outside.txt'), path.join(root, 'assets', 'link.txt'));

  it.each([
    ['/', 'index.html'],
    ['/assets/a.js', 'assets/a.js'],
    ['/settle', 'index.html'],
    ['/assets/a.js?v=1', 'assets/a.js'],
  ])('serves %s', (p, file) => {
    expect(resolveRendererFile(root, p)).toMatchObject({
      status: 200,
      file: path.join(fs.realpathSync(root), file),
    });
  });

  it.each([
    ['/../outside.txt', 400],
    ['/%2e%2e/outside.txt', 400],
    ['/assets/%2e%2e%2f%2e%2e%2foutside.txt', 400],
    ['/..\\outside.txt', 400],
    ['/a%00.js', 400],
    ['/%E0%A4%A', 400],
    ['relative', 400],
    ['/assets/link.txt', 404],
    ['/missing.js', 404],
  ] as const)('refuses %s with %i', (p, status) => {
    expect(resolveRendererFile(root, p)).toEqual({ status });
  });

  it('answers 404 when there is no build at all', () => {
    expect(resolveRendererFile(path.join(work, 'no-build'), '/')).toEqual({ status: 404 });
  });
});
