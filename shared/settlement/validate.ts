import { Decimal } from '../money';
import { provinceOfDivision } from './province';
import { InvalidInputError, formatPath } from './errors';
import { plainLines, settleRequestWithoutLines } from './fast-lines';
import { SETL_TYPES, STAY_SETL_TYPES, settleRequestObject, type SettleRequest } from './schema';

/** |det_item_fee_sumamt − cnt × pric| may differ by at most one fen (contract "Command line"). */
const LINE_TOLERANCE = new Decimal('0.01');

/**
 * Validates a settle/v1 or settle/v2 request: the schema first, then the rules that tie fields together, each
 * reported with the JSON path of the offending field. Throws InvalidInputError; returns the request with
 * defaults filled in (circumstances, accumulators, acct_used).
 */
export function parseSettleRequest(input: unknown): SettleRequest {
  return parseChecked(input).req;
}

/**
 * The line amounts and counts as checked, so settle() does not parse them again (on 50,000-line
 * bills string → decimal parsing is most of the engine's time). Index i is lines[i].
 */
export interface LineNumbers {
  amounts: Decimal[];
  counts: Decimal[];
}

/** parseSettleRequest(), also returning the decimals its line check parsed. */
export function parseChecked(input: unknown): { req: SettleRequest; numbers: LineNumbers } {
  const req = parseSchema(input);
  const numbers = checkRules(req);
  return { req, numbers };
}

function parseSchema(input: unknown): SettleRequest {
  const lines = plainLines((input as { lines?: unknown } | null)?.lines);
  if (lines) {
    const rest = settleRequestWithoutLines.safeParse(input);
    if (rest.success) return { ...rest.data, lines };
  }
  const parsed = settleRequestObject.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? `缺少字段 / missing field: ${issue.message}`
        : issue.message;
    throw new InvalidInputError(formatPath(issue.path), message);
  }
  return parsed.data;
}

/**
 * The rules that tie a request's fields together, for a request whose every field already has its
 * schema's shape (settleRequestObject checks field by field, nothing across fields, so parsing each
 * field by its own schema gives exactly what parsing the whole does). Throws InvalidInputError.
 */
export function checkRules(req: SettleRequest): LineNumbers {
  const fail = (path: string, message: string): never => {
    throw new InvalidInputError(path, message);
  };

  if (!(SETL_TYPES[req.scheme] as readonly string[]).includes(req.setl_type)) {
    fail(
      'setl_type',
      `${req.scheme} 不支持结算类型 ${req.setl_type} / setl_type ${req.setl_type} is not valid for scheme ${req.scheme}`,
    );
  }
  if (req.admission_date !== undefined && req.admission_date > req.settle_date) {
    fail('admission_date', '入院日期晚于结算日期 / admission_date is after settle_date');
  }
  if (req.accumulators.year !== undefined && String(req.accumulators.year) !== req.settle_date.slice(0, 4)) {
    fail(
      'accumulators.year',
      '累计值年度与结算年度不符 / accumulators are for another year than settle_date',
    );
  }
  checkSchemeData(req, fail);
  checkStay(req, fail);
  checkPolicy(req, fail);
  return checkLines(req, fail);
}

type Fail = (path: string, message: string) => never;

function checkSchemeData(req: SettleRequest, fail: Fail): void {
  const missing = (path: string) => fail(path, `缺少字段 / missing field: ${path}`);
  if (req.scheme === 'medical') {
    if (req.person.insutype === undefined) missing('person.insutype');
    if (req.policy === undefined) missing('policy');
    if (req.catalog === undefined) missing('catalog');
    if (req.setl_type === 'inpatient' && req.policy?.inpatient === undefined) missing('policy.inpatient');
    if (req.setl_type === 'outpatient' && req.policy?.outpatient === undefined) missing('policy.outpatient');
    if (req.setl_type === 'chronic_outpatient' && !req.dise_codg) missing('dise_codg');
  } else if (req.setl_type === 'device') {
    if (req.policy === undefined) missing('policy');
    if (req.policy?.work_injury === undefined) missing('policy.work_injury');
  } else if (req.wi_catalog === undefined) {
    missing('wi_catalog');
  }
}

/**
 * settle/v2 mid-stay settlement: parts of a stay (medical or work-injury inpatient, rehab). A medical
 * inpatient part ≥ 2 needs what the earlier parts left and had: dedc_left and inscp_before.
 */
function checkStay(req: SettleRequest, fail: Fail): void {
  const stay = req.stay;
  if (stay === undefined) return;
  if (!(STAY_SETL_TYPES as readonly string[]).includes(req.setl_type)) {
    fail(
      'stay',
      `中途结算只适用于住院和康复 / a mid-stay part is for inpatient and rehab stays, not ${req.setl_type}`,
    );
  }
  if (req.scheme === 'medical' && stay.part >= 2) {
    for (const field of ['dedc_left', 'inscp_before'] as const) {
      if (stay[field] === undefined) {
        fail(
          `stay.${field}`,
          `缺少字段 / missing field: stay.${field} (中途结算第${stay.part}段须给出 / needed for part ${stay.part})`,
        );
      }
    }
  }
}

function checkPolicy(req: SettleRequest, fail: Fail): void {
  // Work-injury inpatient and rehab settle by item against the treatment place's catalog: a policy
  // sent along is not used, so it is not checked either.
  const policy = req.scheme === 'medical' || req.setl_type === 'device' ? req.policy : undefined;
  if (!policy) return;
  if (provinceOfDivision(policy.insuplc_admdvs) !== provinceOfDivision(req.person.insuplc_admdvs)) {
    fail(
      'policy.insuplc_admdvs',
      '政策不属于参保人的参保地 / the policy is not of the person’s insured place',
    );
  }
  if (req.scheme === 'medical' && policy.insutype !== undefined && policy.insutype !== req.person.insutype) {
    fail('policy.insutype', '政策险种与参保人险种不符 / the policy’s insutype differs from the person’s');
  }
  if (req.settle_date < policy.valid_from)
    fail('policy.valid_from', '结算日政策尚未生效 / the policy is not yet in force on settle_date');
  if (policy.valid_to !== null && req.settle_date > policy.valid_to) {
    fail('policy.valid_to', '结算日政策已失效 / the policy is no longer in force on settle_date');
  }
}

function checkLines(req: SettleRequest, fail: Fail): LineNumbers {
  const seen = new Set<string>();
  const n = req.lines.length;
  const numbers: LineNumbers = { amounts: new Array<Decimal>(n), counts: new Array<Decimal>(n) };
  req.lines.forEach((line, i) => {
    if (seen.has(line.feedetl_sn))
      fail(`lines[${i}].feedetl_sn`, `明细流水号重复 / duplicate feedetl_sn ${line.feedetl_sn}`);
    seen.add(line.feedetl_sn);
    const cnt = new Decimal(line.cnt);
    const amount = new Decimal(line.det_item_fee_sumamt);
    const expected = cnt.times(line.pric);
    if (expected.minus(amount).abs().gt(LINE_TOLERANCE)) {
      fail(
        `lines[${i}].det_item_fee_sumamt`,
        `明细金额${line.det_item_fee_sumamt}与数量×单价(${expected.toString()})不符 / amount ${line.det_item_fee_sumamt} is not cnt × pric = ${expected.toString()}`,
      );
    }
    numbers.amounts[i] = amount;
    numbers.counts[i] = cnt;
  });
  return numbers;
}
