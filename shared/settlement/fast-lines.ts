import { z } from 'zod';
import { isAmountString, isPriceString, isQuantityString } from '../money';
import type { BillLine } from './schema';
import { FEE_KINDS, isMedChrgitmType, type FeeKind } from './schema-primitives';
import { settleRequestObject } from './schema';

/**
 * Bills run to 50,000 lines; zod's per-line object parsing is most of the validation time there.
 * Lines that are plainly valid are checked here by hand and copied with only the contract's fields,
 * exactly what billLineSchema would return; if any line is not, the caller falls back to the full
 * zod parse, which finds and names the first offending field as before.
 */
export const settleRequestWithoutLines = settleRequestObject.extend({ lines: z.array(z.unknown()).min(1) });

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function plainLines(lines: unknown): BillLine[] | null {
  if (!Array.isArray(lines) || lines.length === 0) return null;
  const out: BillLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Record<string, unknown> | null;
    if (l === null || typeof l !== 'object' || Array.isArray(l)) return null;
    const { feedetl_sn, med_list_codg, name, cnt, pric, det_item_fee_sumamt, non_work_injury, fee_kind } = l;
    const type = l.med_chrgitm_type;
    if (!nonEmpty(feedetl_sn) || !nonEmpty(med_list_codg)) return null;
    if (!isQuantityString(cnt) || !isPriceString(pric) || !isAmountString(det_item_fee_sumamt)) return null;
    if (name !== undefined && typeof name !== 'string') return null;
    if (non_work_injury !== undefined && typeof non_work_injury !== 'boolean') return null;
    if (fee_kind !== undefined && !FEE_KINDS.includes(fee_kind as FeeKind)) return null;
    if (type !== undefined && !isMedChrgitmType(type)) return null;
    const line: BillLine = { feedetl_sn, med_list_codg, cnt, pric, det_item_fee_sumamt };
    if (name !== undefined) line.name = name;
    if (non_work_injury !== undefined) line.non_work_injury = non_work_injury;
    if (fee_kind !== undefined) line.fee_kind = fee_kind as FeeKind;
    if (type !== undefined) line.med_chrgitm_type = type;
    out[i] = line;
  }
  return out;
}
