// Function keys for a mounted screen or the shell: the handler sees every keydown on the window and
// returns true when it used the key (the browser's default action is then suppressed). The handler
// may change on every render; the listener is added once.
import { useEffect, useRef } from 'react';

export type HotkeyHandler = (e: KeyboardEvent) => boolean;

export function useHotkeys(handler: HotkeyHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (latest.current(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** True when the key was typed into a field (Enter there belongs to the field's form). */
export function typingInField(e: KeyboardEvent): boolean {
  const t = e.target;
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}
