// Committed settlements for the documents' and exports' tests: a fixture request settled by the real
// engine, as the station stores it, with the encounter data a hospital system would hand over.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { settle } from '../../shared/settlement';
import type { EncounterInfo, SettlementRecord } from '../../shared/settlement-docs';
import { unanswered, type SettlementRow } from '../../renderer/db';
import { deviceRequest, loadRequest, type Req } from './settle-fixtures';

const dir = join(import.meta.dirname, '../../shared/settlement/fixtures');

/** Every example of shared/settlement/fixtures, by name (01-worked-example …). */
export const fixtureNames = (): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.request.json'))
    .map((f) => f.replace('.request.json', ''))
    .sort();

export function recordOf(
  request: Req,
  extra: Partial<Omit<SettlementRecord, 'request' | 'result'>> = {},
): SettlementRecord {
  return {
    local_setl_id: '01JZ8W3X4Y5Z6A7B8C9D0E1F2G',
    setl_id: null,
    status: 'pending',
    psn_no: request.person.psn_no,
    certno: request.person.certno,
    psn_name: request.person.psn_name,
    encounter_no: 'ZY20250630001',
    station_id: 'ST-TEST',
    opter: 'cashier01',
    settled_at: `${request.settle_date}T10:12:00+08:00`,
    settle_date: request.settle_date,
    request: request as SettlementRecord['request'],
    result: settle(request),
    ...extra,
  };
}

export const fixtureRecord = (name: string, extra: Partial<SettlementRecord> = {}) =>
  recordOf(loadRequest(name), extra);

export const PNEUMONIA_ENCOUNTER: EncounterInfo = {
  adm_date: '2025-06-20',
  dscg_date: '2025-06-30',
  dept_codg: 'A03.06',
  dept_name: '呼吸内科',
  dr_codg: 'D0107',
  dr_name: '王医生',
  diseinfo: [
    { diag_code: 'I10.x00', diag_name: '原发性高血压', maindiag_flag: '0' },
    { diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' },
  ],
  oprninfo: [{ oprn_oprt_code: '33.2200', oprn_oprt_name: '纤维支气管镜检查', oprn_oprt_date: '2025-06-22' }],
};

/** The three settlements of the settlement list's golden tests. */
export const goldenRecords = (): Record<string, SettlementRecord> => ({
  'medical-inpatient': fixtureRecord('01-worked-example', {
    encounter: PNEUMONIA_ENCOUNTER,
    status: 'confirmed',
    setl_id: 'SETL20250630000123',
  }),
  'resident-serious-illness': fixtureRecord('09-resident-serious-illness', {
    encounter_no: 'ZY20250701002',
    encounter: {
      adm_date: '2025-05-02',
      dscg_date: '2025-06-30',
      dept_name: '肿瘤科',
      dr_name: '李医生',
      diseinfo: [{ diag_code: 'C34.900', diag_name: '肺恶性肿瘤', maindiag_flag: '1' }],
      oprninfo: [
        { oprn_oprt_code: '32.4100x001', oprn_oprt_name: '胸腔镜下肺叶切除术', oprn_oprt_date: '2025-05-10' },
      ],
    },
  }),
  'work-injury-device': recordOf(
    {
      ...deviceRequest('08'),
      admission_date: undefined,
      // a lower-leg prosthesis above the insured place's limit of 3000.00: 200.00 over it
      lines: [
        {
          feedetl_sn: '1',
          med_list_codg: 'D-LEG-01',
          name: '小腿假肢',
          cnt: '1',
          pric: '3200',
          det_item_fee_sumamt: '3200.00',
        },
      ],
    },
    { encounter_no: 'MZ20250630003' },
  ),
});

/** A record as the station's database row (pending, not yet answered), with the given changes. */
export function settlementRow(record: SettlementRecord, extra: Partial<SettlementRow> = {}): SettlementRow {
  return {
    ...record,
    scheme: record.request.scheme,
    setl_type: record.request.setl_type,
    data_versions: {},
    ...unanswered(),
    setl_id: record.setl_id,
    ...extra,
  };
}
