import { Decimal, ZERO, formatAmount, round2 } from '../money';
import type { ItemResult, TraceEntry } from './result';
import type { BillLine, SettleRequest } from './schema';
import type { MedChrgitmType } from './schema-primitives';
import { ChrgitmSummary } from './settlement-list';
import type { LineNumbers } from './validate';

/** How one catalog code prices: its class and ceiling, parsed once per code, not once per line. */
interface Rule {
  covered: boolean;
  /** Unit price ceiling (pric_uplmt_amt, or a device's limit_amt), if any. */
  ceiling: Decimal | null;
  /** 乙 class pre-self-pay ratio; zero for 甲 class and for work injury. */
  selfpay: Decimal;
  basis: string;
  /** The catalog entry's charge category, if it has one (settle/v2). */
  type: MedChrgitmType | undefined;
  /** Medical class 01 / 02 (甲/乙) for the fee table's claa / clab columns; null otherwise. */
  cls: '01' | '02' | null;
}

export interface ItemTotals {
  medfee: Decimal;
  fulamt: Decimal;
  overlmt: Decimal;
  preselfpay: Decimal;
  inscp: Decimal;
}

const OFF_CATALOG: Rule = {
  covered: false,
  ceiling: null,
  selfpay: ZERO,
  basis: 'OFF_CATALOG',
  type: undefined,
  cls: null,
};

/** Builds the lookup of step 2: the treatment place's catalog (medical, work-injury) or the insured place's device catalog. */
function ruleLookup(req: SettleRequest): (code: string) => Rule {
  const cache = new Map<string, Rule>();
  let make: (code: string) => Rule;
  if (req.scheme === 'medical') {
    const catalog = req.catalog ?? {};
    make = (code) => {
      const e = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
      if (!e) return OFF_CATALOG;
      const type = e.med_chrgitm_type;
      if (e.chrgitm_lv === '03') return { ...OFF_CATALOG, basis: 'CLASS_03', type };
      return {
        covered: true,
        ceiling: e.pric_uplmt_amt === null ? null : new Decimal(e.pric_uplmt_amt),
        selfpay: e.chrgitm_lv === '02' ? new Decimal(e.selfpay_prop) : ZERO,
        basis: e.chrgitm_lv === '02' ? 'CLASS_02' : 'CLASS_01',
        type,
        cls: e.chrgitm_lv,
      };
    };
  } else if (req.setl_type === 'device') {
    const devices = req.policy?.work_injury?.devices ?? {};
    make = (code) => {
      const d = Object.hasOwn(devices, code) ? devices[code] : undefined;
      return d
        ? {
            covered: true,
            ceiling: new Decimal(d.limit_amt),
            selfpay: ZERO,
            basis: 'WI_DEVICE',
            type: d.med_chrgitm_type,
            cls: null,
          }
        : OFF_CATALOG;
    };
  } else {
    const catalog = req.wi_catalog ?? {};
    make = (code) => {
      const e = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
      if (!e) return OFF_CATALOG;
      return {
        covered: true,
        ceiling: e.pric_uplmt_amt === null ? null : new Decimal(e.pric_uplmt_amt),
        selfpay: ZERO,
        basis: 'WI_CATALOG',
        type: e.med_chrgitm_type,
        cls: null,
      };
    };
  }
  return (code) => {
    let rule = cache.get(code);
    if (!rule) {
      rule = make(code);
      cache.set(code, rule);
    }
    return rule;
  };
}

/**
 * A meal or transport line is wholly self-paid in both schemes, whatever the catalog says (settle/v2
 * Step 2, seed 003: "住院伙食补助费和转诊转院发生的交通食宿费不纳入跨省异地就医直接结算范围"): the insured
 * place reimburses it afterwards.
 */
const FEE_KIND_RULE: Record<'meal' | 'transport', Rule> = {
  meal: { ...OFF_CATALOG, basis: 'MEAL' },
  transport: { ...OFF_CATALOG, basis: 'TRANSPORT' },
};

/**
 * Step 2 (settle/v2), every line in order, and the fee table by charge category. Rounding happens
 * only where the contract says: the ceiling times the count, and the pre-self-pay share.
 */
