// The counter: card → person and verdict → bill → review → receipt, one patient at a time. The state
// and its rules are the counter store's (counter-store.ts); this lays out the panels and takes the
// counter's own keys (counter-hotkeys.ts).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SettlementDocuments } from '../../documents';
import type { ScreenProps } from '../../navigation';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { BillPanel } from './BillPanel';
import { CardPanel } from './CardPanel';
import type { CounterState } from './counter-store';
import { useCounterHotkeys } from './counter-hotkeys';
import { PersonPanel } from './PersonPanel';
import { ReviewPanel } from './ReviewPanel';
import { useCounter, useCounterActions } from './use-counter';

export function CounterScreen(_: ScreenProps<'counter'>) {
  const { t } = useTranslation();
  const typedId = useRef<HTMLInputElement | null>(null);
  useCounterHotkeys(() => typedId.current?.focus());
  const { card, receiptId, canCompute } = useCounter(
    useShallow((s: CounterState) => ({
      card: s.card,
      receiptId: s.receiptId,
      canCompute: s.card !== null && s.lines.length > 0 && s.preview === null,
    })),
  );
  const actions = useCounterActions();

  if (receiptId)
    return (
      <>
        <ReceiptPanel id={receiptId} />
        <SettlementDocuments id={receiptId} />
        <button type="button" className="primary" onClick={actions.nextPatient} data-testid="next-patient">
          {t('receipt.next')}
        </button>
      </>
    );
  return (
    <>
      <div className="row">
        <CardPanel typedIdRef={typedId} />
        <PersonPanel />
      </div>
      {card && <BillPanel />}
      {canCompute && (
        <button
          type="button"
          className="primary"
          onClick={() => void actions.compute()}
          data-testid="compute"
        >
          {t('bill.review')}
        </button>
      )}
      <ReviewPanel />
    </>
  );
}
