// React hook around the wedge detector: listens to keydown on the window (capture phase, so it sees
// keys before inputs do), swallows the Enter that ends a scanner burst so no form is submitted, and
// hands the scan over. Keys of the burst still reach a focused input: screens that expect scans keep
// no text field focused, or clear it in onScan.
import { useEffect, useRef } from 'react';
import { createWedgeDetector } from './wedge-detector';
import type { WedgeOptions, WedgeScan } from './wedge-detector';

export function useWedgeScanner(
  onScan: (scan: WedgeScan) => void,
  opts: WedgeOptions & { enabled?: boolean } = {},
): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, minLength, maxGapMs, terminators } = opts;
  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createWedgeDetector({ minLength, maxGapMs, terminators });
    const onKey = (ev: KeyboardEvent) => {
      if (ev.isComposing) return; // IME input is a person
      const verdict = detector.feed({ key: ev.key, timeStamp: ev.timeStamp });
      if (verdict.type === 'scan') {
        ev.preventDefault();
        ev.stopPropagation();
        onScanRef.current(verdict.scan);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, minLength, maxGapMs, terminators]);
}
