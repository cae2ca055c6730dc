// Frames over an open HID handle: write the output reports of one command, collect input reports
// until the codec completes the reply. One exchange at a time (a reader answers in order). An
// 'error' from node-hid means the device is gone ("could not read from HID device"): every pending
// and later exchange fails with READER_UNPLUGGED and the device manager reconnects.
import { CardError } from '../../../shared/card';
import type { FrameCodec, ReaderFrame } from '../../../shared/card';
import type { HidHandle } from './hid-port';

export interface HidTransportOptions {
  codec: FrameCodec;
  reportSize: number;
  reportId: number | null;
  timeoutMs: number;
}

export interface HidTransport {
  exchange(frame: ReaderFrame): Promise<ReaderFrame>;
  /** Resolves when the device reports an error (unplug); the transport is dead afterwards. */
  readonly gone: Promise<CardError>;
  isGone(): boolean;
  detach(): void;
}

export function createHidTransport(handle: HidHandle, opts: HidTransportOptions): HidTransport {
  const decoder = opts.codec.createDecoder();
  let waiting: { resolve(f: ReaderFrame): void; reject(e: unknown): void } | null = null;
  let dead: CardError | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // After a timeout the reader may still answer the abandoned command; let it finish and drop the
  // late reply, so it is never taken for the answer to the next command (frames carry no sequence).
  let flushBeforeNext = false;
  let markGone: (e: CardError) => void = () => undefined;
  const gone = new Promise<CardError>((resolve) => (markGone = resolve));

  const onData = (data: Buffer | Uint8Array) => {
    const bytes = opts.reportId === null ? Uint8Array.from(data) : Uint8Array.from(data).slice(1);
    const w = waiting;
    if (!w) return; // unsolicited report: nothing asked, nothing to answer
    try {
      const frames = decoder.push(bytes);
      if (frames.length > 0) {
        waiting = null;
        w.resolve(frames[0]);
      }
    } catch (e) {
      waiting = null;
      decoder.reset();
      w.reject(e);
    }
  };
  const onError = (err: unknown) => {
    if (dead) return;
    dead = new CardError('READER_UNPLUGGED', { detail: err instanceof Error ? err.message : String(err) });
    markGone(dead);
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.reject(dead);
    }
  };
  handle.on('data', onData);
  handle.on('error', onError);

  async function once(frame: ReaderFrame): Promise<ReaderFrame> {
    if (dead) throw dead;
    if (flushBeforeNext) {
      flushBeforeNext = false;
      await new Promise((r) => setTimeout(r, Math.min(100, opts.timeoutMs)));
    }
    decoder.reset();
    const reply = new Promise<ReaderFrame>((resolve, reject) => (waiting = { resolve, reject }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        waiting = null;
        flushBeforeNext = true;
        reject(
          new CardError('READER_TIMEOUT', {
            detail: `no reply to command ${frame.head.toString(16)} in ${opts.timeoutMs} ms`,
          }),
        );
      }, opts.timeoutMs);
    });
    try {
      for (const report of opts.codec.encode(frame, opts.reportSize)) {
        await handle.write([opts.reportId ?? 0, ...report]);
      }
      return await Promise.race([reply, timeout]);
    } catch (e) {
      waiting = null;
      if (e instanceof CardError) throw e;
      // A failed write on a vanished device: report it as an unplug, like node-hid's 'error'.
      onError(e);
      throw dead ?? e;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    exchange(frame) {
      const run = queue.then(() => once(frame));
      queue = run.catch(() => undefined);
      return run;
    },
    gone,
    isGone: () => dead !== null,
    detach() {
      handle.removeListener('data', onData as (...args: unknown[]) => void);
      handle.removeListener('error', onError as (...args: unknown[]) => void);
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.reject(new CardError('READER_UNPLUGGED', { detail: 'device closed' }));
      }
    },
  };
}
