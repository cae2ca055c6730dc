// Runs a day's reconciliation: 3201 for every insutype × clr_type the station has settlements of,
// and, when any is unbalanced, one 3202 with every settlement of the day, whose answer names each
// settlement that differs. The platform is reached through the host (StationApi platform.call); its
// answers are checked with the protocol's own schemas.
import { transactionSchemas, type DetailReconcileOutput } from '../../../shared/protocol';
import type { Station } from '../../station';
import {
  classify,
  mismatches,
  totalsInputs,
  type Mismatch,
  type TotalsAnswer,
  type TotalsInput,
} from './reconcile-run';
import type { SettlementRow } from '../../db';

export interface ReconcileReport {
  date: string;
  pending: SettlementRow[];
  totals: { input: TotalsInput; answer: TotalsAnswer }[];
  /** null when every row balanced (3202 not needed) */
  detail: { answer: DetailReconcileOutput; mismatches: Mismatch[] } | null;
  ranAt: string;
}

async function call<I extends '3201' | '3202'>(station: Station, infno: I, input: unknown) {
  const { output } = await station.api.platform.call({ infno, input: input as Record<string, unknown> });
  return transactionSchemas[infno].output.parse(output);
}

export async function runReconciliation(
  station: Station,
  date: string,
  now = new Date(),
): Promise<ReconcileReport> {
  const day = { from: date, to: date };
  // by settle_date, as the platform counts them (it equals settled_at's China date: 8201 refuses otherwise)
  const rows = await station.db.settlements.where('settle_date').between(date, date, true, true).toArray();
  const { pending, sent } = classify(rows);
  const totals: ReconcileReport['totals'] = [];
  for (const input of totalsInputs(sent, day)) {
    const out = await call(station, '3201', { data: input });
    totals.push({ input, answer: (out as { stmtinfo: TotalsAnswer }).stmtinfo });
  }
  let detail: ReconcileReport['detail'] = null;
  if (totals.some((t) => t.answer.stmt_rslt === '1')) {
    const answer = (await call(station, '3202', {
      data: {
        stmt_begndate: date,
        stmt_enddate: date,
        setl_optins: station.profile.mdtrtarea_admvs,
        rows: sent.map((s) => s.detail),
      },
    })) as DetailReconcileOutput;
    detail = { answer, mismatches: mismatches(sent, answer) };
  }
  return { date, pending, totals, detail, ranAt: now.toISOString() };
}

/** The China date before `today` (YYYY-MM-DD): the default day to reconcile. */
export function dayBefore(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
