// The screen locks after the configured time without a key, a click or a touch (the administrator's
// setting, sent with the sign-in). Only while someone is signed in and the screen is open; a card
// read or a sync does not count as the cashier being there.
import { useEffect } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useIdleLock(active: boolean, seconds: number, lock: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(lock, seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, seconds * 1000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, reset);
    };
  }, [active, seconds, lock]);
}
