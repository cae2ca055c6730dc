// A HID-POS scanner as a card source: Scanned Data reports reassembled into one scan, turned into an
// unresolved QR token read. A scan whose chunks stop arriving is dropped after scanGapMs.
import { CardError, createScanAssembler, HID_POS_MODE_FEATURE, qrTokenRead } from '../../../shared/card';
import type { CardSourceInfo } from '../../../shared/card';
import type { HidHandle } from './hid-port';
import type { SourceSink } from './reader-source';

export interface ScannerSourceOptions {
  handle: HidHandle;
  source: CardSourceInfo;
  switchToHidPos: boolean;
  scanGapMs: number;
  sink: SourceSink;
}

export async function startScannerSource(opts: ScannerSourceOptions): Promise<{ stop(): void }> {
  if (opts.switchToHidPos) {
    // Vendors that ship in keyboard mode switch to HID-POS with feature report 0xFE = 0x01.
    await opts.handle.sendFeatureReport(Array.from(HID_POS_MODE_FEATURE));
  }
  const assembler = createScanAssembler({ hasReportId: true });
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  const onData = (data: Buffer | Uint8Array) => {
    clearTimeout(gapTimer);
    try {
      const scan = assembler.push(Uint8Array.from(data));
      if (scan) {
        opts.sink.read(qrTokenRead(scan, opts.source));
      } else if (assembler.pending) {
        gapTimer = setTimeout(() => {
          assembler.reset();
          opts.sink.error(
            new CardError('SCAN_INVALID', { detail: `no continuation within ${opts.scanGapMs} ms` }),
            opts.source.deviceId,
          );
        }, opts.scanGapMs);
      }
    } catch (e) {
      if (e instanceof CardError) opts.sink.error(e, opts.source.deviceId);
      else throw e;
    }
  };
  opts.handle.on('data', onData);
  return {
    stop() {
      clearTimeout(gapTimer);
      assembler.reset();
      opts.handle.removeListener('data', onData as (...args: unknown[]) => void);
    },
  };
}
