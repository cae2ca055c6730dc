// A reader that exists only in software, shaped like node-hid's HIDAsync: output reports go into the
// reader emulator (shared/card), its input reports come back as 'data' events on a later tick, as
// from a USB device. The simulated reader (demo tray) is one of these, so the demo runs the same
// transport, frame codec and SSSE read sequence as a real HID reader.
import { EventEmitter } from 'node:events';
import type { ReaderEmulator } from '../../../shared/card';
import type { HidHandle } from './hid-port';

export class VirtualReaderHandle extends EventEmitter implements HidHandle {
  private closed = false;

  constructor(
    private readonly emulator: () => ReaderEmulator,
    private readonly reportId: number | null,
  ) {
    super();
  }

  async write(values: number[] | Buffer): Promise<number> {
    if (this.closed) throw new Error('device closed');
    const report = Uint8Array.from(values).slice(1); // byte 0 is the report id (0 when unnumbered)
    const replies = this.emulator().handleReport(report);
    setImmediate(() => {
      if (this.closed) return;
      for (const r of replies)
        this.emit('data', Buffer.from(this.reportId === null ? r : Uint8Array.of(this.reportId, ...r)));
    });
    return values.length;
  }

  async sendFeatureReport(data: number[] | Buffer): Promise<number> {
    return data.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners('data');
  }

  /** The virtual cable is pulled: node-hid reports this as an 'error' on the open handle. */
  unplug(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('error', new Error('could not read from HID device'));
  }
}
