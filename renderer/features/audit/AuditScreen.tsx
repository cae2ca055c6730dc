// The audit log (F11, supervisors and administrators): verify the hash chain — intact, or the first
// entry where it breaks and why — and export it for the auditor as JSON lines with the hashes, which
// any SHA-256 tool (or `npm run audit:verify`) checks line by line. Both are actions of their own in
// the log. The latest entries are listed below.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportAudit, recordAudit, verifyAudit, type AuditRow, type AuditVerdict } from '../../db';
import type { ScreenProps } from '../../navigation';
import { useOperator, useStation } from '../../station';
import {
  AsyncView,
  BilingualAlert,
  DataTable,
  formatChinaTime,
  Panel,
  useAction,
  useLiveData,
  type Column,
} from '../../ui';
import { downloadText } from './download';

const LATEST = 100;

export function AuditScreen(_: ScreenProps<'audit'>) {
  const { t } = useTranslation();
  const { db, config } = useStation();
  const operator = useOperator();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const latest = useLiveData(() => db.audit.orderBy('id').reverse().limit(LATEST).toArray(), [db]);

  const verify = useAction(async () => {
    const v = await verifyAudit(db);
    setVerdict(v);
    await recordAudit(db, {
      at: new Date().toISOString(),
      kind: 'audit.verified',
      opter: operator.id,
      detail: v.intact
        ? { intact: true, count: v.count }
        : { intact: false, broken_at: v.brokenAt, reason: v.reason },
    });
  });
  const exportLog = useAction(async () => {
    const at = new Date();
    // The export is an action of its own: recorded first, so the file ends with its own record.
    await recordAudit(db, { at: at.toISOString(), kind: 'audit.exported', opter: operator.id, detail: {} });
    const { text, count } = await exportAudit(db);
    downloadText(`audit-${config.stationId}-${at.toISOString().slice(0, 10)}.jsonl`, text);
    setExported(count);
  });

  const columns: Column<AuditRow>[] = [
    { key: 'id', header: t('audit.id'), cell: (a) => a.id, numeric: true },
    { key: 'at', header: t('audit.at'), cell: (a) => formatChinaTime(a.at) },
    { key: 'kind', header: t('audit.kind'), cell: (a) => a.kind },
    { key: 'opter', header: t('audit.opter'), cell: (a) => a.opter ?? '—' },
    {
      key: 'detail',
      header: t('audit.detail'),
      cell: (a) => (
        <code className="audit-detail">
          {[a.local_setl_id, JSON.stringify(a.detail)].filter(Boolean).join(' ')}
        </code>
      ),
    },
    { key: 'hash', header: t('audit.hash'), cell: (a) => <code title={a.hash}>{a.hash.slice(0, 12)}…</code> },
  ];
  return (
    <Panel title={t('audit.title')} className="audit" data-testid="audit">
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => verify.run()}
          disabled={verify.busy}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </button>
        <button
          type="button"
          onClick={() => exportLog.run()}
          disabled={exportLog.busy}
          data-testid="audit-export"
        >
          {t('audit.export')}
        </button>
      </div>
      {verify.error !== null && <BilingualAlert error={verify.error} testId="audit-verify-error" />}
      {exportLog.error !== null && <BilingualAlert error={exportLog.error} testId="audit-export-error" />}
      {verdict && <Verdict v={verdict} />}
      {exported !== null && (
        <p className="muted" data-testid="audit-exported">
          {t('audit.exported', { count: String(exported) })}
        </p>
      )}
      <h3>{t('audit.latest', { n: String(LATEST) })}</h3>
      <AsyncView state={latest} errorTestId="audit-error">
        {(rows) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(a) => String(a.id)}
            rowProps={(a) => ({ 'data-testid': 'audit-row', 'data-kind': a.kind })}
          />
        )}
      </AsyncView>
    </Panel>
  );
}

function Verdict({ v }: { v: AuditVerdict }) {
  const { t } = useTranslation();
  if (v.intact)
    return (
      <div className="verdict verdict-yes" data-testid="audit-verdict" data-intact="true">
        {t('audit.intact', { count: String(v.count), head: v.head })}
      </div>
    );
  return (
    <div
      className="verdict verdict-no"
      role="alert"
      data-testid="audit-verdict"
      data-intact="false"
      data-broken-at={v.brokenAt}
    >
      {t('audit.broken', {
        id: String(v.brokenAt),
        count: String(v.count),
        reason: t(`audit.reason.${v.reason}`),
      })}
      {v.broken && (
        <div>
          <code>
            #{v.broken.id} {formatChinaTime(v.broken.at)} {v.broken.kind} {v.broken.opter ?? ''}{' '}
            {v.broken.local_setl_id ?? ''}
          </code>
        </div>
      )}
    </div>
  );
}
