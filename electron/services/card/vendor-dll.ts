// The reader vendor's DLL on Windows: `long iReadCardBas(int iType, char* pOutInfo)` through koffi.
// koffi is imported only when the platform is win32 (it is an optional dependency and the call is
// meaningless elsewhere); the output parser (shared/card/ireadcardbas) runs and is tested everywhere.
// The call runs through koffi's async path on a worker thread: a vendor DLL may block for seconds
// waiting for a card, and the main process must not freeze meanwhile.
import { CardError, decodeGbk } from '../../../shared/card';

/** The slice of koffi we use (koffi.load → lib.func → fn.async). Injected by tests. */
export interface KoffiLike {
  load(path: string): { func(definition: string): KoffiFunctionLike };
}
export interface KoffiFunctionLike {
  (...args: unknown[]): unknown;
  async(...args: unknown[]): void;
}

export interface VendorDll {
  /** Calls iReadCardBas and returns its return code and the output decoded from GBK (ANSI cp936). */
  iReadCardBas(iType: 1 | 2 | 3 | 4): Promise<{ returnCode: number; output: string }>;
}

/** Output buffer size: the eleven fields fit in ~300 bytes; vendors document 1024 or 2048. */
const OUTPUT_BUFFER_BYTES = 4096;

export const IREADCARDBAS_SIGNATURE = 'long __stdcall iReadCardBas(int iType, _Out_ uint8_t *pOutInfo)';

export async function loadVendorDll(
  path: string,
  opts: { platform: NodeJS.Platform | string; importKoffi?: () => Promise<KoffiLike> },
): Promise<VendorDll> {
  if (opts.platform !== 'win32')
    throw new CardError('DLL_UNAVAILABLE', { detail: `platform ${opts.platform}` });
  const importKoffi =
    opts.importKoffi ??
    (async () => {
      const mod = (await import('koffi')) as unknown as KoffiLike & { default?: KoffiLike };
      return mod.default ?? mod;
    });
  let fn: KoffiFunctionLike;
  try {
    const koffi = await importKoffi();
    // __stdcall matters on 32-bit Windows (WINAPI vendor DLLs); x64 has one convention and ignores it.
    fn = koffi.load(path).func(IREADCARDBAS_SIGNATURE);
  } catch (e) {
    throw new CardError('DLL_UNAVAILABLE', {
      detail: `${path}: ${e instanceof Error ? e.message : String(e)}`,
      text: {
        zh: `无法加载读卡器厂商库 ${path}`,
        en: `Cannot load the reader vendor library ${path}`,
      },
    });
  }
  let busy = false;
  return {
    iReadCardBas(iType) {
      if (busy)
        return Promise.reject(new CardError('READER_BUSY', { detail: 'iReadCardBas already running' }));
      busy = true;
      const buf = Buffer.alloc(OUTPUT_BUFFER_BYTES);
      return new Promise<{ returnCode: number; output: string }>((resolve, reject) => {
        fn.async(iType, buf, (err: unknown, res: unknown) => {
          busy = false;
          if (err) {
            reject(new CardError('DLL_ERROR', { detail: err instanceof Error ? err.message : String(err) }));
            return;
          }
          const end = buf.indexOf(0);
          const output = decodeGbk(Uint8Array.from(buf.subarray(0, end < 0 ? buf.length : end)));
          resolve({ returnCode: Number(res), output });
        });
      });
    },
  };
}
