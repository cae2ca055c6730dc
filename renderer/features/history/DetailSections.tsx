// The parts of a settlement's detail: who and what, the amounts (the station's and, when it differed,
// the platform's), the items with the basis of each, the trace, the platform's answer, and what
// happened to it (the audit entries that name it).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SETLINFO_FIELDS } from '../../../shared/settlement';
import type { AuditRow, SettlementRow } from '../../db';
import { useStation } from '../../station';
import {
  AsyncView,
  Bilingual,
  DataTable,
  Differences,
  formatChinaTime,
  MaskedId,
  Money,
  MoneyCell,
  Reasons,
  useLiveData,
  type Column,
} from '../../ui';

export function Facts({ s }: { s: SettlementRow }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('history.patient'), `${s.psn_name}`],
    [t('history.certno'), <MaskedId key="id" certno={s.certno} />],
    [t('detail.psnNo'), s.psn_no],
    [t('history.encounter'), s.encounter_no],
    [t('detail.scheme'), t(`scheme.${s.scheme}`)],
    [t('detail.setlType'), t(`setlType.${s.setl_type}`)],
    [t('detail.settleDate'), s.settle_date],
    [t('history.settledAt'), formatChinaTime(s.settled_at)],
    [t('receipt.opter'), s.opter],
    [t('detail.station'), s.station_id],
    [t('receipt.localId'), s.local_setl_id],
    [t('receipt.setlId'), s.setl_id ?? '—'],
  ];
  return (
    <dl className="facts" data-testid="detail-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Amounts({ s }: { s: SettlementRow }) {
  const { t } = useTranslation();
  const p = s.platform_result?.setlinfo;
  return (
    <table className="setlinfo" data-testid="detail-amounts">
      <thead>
        <tr>
          <th />
          <th className="num">{t('detail.station_')}</th>
          {p && <th className="num">{t('detail.platform')}</th>}
        </tr>
      </thead>
      <tbody>
        {SETLINFO_FIELDS.map((f) => (
          <tr key={f} className={p && p[f] !== s.result.setlinfo[f] ? 'differs' : undefined}>
            <th>{t(`setlinfo.${f}`)}</th>
            <MoneyCell amount={s.result.setlinfo[f]} data-field={f} />
            {p && <MoneyCell amount={p[f]} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ItemRow {
  sn: string;
  code: string;
  name: string;
  cnt: string;
  pric: string;
  amount: string;
  fulamt: string;
  overlmt: string;
  preselfpay: string;
  inscp: string;
  basis: string;
}

export function Items({ s }: { s: SettlementRow }) {
  const { t } = useTranslation();
  const lines = new Map(s.request.lines.map((l) => [l.feedetl_sn, l]));
  const rows: ItemRow[] = (s.result.items ?? []).map((i) => {
    const line = lines.get(i.feedetl_sn);
    return {
      sn: i.feedetl_sn,
      code: i.med_list_codg,
      name: line?.name ?? '',
      cnt: String(line?.cnt ?? ''),
      pric: String(line?.pric ?? ''),
      amount: i.det_item_fee_sumamt,
      fulamt: i.fulamt_ownpay_amt,
      overlmt: i.overlmt_amt,
      preselfpay: i.preselfpay_amt,
      inscp: i.inscp_scp_amt,
      basis: i.basis,
    };
  });
  const money = (k: keyof ItemRow, header: string): Column<ItemRow> => ({
    key: k,
    header,
    cell: (r) => <Money amount={r[k]} />,
    numeric: true,
  });
  const columns: Column<ItemRow>[] = [
    { key: 'code', header: t('detail.code'), cell: (r) => r.code },
    { key: 'name', header: t('detail.item'), cell: (r) => r.name },
    { key: 'cnt', header: t('detail.cnt'), cell: (r) => r.cnt, numeric: true },
    { key: 'pric', header: t('detail.pric'), cell: (r) => r.pric, numeric: true },
    money('amount', t('detail.amount')),
    money('fulamt', t('detail.fulamt')),
    money('overlmt', t('detail.overlmt')),
    money('preselfpay', t('detail.preselfpay')),
    money('inscp', t('detail.inscp')),
    { key: 'basis', header: t('detail.basis'), cell: (r) => r.basis },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => r.sn} testId="detail-items" />;
}

export function Trace({ s }: { s: SettlementRow }) {
  return (
    <ol className="trace" data-testid="detail-trace">
      {s.result.trace.map((e, i) => (
        <li key={i} data-rule={e.rule}>
          <Bilingual zh={e.zh} en={e.en} />
        </li>
      ))}
    </ol>
  );
}

export function PlatformAnswer({ s }: { s: SettlementRow }) {
  const { t } = useTranslation();
  if (!s.answered_at)
    return (
      <p className="muted" data-testid="detail-answer">
        {t('detail.noAnswer')}
      </p>
    );
  return (
    <div data-testid="detail-answer">
      <p>
        {t('detail.answeredAt')} {formatChinaTime(s.answered_at)}
        {s.setl_id && ` · ${t('receipt.setlId')} ${s.setl_id}`}
      </p>
      {s.differences.length > 0 && <h4>{t('detail.differences')}</h4>}
      <Differences differences={s.differences} testId="detail-differences" />
      {s.reasons.length > 0 && <h4>{t('detail.reasons')}</h4>}
      <Reasons reasons={s.reasons} />
      {s.resolution && (
        <p>
          {t('detail.resolution')}: {s.resolution}
        </p>
      )}
    </div>
  );
}

export function AuditTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useStation();
  const entries = useLiveData(() => db.audit.where('local_setl_id').equals(id).sortBy('id'), [db, id]);
  const columns: Column<AuditRow>[] = [
    { key: 'id', header: '#', cell: (a) => a.id, numeric: true },
    { key: 'at', header: t('audit.at'), cell: (a) => formatChinaTime(a.at) },
    { key: 'kind', header: t('audit.kind'), cell: (a) => a.kind },
    { key: 'opter', header: t('audit.opter'), cell: (a) => a.opter ?? '—' },
  ];
  return (
    <AsyncView state={entries} errorTestId="detail-audit-error">
      {(rows) => (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(a) => String(a.id)}
          rowProps={(a) => ({ 'data-testid': 'detail-audit', 'data-kind': a.kind })}
          testId="detail-audit-table"
        />
      )}
    </AsyncView>
  );
}
