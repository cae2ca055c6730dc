import { afterEach, describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../shared/card';
import { createCardService } from './index';
import type { CardService } from './index';
import { IREADCARDBAS_SIGNATURE, loadVendorDll } from './vendor-dll';
import type { KoffiLike } from './vendor-dll';
import { FakeHid } from './testing/fake-hid';
import { collect, until } from './testing/wait';

const EXAMPLE =
  '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00814E43238697159900BF7C7A|1.00|20101001|20301001|410100813475|终端设备号|';

/**
 * koffi's surface as the binding uses it: load(path).func(signature) gives a function whose .async
 * runs it and calls back (err, result). The "DLL" writes GBK bytes into the caller's buffer, as a
 * vendor DLL on Chinese Windows does.
 */
function fakeKoffi(behaviour: (iType: number) => { ret: number; out: string } | Error) {
  const calls: { path?: string; signature?: string; iTypes: number[] } = { iTypes: [] };
  const koffi: KoffiLike = {
    load(path) {
      calls.path = path;
      if (path.includes('missing'))
        throw new Error('Failed to load shared library: The specified module could not be found.');
      return {
        func(signature) {
          calls.signature = signature;
          const fn = Object.assign(() => undefined, {
            async(...args: unknown[]) {
              const [iType, buf, cb] = args as [number, Buffer, (err: unknown, res: unknown) => void];
              calls.iTypes.push(iType);
              setImmediate(() => {
                const b = behaviour(iType);
                if (b instanceof Error) return cb(b, undefined);
                Buffer.from(encodeGbk(b.out)).copy(buf);
                cb(null, b.ret);
              });
            },
          });
          return fn;
        },
      };
    },
  };
  return { koffi, calls };
}

describe('loadVendorDll', () => {
  it('refuses to load anywhere but Windows, without importing koffi', async () => {
    let imported = false;
    const err = await loadVendorDll('SSCardDriver.dll', {
      platform: 'linux',
      importKoffi: async () => {
        imported = true;
        return fakeKoffi(() => ({ ret: 0, out: '' })).koffi;
      },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DLL_UNAVAILABLE' });
    expect(imported).toBe(false);
  });

  it('binds iReadCardBas with the stdcall signature and decodes GBK output', async () => {
    const { koffi, calls } = fakeKoffi(() => ({ ret: 0, out: EXAMPLE }));
    const dll = await loadVendorDll('C:\\Reader\\SSCardDriver.dll', {
      platform: 'win32',
      importKoffi: async () => koffi,
    });
    const res = await dll.iReadCardBas(3);
    expect(calls.signature).toBe(IREADCARDBAS_SIGNATURE);
    expect(calls.signature).toContain('__stdcall');
    expect(calls.path).toBe('C:\\Reader\\SSCardDriver.dll');
    expect(res).toEqual({ returnCode: 0, output: EXAMPLE });
    expect(calls.iTypes).toEqual([3]);
  });

  it('reports a DLL that cannot be loaded', async () => {
    const { koffi } = fakeKoffi(() => ({ ret: 0, out: '' }));
    const err = await loadVendorDll('C:\\missing.dll', {
      platform: 'win32',
      importKoffi: async () => koffi,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DLL_UNAVAILABLE' });
    expect((err as { message_zh: string }).message_zh).toContain('missing.dll');
  });

  it('refuses a second call while one runs', async () => {
    const { koffi } = fakeKoffi(() => ({ ret: -12, out: '' }));
    const dll = await loadVendorDll('x.dll', { platform: 'win32', importKoffi: async () => koffi });
    const first = dll.iReadCardBas(1);
    await expect(dll.iReadCardBas(1)).rejects.toMatchObject({ code: 'READER_BUSY' });
    await expect(first).resolves.toEqual({ returnCode: -12, output: '' });
  });
});

describe('the vendor DLL as a card source', () => {
  let service: CardService | null = null;
  afterEach(async () => {
    await service?.stop();
    service = null;
  });

  it('polls, reports a card once, stays quiet on NO_CARD and reports error codes once', async () => {
    let state: { ret: number; out: string } = { ret: -12, out: '' };
    const { koffi, calls } = fakeKoffi(() => state);
    service = createCardService({
      hid: new FakeHid(),
      platform: 'win32',
      importKoffi: async () => koffi,
      now: () => new Date('2026-11-23T09:00:00'),
      config: { enumerateMs: 1000, dll: { path: 'SSCardDriver.dll', iType: 4, pollMs: 200 } },
    });
    const log = collect(service);
    await service.start();
    expect(service.status().devices).toEqual([
      {
        id: 'dll:SSCardDriver.dll',
        kind: 'card-reader',
        product: 'iReadCardBas (SSCardDriver.dll)',
        vendorId: null,
        productId: null,
      },
    ]);
    await until(() => calls.iTypes.length >= 1, 'first poll');
    state = { ret: 0, out: EXAMPLE };
    const read = await until(() => log.reads[0], 'a DLL read');
    expect(read).toMatchObject({
      ssn: '111111198101011110',
      name: '张三',
      source: { kind: 'vendor-dll', deviceId: 'dll:SSCardDriver.dll' },
    });
    await until(() => calls.iTypes.length >= 4, 'more polls', 3000);
    expect(log.reads).toHaveLength(1);
    expect(calls.iTypes.every((t) => t === 4)).toBe(true);
    state = { ret: -2202, out: '' };
    const err = await until(() => log.errors[0], 'an error');
    expect(err).toMatchObject({ code: 'DLL_ERROR', deviceId: 'dll:SSCardDriver.dll' });
    expect(err.message_zh).toContain('-2202');
    const polls = calls.iTypes.length;
    await until(() => calls.iTypes.length >= polls + 2, 'more polls', 3000);
    expect(log.errors).toHaveLength(1);
  });

  it('reports DLL_UNAVAILABLE on other platforms and keeps the rest working', async () => {
    service = createCardService({
      hid: new FakeHid(),
      platform: 'linux',
      config: { dll: { path: 'SSCardDriver.dll' } },
    });
    const log = collect(service);
    await service.start();
    expect(log.errors).toEqual([
      expect.objectContaining({ code: 'DLL_UNAVAILABLE', deviceId: 'dll:SSCardDriver.dll' }),
    ]);
  });
});
