import { Decimal, ZERO } from '../money';
import type { Refusal, RefusalCode, TraceEntry } from './result';
import type { SettleRequest } from './schema';

type ReductionKey = 'referral' | 'emergency' | 'other_temporary';

const LABEL: Record<ReductionKey, [string, string]> = {
  referral: ['转诊转院', 'referral'],
  emergency: ['急诊抢救', 'emergency'],
  other_temporary: ['其他临时外出', 'other temporary'],
};

const points = (value: Decimal): string => value.times(100).toString();

/** Why the filing did not count, said briefly: the rows an emergency waived. */
const WAIVED_LABEL: Partial<Record<RefusalCode, [string, string]>> = {
  FILING_OTHER_PLACE: ['备案地不是本省', 'filed for another province'],
  FILING_NOT_YET_VALID: ['备案尚未生效', 'filing not yet valid'],
  FILING_EXPIRED: ['备案已过期', 'filing expired'],
  NOT_DESIGNATED: ['备案未指定本机构', 'filing designates other institutions'],
};

/**
 * The ratio reduction of step 1. 0 for local treatment, work injury and long-term filings; for a
 * temporary medical filing, the insured place's reduction for its type. settle/v2: a medical emergency
 * is regarded as filed (seed 002) — with a filing that no row would have refused it keeps that
 * filing's own reduction; without a filing, or with one that would have been refused, it takes the
 * emergency reduction.
 */
export function ratioReduction(
  req: SettleRequest,
  crossProvince: boolean,
  emergency: boolean,
  waived: readonly Refusal[],
  trace: TraceEntry[],
): Decimal {
  if (!crossProvince || req.scheme !== 'medical') return ZERO;
  const reductions = req.policy?.cross_province?.reduction ?? {};
  const value = (key: ReductionKey) => new Decimal(reductions[key] ?? '0');

  if (emergency && (req.filing === null || waived.length > 0)) {
    const red = value('emergency');
    const why =
      req.filing === null
        ? { zh: '未办理备案', en: 'no filing' }
        : {
            zh: waived.map((w) => WAIVED_LABEL[w.code]?.[0] ?? w.message).join('、'),
            en: waived.map((w) => WAIVED_LABEL[w.code]?.[1] ?? w.message_en).join(', '),
          };
    trace.push({
      step: 'eligibility',
      rule: 'EMERGENCY_REGARDED_AS_FILED',
      zh: `急诊视同已备案（${why.zh}），按急诊降低${points(red)}个百分点`,
      en: `An emergency is regarded as filed (${why.en}); payment ratios lowered by the emergency reduction of ${points(red)} percentage points`,
    });
    return red;
  }
  const filing = req.filing!;
  if (filing.kind === 'long_term') {
    if (emergency) {
      trace.push({
        step: 'eligibility',
        rule: 'EMERGENCY_WITH_FILING',
        zh: '急诊抢救，长期备案有效，按长期备案结算，支付比例不降低',
        en: 'Emergency with a valid long-term filing: settled under that filing, ratios not lowered',
      });
    }
    return ZERO;
  }
  const key = filing.type as ReductionKey;
  const red = value(key);
  trace.push({
    step: 'eligibility',
    rule: 'REDUCTION',
    zh: `${emergency ? '急诊抢救，备案有效，按备案类型；' : ''}临时外出就医（${LABEL[key][0]}）支付比例降低${points(red)}个百分点`,
    en: `${emergency ? 'Emergency with a valid filing, by its type; ' : ''}temporary treatment (${LABEL[key][1]}): payment ratios lowered by ${points(red)} percentage points`,
  });
  return red;
}
