// The itemised view of a settlement: each bill line beside what step 2 made of it (settle/v2 "Step
// 2"): its catalog class, its charge category, and its full self-pay, over-ceiling, pre-self-pay and
// in-policy amounts. items[i] is lines[i]'s result (the engine keeps the order).
import type { BillLine, ItemResult, MedChrgitmType, SettleRequestInput } from '../settlement';
import { OTHER_CHRGITM_TYPE } from '../settlement';

/** How a line was classed, from the item's basis: 甲/乙/丙 class, off the catalog, the work-injury
 * catalog, the device catalog, not work-injury treatment, or a meal / transport line. */
export const LINE_CLASSES = [
  'class_01',
  'class_02',
  'class_03',
  'off_catalog',
  'wi_catalog',
  'wi_device',
  'non_work_injury',
  'meal',
  'transport',
] as const;
export type LineClass = (typeof LINE_CLASSES)[number];

const BASIS_CLASS: Record<string, LineClass> = {
  CLASS_01: 'class_01',
  CLASS_02: 'class_02',
  CLASS_03: 'class_03',
  OFF_CATALOG: 'off_catalog',
  WI_CATALOG: 'wi_catalog',
  WI_DEVICE: 'wi_device',
  NON_WORK_INJURY: 'non_work_injury',
  MEAL: 'meal',
  TRANSPORT: 'transport',
};

export function lineClass(basis: string): LineClass {
  return BASIS_CLASS[basis.split('+')[0]!] ?? 'off_catalog';
}

export interface ItemisedLine {
  line: BillLine;
  /** the line's name, else its catalog entry's */
  name: string;
  med_chrgitm_type: MedChrgitmType;
  cls: LineClass;
  item: ItemResult;
}

/** The catalog entry a line was priced against (the same choice as the engine's step 2). */
function entryOf(
  request: SettleRequestInput,
  code: string,
): { name?: string; med_chrgitm_type?: MedChrgitmType } | undefined {
  const table =
    request.scheme === 'medical'
      ? request.catalog
      : request.setl_type === 'device'
        ? request.policy?.work_injury?.devices
        : request.wi_catalog;
  return table && Object.hasOwn(table, code) ? table[code] : undefined;
}

/** Lines with their results; a settlement without item results (a refused one) has none. */
export function itemisedLines(
  request: SettleRequestInput,
  items: readonly ItemResult[] | undefined,
): ItemisedLine[] {
  if (!items) return [];
  return request.lines.map((line, i) => {
    const entry = entryOf(request, line.med_list_codg);
    const item = items[i]!;
    return {
      line,
      name: line.name ?? entry?.name ?? '',
      // the settlement list's rule (settle/v2 chrgitm_summary): the line's own, else its entry's, else "14"
      med_chrgitm_type: line.med_chrgitm_type ?? entry?.med_chrgitm_type ?? OTHER_CHRGITM_TYPE,
      cls: lineClass(item.basis),
      item,
    };
  });
}
