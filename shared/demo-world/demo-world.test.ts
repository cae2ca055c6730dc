import { describe, expect, it } from 'vitest';
import { checkCardNumber, validateCitizenId } from '../ids';
import { filingRowSchema } from '../protocol';
import { policySchema, settle, type SettleRequestInput, type SettleResult } from '../settlement';
import { DEMO_DEVICE_SHOP, DEMO_HOSPITAL, demoSettleRequest, demoWorld } from './index';
import type { DemoWorld } from './index';

const TODAY = '2026-03-10';
const world = demoWorld({ seed: 'test', today: TODAY });

function settleBill(w: DemoWorld, id: string) {
  const bill = w.bills.find((b) => b.bill_id === id)!;
  return settle(demoSettleRequest(w, bill));
}

describe('demo world', () => {
  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(JSON.stringify(demoWorld({ seed: 'test', today: TODAY }))).toBe(JSON.stringify(world));
    const other = demoWorld({ seed: 'other', today: TODAY });
    expect(other.people.map((p) => p.person.certno)).not.toEqual(world.people.map((p) => p.person.certno));
  });

  it('has at least 8 insured places in at least 5 provinces, each with policies in force that pass the settle/v1 schema', () => {
    const places = world.insured_places.filter((p) => !p.admdvs.startsWith(world.treatment_province.code));
    expect(places.length).toBeGreaterThanOrEqual(8);
    expect(new Set(places.map((p) => p.admdvs.slice(0, 2))).size).toBeGreaterThanOrEqual(5);
    for (const policy of world.policies)
      expect(() => policySchema.parse(policy), policy.policy_id).not.toThrow();
    for (const place of world.insured_places) {
      for (const insutype of ['310', '390']) {
        const inForce = world.policies.filter(
          (p) =>
            p.insuplc_admdvs === place.admdvs &&
            p.insutype === insutype &&
            p.valid_from <= TODAY &&
            (p.valid_to === null || TODAY <= p.valid_to),
        );
        expect(inForce, `${place.admdvs} ${insutype}`).toHaveLength(1);
      }
    }
  });

  it('has institutions of levels 1–3 in the treatment province, and a device shop and a rehab center', () => {
    const levels = new Set(world.institutions.map((i) => i.institution.hosp_lv));
    expect([...levels].sort()).toEqual([1, 2, 3]);
    for (const i of world.institutions) {
      expect(i.fixmedins_code).toMatch(/^[A-Z]\d{11}$/);
      expect(i.institution.mdtrtarea_admvs.slice(0, 2)).toBe(world.treatment_province.code);
    }
    expect(world.institutions.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['hospital', 'rehab_center', 'device_shop']),
    );
  });

  it('gives every person a valid citizen ID, a card number with its check character and a card identification code', () => {
    expect(new Set(world.people.map((p) => p.person.certno)).size).toBe(world.people.length);
    for (const p of world.people) {
      const id = validateCitizenId(p.person.certno);
      expect(id.ok, p.person.certno).toBe(true);
      if (id.ok) {
        expect(id.birthDate).toBe(p.birth_date);
        expect(id.gender).toBe(p.gender);
      }
    }
    for (const c of world.cards) {
      expect(checkCardNumber(c.card_no).ok, c.card_no).toBe(true);
      expect(c.card_id).toMatch(/^\d{6}D156000005[0-9A-F]{16}$/);
      expect(c.card_id.slice(0, 6)).toBe(c.region);
      expect(c.issued < c.expires).toBe(true);
    }
    expect(world.cards.some((c) => c.spec_version === '2.00')).toBe(true);
    expect(world.cards.some((c) => c.spec_version === '3.00')).toBe(true);
    expect(world.cards.filter((c) => c.damaged)).toHaveLength(1);
    expect(world.cards.filter((c) => c.expires < TODAY)).toHaveLength(1);
  });

  it('has filings of every type, expired, not yet valid, designated elsewhere, work injury confirmed or not, all valid rows', () => {
    const types = new Set(world.filings.map((f) => f.filing.type));
    expect([...types].sort()).toEqual([
      'emergency',
      'long_term_resident',
      'other_temporary',
      'posted_worker',
      'referral',
      'resettled_retiree',
    ]);
    const f = world.filings.map((r) => r.filing);
    expect(f.some((x) => x.enddate !== null && x.enddate < TODAY)).toBe(true);
    expect(f.some((x) => x.begndate > TODAY)).toBe(true);
    expect(f.some((x) => x.fixmedins_codes !== null && !x.fixmedins_codes.includes(DEMO_HOSPITAL))).toBe(
      true,
    );
    expect(f.some((x) => x.wi_confirmed === true)).toBe(true);
    expect(f.some((x) => x.wi_confirmed === false)).toBe(true);
    for (const row of world.filings)
      expect(() =>
        filingRowSchema.parse({
          key: row.filing_id,
          scheme: row.scheme,
          person: row.person,
          filing: row.filing,
        }),
      ).not.toThrow();
  });

  it.each(['2024-02-29', '2031-12-31'])(
    'seeded on %s, the UI scenarios settle as designed at their demo institution',
    (today) => {
      const w = demoWorld({ seed: 'any', today });
      const direct = settleBill(w, 'BILL-PNEUMONIA');
      expect(direct.status).toBe('settled');
      expect(Number(direct.setlinfo.fund_pay_sumamt)).toBeGreaterThan(0);
      expect(settleBill(w, 'BILL-APPENDIX').refusal.map((r) => r.code)).toEqual(['FILING_EXPIRED']);
      const device = settleBill(w, 'BILL-PROSTHESIS');
      expect(device.status).toBe('settled');
      expect(device.setlinfo).toMatchObject({ overlmt_selfpay: '1500.00', fund_pay_sumamt: '12280.00' });
      expect(w.bills.find((b) => b.bill_id === 'BILL-PROSTHESIS')!.fixmedins_code).toBe(DEMO_DEVICE_SHOP);
    },
  );

  it('demo bills carry encounter numbers: 住院号 for stays, 门诊号 otherwise, unique, from the seed and day', () => {
    const ids = world.bills.map((b) => b.mdtrt_id);
    // one encounter number per visit; the parts of one mid-stay settlement share theirs
    const visits = world.bills.filter((b) => (b.stay_part ?? 1) === 1);
    expect(new Set(ids).size).toBe(visits.length);
    const part2 = world.bills.find((b) => b.bill_id === 'BILL-REHAB-PART2')!;
    expect(part2.mdtrt_id).toBe(world.bills.find((b) => b.bill_id === 'BILL-REHAB-PART1')!.mdtrt_id);
    for (const b of world.bills) {
      const stay = b.setl_type === 'inpatient' || b.setl_type === 'rehab';
      expect(b.mdtrt_id, b.bill_id).toMatch(stay ? /^ZY\d{8}$/ : /^MZ\d{8}$/);
    }
    expect(demoWorld({ seed: 'test', today: TODAY }).bills.map((b) => b.mdtrt_id)).toEqual(ids);
    expect(demoWorld({ seed: 'other', today: TODAY }).bills.map((b) => b.mdtrt_id)).not.toEqual(ids);
    // another day's demo bill is another visit: the platform must not see it as the same encounter
    expect(demoWorld({ seed: 'test', today: '2026-03-11' }).bills.map((b) => b.mdtrt_id)).not.toEqual(ids);
  });

  it('demo bills reference real catalog codes and settle to the expected outcome for their scenario', () => {
    const medical = new Set(world.catalog.map((c) => c.code));
    const wi = new Set(world.wi_catalog.map((c) => c.code));
    const expectations: Record<string, string> = {
      'BILL-WI-UNCONFIRMED': 'WORK_INJURY_NOT_CONFIRMED',
      'BILL-DESIGNATED': 'NOT_DESIGNATED',
      'BILL-APPENDIX': 'FILING_EXPIRED',
      'BILL-WI-LAPSED': 'FILING_EXPIRED',
      'BILL-SHOP-MEDICAL': 'INSTITUTION_NOT_CONTRACTED',
    };
    // lines no catalog lists: a vitamin that is not the work injury's, meals and transport, and a
    // device billed to medical insurance
    const offCatalogLines: Record<string, string[]> = {
      'BILL-FRACTURE': ['XA11HAX001A001'],
      'BILL-WI-REFERRAL': ['HS-ZYHS-0001', 'JT-ZZJT-0001'],
      'BILL-SHOP-MEDICAL': ['FJ-LY-0101'],
    };
    const settled = new Map<string, { request: SettleRequestInput; result: SettleResult }>();
    for (const bill of world.bills) {
      // a later part of a stay follows the earlier parts, settled before it
      const earlier = world.bills
        .filter((b) => b.mdtrt_id === bill.mdtrt_id && (b.stay_part ?? 1) < (bill.stay_part ?? 1))
        .map((b) => settled.get(b.bill_id)!);
      const request = demoSettleRequest(world, bill, { earlier });
      const known =
        bill.scheme === 'medical'
          ? medical
          : bill.setl_type === 'device'
            ? new Set(Object.keys(request.policy?.work_injury?.devices ?? {}))
            : wi;
      const offCatalog = bill.lines.filter((l) => !known.has(l.med_list_codg));
      expect(
        offCatalog.map((l) => l.med_list_codg),
        bill.bill_id,
      ).toEqual(offCatalogLines[bill.bill_id] ?? []);
      const r = settle(request);
      settled.set(bill.bill_id, { request, result: r });
      expect(
        r.refusal.map((x) => x.code),
        bill.bill_id,
      ).toEqual(expectations[bill.bill_id] ? [expectations[bill.bill_id]] : []);
    }
    expect(world.scenarios.find((s) => s.key === 'wi-device')!.bill_ids).toContain('BILL-PROSTHESIS');
  });

  it('sizes the catalog by flag: 300,000 rows with unique codes for benchmarks, the curated head always present', () => {
    const big = demoWorld({ seed: 'bench', today: TODAY, catalogSize: 300_000 });
    expect(big.catalog).toHaveLength(300_000);
    expect(big.wi_catalog).toHaveLength(75_000);
    expect(new Set(big.catalog.map((c) => c.code)).size).toBe(300_000);
    expect(big.catalog.slice(0, 35).map((c) => c.code)).toEqual(
      world.catalog.slice(0, 35).map((c) => c.code),
    );
    expect(() => demoWorld({ seed: 'x', today: '2026-02-30' })).toThrow(RangeError);
    expect(() => demoWorld({ seed: 'x', today: TODAY, catalogSize: 0 })).toThrow(RangeError);
  });
});
