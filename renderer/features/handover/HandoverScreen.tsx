// The shift handover (交班, F5): what the operator signed in did since their last handover — counts
// and sums computed by the settle service (settle-service/handover*.ts) — the cash they counted and
// the difference; handing over writes a draft, which a supervisor confirms with their own id and PIN
// (operators.approve; the host checks the PIN, the service the role and that it is not their own),
// after which it never changes and is printed (A4 PDF through the print service). Only the latest
// draft of an operator can be withdrawn; its settlements fall into the next handover.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAmountString } from '../../../shared/money';
import type { HandoverRow } from '../../db';
import type { ScreenProps } from '../../navigation';
import { cashDifference, withdrawable } from '../../settle-service';
import { useOperator, useStation } from '../../station';
import { useSupervisorApproval } from '../approval/supervisor-approval';
import {
  AsyncView,
  BilingualAlert,
  formatChinaTime,
  Panel,
  useAction,
  useAsync,
  useLiveData,
} from '../../ui';
import { messagesFor } from '../../i18n';
import { printHandover } from './handover-print';
import { HandoverTable } from './HandoverTable';

export function HandoverScreen(_: ScreenProps<'handover'>) {
  const { t } = useTranslation();
  const { db } = useStation();
  const [printed, setPrinted] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const list = useLiveData(() => db.handovers.orderBy('to').reverse().limit(50).toArray(), [db]);
  return (
    <Panel title={t('handover.title')} className="handover" data-testid="handover">
      <CurrentShift version={version} onOpened={() => setVersion((v) => v + 1)} />
      {printed && (
        <section data-testid="handover-printed">
          <iframe title={t('handover.print')} className="receipt-frame" srcDoc={printed} sandbox="" />
        </section>
      )}
      <h3>{t('handover.list')}</h3>
      <AsyncView state={list} errorTestId="handover-list-error">
        {(rows) =>
          rows.map((h) => (
            <HandoverItem
              key={h.id}
              h={h}
              all={rows}
              onPrinted={setPrinted}
              onChanged={() => setVersion((v) => v + 1)}
            />
          ))
        }
      </AsyncView>
    </Panel>
  );
}

function CurrentShift({ version, onOpened }: { version: number; onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const [counted, setCounted] = useState('');
  const preview = useAsync(
    () => station.settle.previewHandover(operator.id),
    [station, operator.id, version],
  );
  const open = useAction(async () => {
    await station.settle.openHandover({ opter: operator.id, counted_cash: counted });
    setCounted('');
    onOpened();
  });
  const nothing =
    preview.status === 'error' && (preview.error as { code?: string }).code === 'NOTHING_TO_HAND_OVER';
  if (nothing)
    return (
      <p className="muted" data-testid="handover-nothing">
        {t('handover.nothing')}
      </p>
    );
  const valid = isAmountString(counted.trim()) && !counted.trim().startsWith('-');
  return (
    <AsyncView state={preview} errorTestId="handover-preview-error">
      {(p) => (
        <section data-testid="handover-current">
          <p data-testid="handover-window">
            {t('handover.window', { from: formatChinaTime(p.window.from), to: formatChinaTime(p.window.to) })}
          </p>
          <HandoverTable
            figures={p.figures}
            counted={null}
            m={messagesFor(i18n.language)}
            lang={i18n.language}
          />
          <label>
            {t('handover.counted')}
            <input
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
              inputMode="decimal"
              data-testid="handover-counted"
            />
          </label>
          {valid && (
            <p data-testid="handover-difference">
              {t('handover.difference')}:{' '}
              <strong>{cashDifference(counted.trim(), p.figures.expected_cash)}</strong>
            </p>
          )}
          <button
            type="button"
            className="primary"
            disabled={!valid || open.busy}
            onClick={() => open.run()}
            data-testid="handover-submit"
          >
            {t('handover.submit')}
          </button>
          {open.error !== null && <BilingualAlert error={open.error} testId="handover-error" />}
        </section>
      )}
    </AsyncView>
  );
}

function HandoverItem({
  h,
  all,
  onPrinted,
  onChanged,
}: {
  h: HandoverRow;
  all: HandoverRow[];
  onPrinted: (html: string) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const operator = useOperator();
  const supervisor = useSupervisorApproval('handover', h.id, 'handover');
  const confirm = useAction(async () => {
    const done = await station.settle.confirmHandover(h.id, await supervisor.approve());
    await printHandover(station, done, i18n.language, onPrinted);
  });
  const withdraw = useAction(async () => {
    await station.settle.withdrawHandover(h.id, operator);
    onChanged();
  });
  const print = useAction(() => printHandover(station, h, i18n.language, onPrinted));
  const canWithdraw = withdrawable(all, h) && (h.opter === operator.id || operator.role === 'supervisor');
  return (
    <div className="task handover-item" data-testid="handover-item" data-state={h.state} data-opter={h.opter}>
      <strong>
        {h.opter} · {t(`handover.state.${h.state}`)}
      </strong>{' '}
      · {t('handover.window', { from: formatChinaTime(h.from), to: formatChinaTime(h.to) })}
      <HandoverTable
        figures={h.figures}
        counted={h.counted_cash}
        m={messagesFor(i18n.language)}
        lang={i18n.language}
      />
      {h.confirmed_by && (
        <p data-testid="handover-confirmed-by">
          {t('handover.confirmedBy', {
            name: h.confirmed_by.name,
            id: h.confirmed_by.id,
            at: formatChinaTime(h.confirmed_by.at),
          })}
        </p>
      )}
      <div className="actions">
        {h.state === 'draft' && (
          <span className="approval">
            {supervisor.fields}
            <button
              type="button"
              className="primary"
              disabled={confirm.busy || !supervisor.ready}
              onClick={() => confirm.run()}
              data-testid="handover-confirm"
            >
              {t('handover.confirm')}
            </button>
          </span>
        )}
        {canWithdraw && (
          <button
            type="button"
            disabled={withdraw.busy}
            onClick={() => withdraw.run()}
            data-testid="handover-withdraw"
          >
            {t('handover.withdraw')}
          </button>
        )}
        {h.state === 'confirmed' && (
          <button
            type="button"
            disabled={print.busy}
            onClick={() => print.run()}
            data-testid="handover-print"
          >
            {t('handover.print')}
          </button>
        )}
      </div>
      {[confirm.error, withdraw.error, print.error].map(
        (e, i) => e !== null && <BilingualAlert key={i} error={e} testId="handover-item-error" />,
      )}
    </div>
  );
}
