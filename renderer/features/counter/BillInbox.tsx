// The watched bill folder's offer (docs/bill-import.md, "Watched folder"): the bills the hospital
// system dropped for this counter, newest last; a click loads one, and a loaded one moves to the
// folder's loaded/ so it is offered no more. A station without a folder shows nothing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillInboxStatus } from '../../../shared/station-api';
import { useStation } from '../../station';
import { Bilingual, BilingualAlert, useAsync } from '../../ui';
import { readInboxFile } from './inbox-file';
import type { BillFileLoader } from './use-bill-file';

export function BillInbox({ loader }: { loader: BillFileLoader }) {
  const { t } = useTranslation();
  const { api } = useStation();
  const first = useAsync(() => api.billInbox.list(), [api]);
  const [pushed, setPushed] = useState<BillInboxStatus | null>(null);
  useEffect(() => api.on('billInbox.changed', setPushed), [api]);
  const status = pushed ?? (first.status === 'ok' ? first.data : null);
  // a host that has no watched folder at all answers NOT_CONFIGURED: nothing to show either
  if (first.status === 'error' && !pushed && (first.error as { code?: unknown })?.code !== 'NOT_CONFIGURED')
    return <BilingualAlert error={first.error} testId="inbox-error" />;
  if (!status?.configured) return null;
  return (
    <div className="bill-sources" data-testid="bill-inbox">
      <span title={status.dir ?? ''}>{t('bill.inbox')}</span>
      {status.problem && <Bilingual zh={status.problem.message_zh} en={status.problem.message_en} />}
      {!status.problem && status.files.length === 0 && <span className="muted">{t('bill.inboxEmpty')}</span>}
      {status.files.map((f) => (
        <button
          key={f.name}
          type="button"
          disabled={loader.load.busy}
          data-testid="inbox-file"
          data-name={f.name}
          onClick={() =>
            loader.load.run(
              () => readInboxFile(api, f.name),
              { kind: 'file', name: f.name },
              async () => void (await api.billInbox.archive({ name: f.name })),
            )
          }
        >
          {f.name}
        </button>
      ))}
    </div>
  );
}
