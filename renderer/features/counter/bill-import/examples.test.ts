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
    // the encounter as the station's JSON writes it out, field by field
    const written = JSON.parse(readFileSync(join(DIR, 'bill.json'), 'utf8')).encounter;
    expect(csv!.encounter).toEqual(written);
    expect(csv!.encounter!.diseinfo.map((d) => d.maindiag_flag)).toEqual(['1', '0', '0']);
    expect(csv!.encounter!.oprninfo[0]!.oprn_oprt_date).toBe('2026-06-23');
    // the lines carry their charge category and the meal line its fee kind
    expect(csv!.lines[1]).toMatchObject({ med_chrgitm_type: '07', det_item_fee_sumamt: '252.00' });
    expect(csv!.lines[10]).toMatchObject({ fee_kind: 'meal', med_chrgitm_type: '14' });
    expect(feedetail).toMatchObject({ psn_no: '46000000000000000001', med_type: '21' });
  });
});