export function computeItems(
  req: SettleRequest,
  numbers?: LineNumbers,
): {
  items: ItemResult[];
  totals: ItemTotals;
  summary: ChrgitmSummary;
  trace: TraceEntry[];
} {
  const lookup = ruleLookup(req);
  const workInjury = req.scheme === 'work_injury';
  const items: ItemResult[] = new Array(req.lines.length);
  let medfee = ZERO;
  let fulamt = ZERO;
  let overlmt = ZERO;
  let preselfpay = ZERO;
  let inscp = ZERO;
  const counts = { OFF_CATALOG: 0, CLASS_03: 0, NON_WORK_INJURY: 0, OVER_CEILING: 0, MEAL: 0, TRANSPORT: 0 };
  const kindTotals = { MEAL: ZERO, TRANSPORT: ZERO };
  const summary = new ChrgitmSummary();

  for (let i = 0; i < req.lines.length; i++) {
    const line: BillLine = req.lines[i]!;
    const amount = numbers?.amounts[i] ?? new Decimal(line.det_item_fee_sumamt);
    const entry = lookup(line.med_list_codg);
    let rule = entry;
    if (line.fee_kind !== undefined) {
      rule = FEE_KIND_RULE[line.fee_kind];
      const kind = rule.basis as keyof typeof kindTotals;
      kindTotals[kind] = kindTotals[kind].plus(amount);
    } else if (workInjury && line.non_work_injury === true) rule = NON_WORK_INJURY;
    let lineFul = ZERO;
    let lineOver = ZERO;
    let linePre = ZERO;
    let lineIn = ZERO;
    let basis = rule.basis;
    if (!rule.covered) {
      lineFul = amount;
      counts[basis as keyof typeof counts]++;
    } else {
      if (rule.ceiling !== null) {
        const over = amount.minus(round2(rule.ceiling.times(numbers?.counts[i] ?? line.cnt)));
        if (over.gt(0)) {
          lineOver = over;
          basis += '+OVER_CEILING';
          counts.OVER_CEILING++;
        }
      }
      const base = amount.minus(lineOver);
      if (!rule.selfpay.isZero()) linePre = round2(base.times(rule.selfpay));
      lineIn = base.minus(linePre);
    }
    medfee = medfee.plus(amount);
    fulamt = fulamt.plus(lineFul);
    overlmt = overlmt.plus(lineOver);
    preselfpay = preselfpay.plus(linePre);
    inscp = inscp.plus(lineIn);
    summary.add(line.med_chrgitm_type ?? entry.type, amount, lineFul, rule.covered ? rule.cls : null);
    items[i] = {
      feedetl_sn: line.feedetl_sn,
      med_list_codg: line.med_list_codg,
      det_item_fee_sumamt: formatAmount(amount),
      fulamt_ownpay_amt: formatAmount(lineFul),
      overlmt_amt: formatAmount(lineOver),
      preselfpay_amt: formatAmount(linePre),
      inscp_scp_amt: formatAmount(lineIn),
      basis,
    };
  }

  const f = formatAmount;
  const trace: TraceEntry[] = [
    ...feeKindTrace('MEAL', counts.MEAL, kindTotals.MEAL),
    ...feeKindTrace('TRANSPORT', counts.TRANSPORT, kindTotals.TRANSPORT),
    {
      step: 'items',
      rule: workInjury ? 'WI_BY_ITEM' : 'CATALOG_CLASSES',
      zh: `费用合计${f(medfee)}：全自费${f(fulamt)}（目录外${counts.OFF_CATALOG}项、丙类${counts.CLASS_03}项${workInjury ? `、非工伤${counts.NON_WORK_INJURY}项` : ''}），超限价自付${f(overlmt)}（${counts.OVER_CEILING}项），先行自付${f(preselfpay)}，政策范围内${f(inscp)}`,
      en: `Total ${f(medfee)}: full self-pay ${f(fulamt)} (${counts.OFF_CATALOG} off-catalog, ${counts.CLASS_03} class 03${workInjury ? `, ${counts.NON_WORK_INJURY} not work-injury` : ''}), over price ceiling ${f(overlmt)} (${counts.OVER_CEILING} lines), pre-self-pay ${f(preselfpay)}, in-policy ${f(inscp)}`,
    },
  ];
  return { items, totals: { medfee, fulamt, overlmt, preselfpay, inscp }, summary, trace };
}

const NON_WORK_INJURY: Rule = { ...OFF_CATALOG, basis: 'NON_WORK_INJURY' };

function feeKindTrace(kind: 'MEAL' | 'TRANSPORT', count: number, total: Decimal): TraceEntry[] {
  if (count === 0) return [];
  const [zh, en] = kind === 'MEAL' ? ['伙食费', 'Meal allowance'] : ['交通费', 'Transport'];
  return [
    {
      step: 'items',
      rule: kind === 'MEAL' ? 'MEAL_EXCLUDED' : 'TRANSPORT_EXCLUDED',
      zh: `${zh}${formatAmount(total)}（${count}项）不纳入直接结算，由参保地报销`,
      en: `${en} of ${formatAmount(total)} (${count} line${count === 1 ? '' : 's'}) is not settled directly: the insured place reimburses it`,
    },
  ];
}
