// The four example files of docs/examples (scripts/make-bill-examples.ts writes them from one
// definition) each give the same bill: the same lines, encounter number and encounter data. 2301
// carries no item names (the national interface has none); everything else is equal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBillBytes, type BillImport } from './index';

const DIR = join(import.meta.dirname, '../../../../docs/examples');
const load = (name: string) => parseBillBytes(name, new Uint8Array(readFileSync(join(DIR, name))));
const withoutNames = (r: BillImport) => r.lines.map(({ name: _, ...l }) => l);

describe('the example bill in every format', () => {
  it('gives the same bill from CSV, JSON, 2301 JSON and XLSX (Chinese headers)', async () => {
    const [csv, json, feedetail, xlsx] = await Promise.all(
      ['bill.csv', 'bill.json', 'bill-2301.json', 'bill.xlsx'].map(load),
    );
    for (const r of [csv, json, feedetail, xlsx]) expect(r!.errors).toEqual([]);
    expect(csv!.kind).toBe('csv');
    expect(json!.kind).toBe('json');
    expect(feedetail!.kind).toBe('feedetail');
    expect(xlsx!.kind).toBe('xlsx');
    expect(csv!.lines).toHaveLength(11);
    expect(json!.lines).toEqual(csv!.lines);
    expect(xlsx!.lines).toEqual(csv!.lines);
    expect(withoutNames(feedetail!)).toEqual(withoutNames(csv!));
    for (const r of [json, feedetail, xlsx]) {
      expect(r!.mdtrt_id).toBe('ZY20260630001');
      expect(r!.encounter).toEqual(csv!.encounter);
    }
    expect(csv!.encounter).toEqual({
      adm_date: '2026-06-21',
      dscg_date: '2026-06-30',
      dept_codg: 'A03.06',
      dept_name: '呼吸内科',
      dr_codg: 'D0107',
      dr_name: '王明',
      diseinfo: [
        { diag_code: 'J18.900', diag_name: '肺炎', maindiag_flag: '1' },
        { diag_code: 'I10.x00', diag_name: '原发性高血压', maindiag_flag: '0' },
        { diag_code: 'E11.900', diag_name: '2型糖尿病', maindiag_flag: '0' },
      ],
      oprninfo: [
        { oprn_oprt_code: '33.2200', oprn_oprt_name: '纤维支气管镜检查', oprn_oprt_date: '2026-06-23' },
      ],
    });
    // the lines carry their charge category and the meal line its fee kind
    expect(csv!.lines[1]).toMatchObject({ med_chrgitm_type: '07', det_item_fee_sumamt: '252.00' });
    expect(csv!.lines[10]).toMatchObject({ fee_kind: 'meal', med_chrgitm_type: '14' });
    expect(feedetail).toMatchObject({ psn_no: '46000000000000000001', med_type: '21' });
  });
});
