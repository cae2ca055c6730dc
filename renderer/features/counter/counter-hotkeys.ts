// The counter's own keys, active while the counter is on screen: F2 type an ID number, F4 compute,
// F8 settle, Esc back from the review (or next patient), Enter on a receipt → next patient. The keys
// only choose an action; whether it applies is the action's own rule (compute needs lines, commit an
// encounter number …), written once in the store.
import { useShallow } from 'zustand/react/shallow';
import { typingInField, useHotkeys } from '../../ui';
import type { CounterActions, CounterState } from './counter-store';
import { useCounter, useCounterActions } from './use-counter';

interface KeyView {
  hasLines: boolean;
  hasPreview: boolean;
  hasReceipt: boolean;
}

/** Which action a key stands for on the counter, or null (the key is not the counter's). */
export function counterKey(
  e: Pick<KeyboardEvent, 'key' | 'target'>,
  view: KeyView,
): keyof CounterActions | 'focusTypedId' | null {
  switch (e.key) {
    case 'F2':
      return 'focusTypedId';
    case 'F4':
      return view.hasLines && !view.hasReceipt ? 'compute' : null;
    case 'F8':
      return view.hasPreview && !view.hasReceipt ? 'commit' : null;
    case 'Enter':
      return view.hasReceipt && !typingInField(e as KeyboardEvent) ? 'nextPatient' : null;
    case 'Escape':
      return view.hasPreview && !view.hasReceipt ? 'backToBill' : 'nextPatient';
    default:
      return null;
  }
}

export function useCounterHotkeys(focusTypedId: () => void): void {
  const actions = useCounterActions();
  const view = useCounter(
    useShallow((s: CounterState): KeyView => ({
      hasLines: s.lines.length > 0,
      hasPreview: s.preview !== null,
      hasReceipt: s.receiptId !== null,
    })),
  );
  useHotkeys((e) => {
    const action = counterKey(e, view);
    if (action === null) return false;
    if (action === 'focusTypedId') focusTypedId();
    else if (action === 'compute' || action === 'commit') void actions[action]();
    else if (action === 'backToBill' || action === 'nextPatient') actions[action]();
    return true;
  });
}
