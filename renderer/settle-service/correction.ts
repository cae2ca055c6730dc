// What the counter does about a task the platform raised (domain.md "What a cashier expects"), beside
// the plain note of resolve-task.ts:
// - a discrepancy: the platform's figures count, so the patient pays or gets back the difference of
//   the cash share (platform − station); the personal account the platform debited itself;
// - a rejection converted to self-pay (a supervisor approves): the funds paid nothing and the account
//   was not debited, so the patient pays the rest of the bill in cash and claims it at the insured
//   place with the note the counter prints;
// - a rejection corrected and settled again: the cash goes back, the encounter is freed, and the
//   corrected bill is settled at the counter under a new local id.
// Each is one transaction (the settlement's correction and resolution, the encounter, the audit
// entry), then a journal line (kind `resolution`); a journal that refuses it takes it back.
import { Decimal, formatAmount } from '../../shared/money';
import type { Role } from '../../shared/operators';
import { SETLINFO_FIELDS, type SetlinfoField } from '../../shared/settlement';
import {
  appendAudit,
  encounterHolder,
  toStationDbError,
  withEncounterHolder,
  type CorrectionRecord,
  type EncounterRow,
  type SettlementRow,
  type StationDb,
} from '../db';
import { correctionEntry, type JournalPort } from '../journal';
import { journalOrTakeBack, takeBackTaskAction } from './journal-step';
import { SettleServiceError } from './errors';

const diff = (platform: string, station: string) => formatAmount(new Decimal(platform).minus(station));

export interface SideBySide {
  fields: { field: SetlinfoField; station: string; platform: string; difference: string }[];
  /** every fund either side paid, by fund type (setldetail) */
  funds: { key: string; station: string; platform: string; difference: string }[];
  /** + the patient pays this much more cash at the counter; − the counter gives it back */
  cash: string;
  /** the personal account's difference: the platform debited it already, nothing to do in cash */
  account: string;
}

function fundMap(r: SettlementRow['result']): Map<string, string> {
  return new Map((r.setldetail ?? []).map((d) => [d.fund_pay_type as string, d.fund_payamt]));
}

/** The station's and the platform's figures field by field and fund by fund. */
export function sideBySide(s: SettlementRow): SideBySide {
  const p = s.platform_result;
  if (s.status !== 'discrepancy' || !p)
    throw new SettleServiceError('NOT_OPEN_TASK', { detail: s.local_setl_id });
  const st = s.result.setlinfo;
  const pl = p.setlinfo;
  const mine = fundMap(s.result);
  const theirs = fundMap(p);
  const keys = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  return {
    fields: SETLINFO_FIELDS.map((field) => ({
      field,
      station: st[field],
      platform: pl[field],
      difference: diff(pl[field], st[field]),
    })),
    funds: keys.map((key) => {
      const a = mine.get(key) ?? '0.00';
      const b = theirs.get(key) ?? '0.00';
      return { key, station: a, platform: b, difference: diff(b, a) };
    }),
    cash: diff(pl.psn_cash_pay, st.psn_cash_pay),
    account: diff(pl.acct_pay, st.acct_pay),
  };
}

/** What a rejected settlement converted to self-pay still costs the patient in cash: the whole bill
 * less the cash they paid (the funds and the account paid nothing). */
export function selfPayOwed(s: SettlementRow): string {
  const r = s.result.setlinfo;
  return formatAmount(new Decimal(r.medfee_sumamt).minus(r.psn_cash_pay));
}

export interface Approval {
  approver: { id: string; name: string; role: Role };
  at: string;
}

export type CorrectionInput =
  | { kind: 'discrepancy'; local_setl_id: string; opter: string }
  | { kind: 'self_pay'; local_setl_id: string; opter: string; approval: Approval | null }
  | { kind: 'resettle'; local_setl_id: string; opter: string };

const RESOLUTION: Record<CorrectionInput['kind'], string> = {
  discrepancy: '按平台结果收退差额 / difference collected or refunded at the platform’s figures',
  self_pay: '转全自费，回参保地手工报销 / converted to self-pay, claim at the insured place',
  resettle: '退回现金，更正后重新结算 / cash refunded, corrected and settled again',
};

/** Records the correction; returns the settlement as it now stands. */
export async function correct(
  db: StationDb,
  journal: JournalPort,
  input: CorrectionInput,
  now: Date,
): Promise<SettlementRow> {
  const at = now.toISOString();
  let before: SettlementRow | undefined;
  let encounterBefore: EncounterRow | undefined;
  let after: SettlementRow;
  try {
    after = await db.transaction('rw', [db.settlements, db.encounters, db.audit], async () => {
      const s = await db.settlements.get(input.local_setl_id);
      if (!s) throw new SettleServiceError('SETTLEMENT_NOT_FOUND', { detail: input.local_setl_id });
      const wanted = input.kind === 'discrepancy' ? 'discrepancy' : 'rejected';
      if (s.status !== wanted || s.resolved_at !== null)
        throw new SettleServiceError('NOT_OPEN_TASK', { detail: input.local_setl_id });
      let approved_by: CorrectionRecord['approved_by'] = null;
      if (input.kind === 'self_pay') {
        const a = input.approval;
        if (a?.approver.role !== 'supervisor')
          throw new SettleServiceError('APPROVAL_REQUIRED', { detail: 'self_pay' });
        if (a.approver.id === input.opter) throw new SettleServiceError('OWN_APPROVAL');
        approved_by = { id: a.approver.id, name: a.approver.name, at: a.at };
      }
      const cash =
        input.kind === 'discrepancy'
          ? sideBySide(s).cash
          : input.kind === 'self_pay'
            ? selfPayOwed(s)
            : formatAmount(new Decimal(s.result.setlinfo.psn_cash_pay).negated());
      const correction: CorrectionRecord = { kind: input.kind, cash, opter: input.opter, at, approved_by };
      before = s;
      const row: SettlementRow = { ...s, resolved_at: at, resolution: RESOLUTION[input.kind], correction };
      await db.settlements.put(row);
      if (input.kind === 'resettle') {
        // the encounter is free again: the corrected bill is settled under a new local id
        const part = s.request.stay?.part ?? 1;
        const enc = await db.encounters.get(s.encounter_no);
        encounterBefore = enc;
        if (enc && encounterHolder(enc, part) === s.local_setl_id)
          await db.encounters.update(s.encounter_no, withEncounterHolder(enc, part, null));
      }
      if (approved_by)
        await appendAudit(db, {
          at: approved_by.at,
          kind: 'self_pay.approved',
          local_setl_id: s.local_setl_id,
          opter: approved_by.id,
          detail: { for: input.opter },
        });
      await appendAudit(db, {
        at,
        kind: 'task.corrected',
        local_setl_id: s.local_setl_id,
        opter: input.opter,
        detail: { correction: input.kind, cash, status: s.status, approved_by: approved_by?.id ?? null },
      });
      return row;
    });
  } catch (e) {
    throw toStationDbError(e);
  }
  await journalOrTakeBack(journal, correctionEntry(after), () =>
    takeBackTaskAction(db, before!, encounterBefore, 'task.correction_withdrawn', input.opter, now),
  );
  return after;
}
