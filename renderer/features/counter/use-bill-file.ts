// Loading a bill file at the counter, from the file picker, a drop on the bill panel, or the watched
// folder: parsed off the page's thread (bill-import/import-file.ts), checked against the person at
// the counter, then loaded through the store's one action. The errors stay until the next file.
import { useEffect, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAction, type Action } from '../../ui';
import { billToLoad, importBillFile, type BillFileBytes, type BillImportError } from './bill-import';
import { patientWho, type BillSource, type CounterState } from './counter-store';
import { useCounter, useCounterActions } from './use-counter';

export interface BillFileLoader {
  /** reads the file (`read`), parses and loads it; `after` runs once it is loaded */
  load: Action<[read: () => Promise<BillFileBytes>, source: BillSource, after?: () => Promise<void>]>;
  errors: BillImportError[];
  clear(): void;
}

export function useBillFile(): BillFileLoader {
  const { scheme, psn_no, card } = useCounter(
    useShallow((s: CounterState) => ({ scheme: s.scheme, psn_no: patientWho(s).psn_no, card: s.card })),
  );
  const actions = useCounterActions();
  const [errors, setErrors] = useState<BillImportError[]>([]);
  useEffect(() => setErrors([]), [card]);
  const load = useAction(
    async (read: () => Promise<BillFileBytes>, source: BillSource, after?: () => Promise<void>) => {
      setErrors([]);
      const outcome = billToLoad(await importBillFile(await read()), { psn_no, scheme }, source);
      if ('errors' in outcome) return setErrors(outcome.errors);
      actions.loadBill(outcome.bill);
      await after?.();
    },
  );
  return { load, errors, clear: () => setErrors([]) };
}

/** A file dropped on the bill panel: one file at a time; the panel shows where to drop while dragging. */
export function useFileDrop(onFile: (file: File) => void, onMany: () => void) {
  const [dragging, setDragging] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  return {
    dragging,
    props: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length === 1) onFile(files[0]!);
        else if (files.length > 1) onMany();
      },
    },
  };
}
