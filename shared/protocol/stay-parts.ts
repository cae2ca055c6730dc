// The next part of a mid-stay (中途) settlement, from the earlier parts of the same encounter
// (settlement-contract.md settle/v2, Step 3 "Mid-stay settlement"). A station works it out from its
// own local settlements of the encounter, the platform from the parts it stored; both call this, so
// the two can differ only in data. Part ≥ 2 of a medical inpatient stay carries
//   inscp_before = Σ the earlier parts' in-policy amounts (the stay's cumulative amount so far), and
//   dedc_left    = the stay's deductible (part 1's, by the admissions before the stay) − Σ the
//                  deductible the earlier parts paid, never below 0,
// so the parts together pay what the stay settled whole would (within a fen per part).

import { Decimal, ZERO, formatAmount, maxDecimal } from '../money';
import type { Policy, SettleRequestInput, Stay } from '../settlement';
import { inpatientDeductible } from '../settlement';

/** The largest part number the platform keys an encounter on (shared/protocol/upload.ts stayPart). */
export const MAX_STAY_PART = 999;

export interface EarlierPart {
  /** the part it settled as: `request.stay.part`, 1 for a settlement without `stay` */
  part: number;
  /** its figures that count (the platform's, when it answered a discrepancy) */
  setlinfo: { inscp_scp_amt: string; act_pay_dedc: string };
}

export type NextStay =
  | { ok: true; stay: Stay }
  | {
      ok: false;
      code: 'STAY_PART_OUT_OF_ORDER';
      expected: number | null;
      message: string;
      message_en: string;
    };

/** The stay's deductible, from part 1's facts: its policy, the hospital level and the admissions
 * of the year before the stay (contract step 3.1). */
export function stayDeductible(
  policy: NonNullable<Policy['inpatient']>,
  hospLv: 1 | 2 | 3,
  admissionsBefore: number,
): string {
  return formatAmount(
    inpatientDeductible(policy, String(hospLv) as '1' | '2' | '3', admissionsBefore).deductible,
  );
}

function outOfOrder(part: number, expected: number | null): NextStay {
  const want = expected === null ? '' : `，应为第${expected}段`;
  const wantEn = expected === null ? '' : `; the next part is ${expected}`;
  return {
    ok: false,
    code: 'STAY_PART_OUT_OF_ORDER',
    expected,
    message: `中途结算第${part}段不接续本次住院已结算的各段${want}`,
    message_en: `mid-stay part ${part} does not follow the parts of this stay already settled${wantEn}`,
  };
}

/**
 * The `stay` of part `part`, or why it cannot be settled: the earlier parts must be exactly 1 … part−1
 * (a whole-stay settlement counts as part 1). `deductible` is the stay's deductible
 * (stayDeductible of part 1); it is needed only for a medical inpatient part ≥ 2.
 */
export function nextStay(opts: {
  part: number;
  earlier: readonly EarlierPart[];
  medicalInpatient: boolean;
  deductible: string | null;
}): NextStay {
  const { part, earlier } = opts;
  if (!Number.isInteger(part) || part < 1 || part > MAX_STAY_PART) return outOfOrder(part, null);
  const parts = earlier.map((e) => e.part).sort((a, b) => a - b);
  const consecutive = parts.every((p, i) => p === i + 1);
  if (!consecutive) return outOfOrder(part, null);
  if (part !== parts.length + 1) return outOfOrder(part, parts.length + 1);
  if (part === 1 || !opts.medicalInpatient) return { ok: true, stay: { part } };
  if (opts.deductible === null) return outOfOrder(part, null);
  let inscp = ZERO;
  let paid = ZERO;
  for (const e of earlier) {
    inscp = inscp.plus(e.setlinfo.inscp_scp_amt);
    paid = paid.plus(e.setlinfo.act_pay_dedc);
  }
  return {
    ok: true,
    stay: {
      part,
      dedc_left: formatAmount(maxDecimal(ZERO, new Decimal(opts.deductible).minus(paid))),
      inscp_before: formatAmount(inscp),
    },
  };
}

/** An earlier part as a station (or a test) has it: the request it settled and the figures that count. */
export interface SettledPart {
  request: Pick<SettleRequestInput, 'stay' | 'policy' | 'institution' | 'accumulators'>;
  setlinfo: EarlierPart['setlinfo'];
}

/** nextStay over settlements a station made itself: the stay's deductible comes from part 1's own
 * request (its policy, hospital level and the admissions before it). */
export function nextStayAfter(
  part: number,
  medicalInpatient: boolean,
  settled: readonly SettledPart[],
): NextStay {
  const first = settled.find((s) => (s.request.stay?.part ?? 1) === 1)?.request;
  const inpatient = first?.policy?.inpatient;
  return nextStay({
    part,
    medicalInpatient,
    deductible:
      first && inpatient
        ? stayDeductible(inpatient, first.institution.hosp_lv, first.accumulators?.inpatient_admissions ?? 0)
        : null,
    earlier: settled.map((s) => ({ part: s.request.stay?.part ?? 1, setlinfo: s.setlinfo })),
  });
}
