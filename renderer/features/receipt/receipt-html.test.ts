import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../../../shared/settlement';
import type { SettlementRow } from '../../db';
import { receiptHtml } from './receipt-html';

const request = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../shared/settlement/fixtures/01-worked-example.request.json'),
    'utf8',
  ),
);

function row(status: SettlementRow['status'], setl_id: string | null): SettlementRow {
  return {
    local_setl_id: '01JTEST',
    psn_no: 'P1',
    certno: '110101196001011233',
    psn_name: '张<三>',
    scheme: 'medical',
    setl_type: 'inpatient',
    encounter_no: 'E1',
    station_id: 'S1',
    opter: 'c1',
    settled_at: '2025-06-30T02:00:00Z',
    settle_date: '2025-06-30',
    request: request as never,
    result: settle(request),
    data_versions: {},
    status,
    answered_at: null,
    setl_id,
    platform_result: null,
    differences: [],
    reasons: [],
    resolved_at: null,
    resolution: null,
  };
}

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../shared/settlement/fixtures/${name}.request.json`),
      'utf8',
    ),
  );

describe('receipt HTML', () => {
  it('names the mid-stay part and why an emergency settled without a valid filing (settle/v2)', () => {
    const part2 = fixture('11-mid-stay-part-2');
    const partRow = { ...row('pending', null), request: part2, result: settle(part2) };
    expect(receiptHtml(partRow, { institution: '医院', lang: 'zh-CN' })).toContain('中途结算 第2段');
    expect(receiptHtml(row('pending', null), { institution: '医院', lang: 'zh-CN' })).not.toContain(
      'data-stay-part',
    );
    const emergency = fixture('08-emergency-expired-filing');
    const result = settle(emergency);
    expect(result.emergency_waived?.length).toBeGreaterThan(0);
    const html = receiptHtml(
      { ...row('pending', null), request: emergency, result },
      { institution: '医院', lang: 'zh-CN' },
    );
    expect(html).toContain('急诊视同已备案');
    expect(html).toContain(result.emergency_waived![0]!.message);
    expect(receiptHtml(row('pending', null), { institution: '医院', lang: 'zh-CN' })).not.toContain(
      'data-emergency-waived',
    );
  });

  it('says pending until confirmed, then shows the platform id', () => {
    expect(receiptHtml(row('pending', null), { institution: '医院', lang: 'zh-CN' })).toContain('待平台确认');
    const confirmed = receiptHtml(row('confirmed', 'S0001'), { institution: '医院', lang: 'zh-CN' });
    expect(confirmed).toContain('平台已确认');
    expect(confirmed).toContain('S0001');
  });
  it('says settled offline when the pre-settlement had no answer, and only then', () => {
    const offline = {
      ...row('pending', null),
      presettle: { outcome: 'offline', reason: 'TIMEOUT' },
    } as const;
    expect(receiptHtml(offline, { institution: '医院', lang: 'zh-CN' })).toContain(
      '<div class="note offline" data-offline="true">离线结算：',
    );
    expect(receiptHtml(offline, { institution: 'H', lang: 'en' })).toContain('Settled offline');
    const agreed = {
      ...row('pending', null),
      presettle: { outcome: 'agreed', at: '2025-06-30T02:00:00Z' },
    } as const;
    expect(receiptHtml(agreed, { institution: '医院', lang: 'zh-CN' })).not.toContain('data-offline');
  });
  it('masks the ID number, escapes names, shows cash and the trace, in China time', () => {
    const html = receiptHtml(row('pending', null), { institution: '医院', lang: 'zh-CN' });
    expect(html).toContain('110101********1233');
    expect(html).not.toContain('110101196001011233');
    expect(html).toContain('张&lt;三&gt;'); // React escapes (the string builder wrote &#60;)
    expect(html).not.toContain('张<三>');
    expect(html).toContain('11492.50');
    expect(html).toContain('2025-06-30 10:00:00');
    expect(html).toContain('起付线');
    expect(html).toContain('住院号/门诊号: E1');
  });
  it('has an English version', () => {
    const html = receiptHtml(row('pending', null), { institution: 'H', lang: 'en' });
    expect(html).toContain('Pending platform confirmation');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Deductible');
    expect(html).not.toContain('起付线');
  });
});
