// Keyboard-wedge scanners type their payload as keystrokes. Told apart from a person by rhythm: a
// scanner sends N+ printable keys with gaps of a few ms and ends with Enter; a fast typist still
// leaves 60–150 ms between keys. Pure: fed {key, timeStamp} (KeyboardEvent fields), no DOM, no clock.

export interface WedgeKey {
  key: string;
  timeStamp: number; // ms, monotonic (KeyboardEvent.timeStamp)
}

export interface WedgeOptions {
  /** Shortest payload accepted as a scan (an ID number is 18, QR tokens are longer). */
  minLength?: number;
  /** Longest gap between two keys of one burst, ms. */
  maxGapMs?: number;
  /** Keys that end a burst. */
  terminators?: readonly string[];
}

export interface WedgeScan {
  text: string;
  durationMs: number;
}

export type WedgeVerdict =
  | { type: 'scan'; scan: WedgeScan } // the terminator of a burst: swallow it, hand over the scan
  | { type: 'burst' } // a key inside a burst that looks like a scanner so far
  | { type: 'typing' }; // a person typing (or a key we ignore)

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Unidentified', 'Dead']);

export function createWedgeDetector(opts: WedgeOptions = {}) {
  const minLength = opts.minLength ?? 8;
  const maxGapMs = opts.maxGapMs ?? 40;
  const terminators = new Set(opts.terminators ?? ['Enter']);
  let chars: string[] = [];
  let first = 0;
  let last = -Infinity;

  const reset = () => {
    chars = [];
    last = -Infinity;
  };

  return {
    feed(ev: WedgeKey): WedgeVerdict {
      if (IGNORED.has(ev.key)) return chars.length > 0 ? { type: 'burst' } : { type: 'typing' };
      const gap = ev.timeStamp - last;
      if (terminators.has(ev.key)) {
        const ok = chars.length >= minLength && gap <= maxGapMs;
        const scan = ok ? { text: chars.join(''), durationMs: ev.timeStamp - first } : null;
        reset();
        return scan ? { type: 'scan', scan } : { type: 'typing' };
      }
      if (ev.key.length !== 1) {
        reset(); // arrows, Backspace, function keys: a person at work
        return { type: 'typing' };
      }
      if (chars.length === 0 || gap > maxGapMs) {
        chars = [ev.key];
        first = ev.timeStamp;
        last = ev.timeStamp;
        return { type: 'typing' };
      }
      chars.push(ev.key);
      last = ev.timeStamp;
      return chars.length >= 3 ? { type: 'burst' } : { type: 'typing' };
    },
    reset,
  };
}

export type WedgeDetector = ReturnType<typeof createWedgeDetector>;
