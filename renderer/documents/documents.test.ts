// Golden tests of the settlement list's content for three settlements — a medical inpatient with
// diagnoses and an operation, a resident with serious illness, a work-injury device — as the text a
// reader sees (golden/*.txt, reviewed by hand; regenerate with `vitest -u` and read the diff), plus
// the rules behind the figures: the sections, the personal split, escaping, the itemised bill.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../shared/money';
import { settlementListModel } from '../../shared/settlement-docs';
import { goldenRecords, fixtureRecord } from '../../test/support/settlement-records';
import { itemisedHtml, settlementListHtml } from './documents';
import { MAX_ITEMISED_LINES } from './ItemisedDocument';

const ctx = { institutionName: '海南省人民医院', printedAt: '2025-06-30T03:00:00Z' };

/** The page as text, a table row to a line, cells apart by " | ". */
export function pageText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(td|th)>/g, ' | ')
    .replace(/<\/(tr|h1|h2|p|div|span|title)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim().replace(/ \|$/, ''))
    .filter(Boolean)
    .join('\n');
}

describe('the settlement list', () => {
  it.each(Object.entries(goldenRecords()))('%s: the content, as the golden file', async (name, record) => {
    const html = settlementListHtml(record, ctx);
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('@page{size:A4');
    expect(html).not.toMatch(/<script/i);
    await expect(pageText(html)).toMatchFileSnapshot(`golden/settlement-list-${name}.txt`);
  });

  it('prints the personal split as domain.md defines it, and the funds adding up', () => {
    for (const record of Object.values(goldenRecords())) {
      const m = settlementListModel(record);
      const s = record.result.setlinfo;
      expect(m.personal.psn_ownpay).toBe(s.fulamt_ownpay_amt);
      // 个人自付 + 个人自费 = 个人账户 + 个人现金 = what the person bears
      expect(new Decimal(m.personal.psn_selfpay).plus(m.personal.psn_ownpay).toFixed(2)).toBe(s.psn_part_amt);
      expect(new Decimal(s.acct_pay).plus(s.psn_cash_pay).toFixed(2)).toBe(s.psn_part_amt);
      const funds = m.funds.rows.reduce((sum, f) => sum.plus(f.fund_payamt), new Decimal(0));
      expect(funds.toFixed(2)).toBe(s.fund_pay_sumamt);
      expect(m.fees.total.amt).toBe(s.medfee_sumamt);
    }
  });

  it('escapes what the bill brought, and says when a settlement is not yet confirmed', () => {
    const record = fixtureRecord('01-worked-example', {
      psn_name: '<img src=x onerror=alert(1)>',
      encounter: {
        dept_name: '</td><script>x</script>',
        diseinfo: [{ diag_code: 'J18.900', diag_name: '"肺炎"&<b>', maindiag_flag: '1' }],
        oprninfo: [],
      },
    });
    const html = settlementListHtml(record, ctx);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pageText(html)).toContain('平台尚未确认');
    expect(pageText(html)).toContain('主要诊断 | J18.900 | "肺炎"&<b>');
  });

  it('has an English version from the same tables', () => {
    const text = pageText(settlementListHtml(goldenRecords()['medical-inpatient']!, { ...ctx, lang: 'en' }));
    expect(text).toContain('Medical Insurance Fund Settlement List');
    expect(text).toContain('employee pooled fund | 310100 | 38507.50');
    expect(text).not.toContain('基本信息');
  });
});

describe('the itemised bill', () => {
  it('shows each line with its class, category and self-pay and over-ceiling amounts, and the totals', async () => {
    const record = goldenRecords()['resident-serious-illness']!;
    const text = pageText(itemisedHtml(record, ctx));
    await expect(text).toMatchFileSnapshot('golden/itemised-resident-serious-illness.txt');
    const s = record.result.setlinfo;
    expect(text).toContain(
      `合计 | ${s.medfee_sumamt} | ${s.fulamt_ownpay_amt} | ${s.overlmt_selfpay} | ${s.preselfpay_amt} | ${s.inscp_scp_amt}`,
    );
  });

  it('refuses a bill too long to print line by line, in words', () => {
    const record = fixtureRecord('01-worked-example');
    const line = record.request.lines[0]!;
    const long = {
      ...record,
      request: { ...record.request, lines: Array.from({ length: MAX_ITEMISED_LINES + 1 }, () => line) },
    };
    expect(() => itemisedHtml(long, ctx)).toThrow(expect.objectContaining({ code: 'TOO_MANY_LINES' }));
  });
});
