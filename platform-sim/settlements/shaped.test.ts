import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoSettleRequest, demoWorld } from '../../shared/demo-world';
import type { SettleRequestInput } from '../../shared/settlement';
import { InvalidInputError, settle, settleRequestObject, settleShaped } from '../../shared/settlement';
import { shapedRequest } from './shaped';

const world = demoWorld({ seed: 'shaped', today: '2026-06-15', catalogSize: 400 });
// Every demo bill but a later stay part (which needs its earlier parts as settled).
const bills = world.bills.filter((bill) => (bill.stay_part ?? 1) === 1);
const requests = bills.map((bill) => demoSettleRequest(world, bill));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The request as the platform builds it: the upload's parsed parts, its own data objects. */
function platformStyle(request: SettleRequestInput) {
  const parsed = settleRequestObject.parse(clone(request));
  return {
    parsed,
    built: { ...request, lines: parsed.lines, circumstances: parsed.circumstances } as SettleRequestInput,
  };
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('shapedRequest: parsing a request part by part', () => {
  it.each(requests.map((r, i) => [bills[i]!.bill_id, r] as const))(
    '%s: exactly what parsing the whole gives, and settles the same',
    (_id, request) => {
      const { parsed, built } = platformStyle(request);
      const shaped = shapedRequest(built, parsed);
      expect(shaped).toEqual(settleRequestObject.parse(built));
      expect(settleShaped(shaped!)).toEqual(settle(built));
    },
  );

  it('parses each shared object once and takes the upload’s parsed parts as they are', () => {
    const { parsed, built } = platformStyle(requests[0]!);
    const first = shapedRequest(built, parsed)!;
    const second = shapedRequest({ ...built, accumulators: { ...built.accumulators } }, parsed)!;
    expect(second.policy).toBe(first.policy);
    expect(second.person).toBe(first.person);
    expect(first.lines).toBe(parsed.lines);
  });

  it('fills the defaults of absent fields as the schema does', () => {
    const { parsed, built } = platformStyle(requests[0]!);
    const { accumulators: _a, acct_used: _u, ...rest } = built;
    expect(shapedRequest(rest as SettleRequestInput, parsed)).toEqual(settleRequestObject.parse(rest));
  });

  const broken: [string, (r: Record<string, unknown>) => void][] = [
    ['a catalog entry with a bad ratio', (r) => (Object.values(r.catalog as object)[0].selfpay_prop = '1.5')],
    ['a person without psn_no', (r) => delete (r.person as Record<string, unknown>).psn_no],
    ['a policy that is not one', (r) => (r.policy = { nonsense: true })],
    [
      'a filing whose type is not of its kind',
      (r) => ((r.filing as Record<string, unknown>).type = 'referral'),
    ],
    ['accumulators of a negative count', (r) => (r.accumulators = { inpatient_admissions: -1 })],
    ['an unknown contract', (r) => (r.contract = 'settle/v9')],
  ];
  it.each(broken)('%s: undefined, so settle() names the field as before', (_name, breakIt) => {
    const { parsed, built } = platformStyle(requests[0]!);
    const bad = clone(built) as Record<string, unknown>;
    bad.lines = built.lines;
    breakIt(bad);
    expect(shapedRequest(bad as SettleRequestInput, parsed)).toBeUndefined();
    expect(thrown(() => settle(bad))).toBeInstanceOf(InvalidInputError);
  });

  it('a rule across fields is refused by settleShaped with settle()’s error', () => {
    const { parsed, built } = platformStyle(requests[0]!);
    const bad = { ...built, admission_date: '2099-01-01' };
    const shaped = shapedRequest(bad, parsed)!;
    expect(thrown(() => settleShaped(shaped))).toEqual(thrown(() => settle(bad)));
  });

  it('property: defined exactly when the whole parses, and then equal to it', () => {
    const fields = Object.keys(settleRequestObject.shape);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: requests.length - 1 }),
        fc.subarray(fields),
        fc.constantFrom<unknown>(null, 'x', 3, [], {}, undefined, true),
        (i, hit, junk) => {
          const { parsed, built } = platformStyle(requests[i]!);
          const request = { ...built } as Record<string, unknown>;
          for (const f of hit) request[f] = junk;
          const whole = settleRequestObject.safeParse(request);
          const shaped = shapedRequest(request as SettleRequestInput, parsed);
          expect(shaped).toEqual(whole.success ? whole.data : undefined);
        },
      ),
      { numRuns: 200 },
    );
  });
});
