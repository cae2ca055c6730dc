// The platform's data a batch of settlements is recomputed from (recompute.ts `PlatformData`), read
// with one statement per table for the whole batch instead of a dozen per settlement (the profile in
// docs/platform.md). The view also moves with the batch: once a settlement of the batch is settled,
// `record()` applies it (the person's accumulators become its accumulators_after, its encounter part
// is taken and readable as an earlier part), so the next settlement of the same person or stay sees
// it exactly as it would after a commit.

import type { DemoPolicy } from '../../shared/demo-world';
import type { DatasetRow } from '../../shared/protocol';

type FilingRow = DatasetRow<'filings'>;
import type { Accumulators, SettleRequestInput } from '../../shared/settlement';
import type { Queryable } from '../db/database';
import type { StoredRow } from '../db/datasets';
import type { CatalogEntry, PlatformData, RecomputeInput, WiCatalogEntry } from './recompute';
import { accumulatorsKey, encounterKey } from './recompute';
import type { PartRow } from './stay';

type Person = SettleRequestInput['person'];
type Institution = SettleRequestInput['institution'];

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

const SETTLED_PART = `s.cancelled_at IS NULL AND s.outcome IN ('confirmed', 'discrepancy')`;

export class BatchData implements PlatformData {
  private readonly people = new Map<string, Person>();
  private readonly institutions = new Map<string, Institution>();
  private readonly filingRows = new Map<string, StoredRow<FilingRow>[]>();
  private readonly policyRows = new Map<string, DemoPolicy[]>();
  private readonly catalog = new Map<string, CatalogEntry>();
  private readonly wiCatalog = new Map<string, WiCatalogEntry>();
  private readonly acc = new Map<string, Accumulators>();
  private readonly partRows = new Map<string, PartRow[]>();
  private readonly taken = new Set<string>();

  person = (psnNo: string) => this.people.get(psnNo);
  institution = (code: string) => this.institutions.get(code);
  filings = (psnNo: string) => this.filingRows.get(psnNo) ?? [];
  policies = (admdvs: string) => this.policyRows.get(admdvs) ?? [];
  catalogEntry = (code: string) => this.catalog.get(code);
  wiCatalogEntry = (code: string) => this.wiCatalog.get(code);
  accumulators = (psnNo: string, year: number): Accumulators =>
    this.acc.get(accumulatorsKey(psnNo, year)) ?? ({ year } as Accumulators);
  parts = (encounter: string) => this.partRows.get(encounter) ?? [];
  encounterTaken = (encounter: string, part: number) => this.taken.has(`${encounter}#${part}`);

  /** Everything but the accumulators, for these settlements: 7 statements whatever the batch size. */
  static async load(q: Queryable, inputs: readonly RecomputeInput[]): Promise<BatchData> {
    const d = new BatchData();
    const requests = inputs.map((i) => i.upload.request);
    const psnNos = [...new Set(requests.map((r) => r.person.psn_no))];
    const codes = [...new Set(requests.map((r) => r.institution.fixmedins_code))];
    const medical = new Set<string>();
    const wi = new Set<string>();
    for (const r of requests)
      if (r.scheme === 'medical') for (const l of r.lines) medical.add(l.med_list_codg);
      else if (r.setl_type !== 'device') for (const l of r.lines) wi.add(l.med_list_codg);
    const encounters = [...new Set(inputs.map((i) => encounterKey(i.fixmedinsCode, i.upload.mdtrt_id)))];

    const people = await q.query<{ psn_no: string; person_json: string }>(
      'SELECT psn_no, person_json FROM people WHERE psn_no = ANY($1::text[])',
      [psnNos],
    );
    for (const p of people) d.people.set(p.psn_no, (JSON.parse(p.person_json) as { person: Person }).person);
    const admdvs = [...new Set([...d.people.values()].map((p) => p.insuplc_admdvs))];

    const rows = await q.query<{
      dataset: string;
      key: string;
      ver: number;
      ref: string | null;
      deleted: boolean;
      row_json: string;
    }>(
      `SELECT dataset, key, ver, ref, deleted, row_json FROM dataset_rows
        WHERE (dataset = 'institutions' AND key = ANY($1::text[]) AND NOT deleted)
           OR (dataset = 'filings' AND ref = ANY($2::text[]))
           OR (dataset = 'policies' AND ref = ANY($3::text[]) AND NOT deleted)
           OR (dataset = 'catalog' AND key = ANY($4::text[]) AND NOT deleted)
           OR (dataset = 'wi_catalog' AND key = ANY($5::text[]) AND NOT deleted)
        ORDER BY dataset, key`,
      [codes, psnNos, admdvs, [...medical], [...wi]],
    );
    for (const r of rows) {
      const row = JSON.parse(r.row_json) as Record<string, unknown>;
      if (r.dataset === 'institutions') d.institutions.set(r.key, row.institution as Institution);
      else if (r.dataset === 'filings')
        push(d.filingRows, r.ref ?? '', {
          key: r.key,
          ver: Number(r.ver),
          deleted: Boolean(r.deleted),
          row: row as unknown as FilingRow,
        });
      else if (r.dataset === 'policies') push(d.policyRows, r.ref ?? '', row.policy as DemoPolicy);
      else if (r.dataset === 'catalog') d.catalog.set(r.key, row.entry as CatalogEntry);
      else d.wiCatalog.set(r.key, row.entry as WiCatalogEntry);
    }

    const parts = await q.query<PartRow & { encounter_key: string; settled: boolean }>(
      `SELECT e.encounter_key, e.stay_part, s.psn_no, s.settle_date, s.acc_before_json, s.platform_result_json,
              (s.local_setl_id IS NOT NULL AND ${SETTLED_PART}) AS settled
         FROM encounters e LEFT JOIN settlements s ON s.local_setl_id = e.local_setl_id
        WHERE e.encounter_key = ANY($1::text[])`,
      [encounters],
    );
    for (const p of parts) {
      d.taken.add(`${p.encounter_key}#${Number(p.stay_part)}`);
      if (p.settled) push(d.partRows, p.encounter_key, p);
    }
    return d;
  }

  /** The accumulators rows of these people and years, as stored. With `lock`, each row is created
   * empty when missing and locked FOR UPDATE, in key order (so concurrent batches cannot deadlock on
   * them, and two first settlements of a person in a new year still serialise on the row). */
  async loadAccumulators(
    q: Queryable,
    wanted: readonly { psnNo: string; year: number }[],
    lock: boolean,
  ): Promise<void> {
    const byKey = new Map(wanted.map((w) => [accumulatorsKey(w.psnNo, w.year), w]));
    const sorted = [...byKey.keys()].sort();
    if (sorted.length === 0) return;
    if (lock)
      await q.query(
        `INSERT INTO dataset_rows (dataset, key, ver, deleted, ref, row_json)
         SELECT 'accumulators', k, 0, false, p,
                json_build_object('key', k, 'psn_no', p, 'accumulators', json_build_object('year', y))::text
           FROM unnest($1::text[], $2::text[], $3::int[]) AS t(k, p, y) ORDER BY k
         ON CONFLICT (dataset, key) DO NOTHING`,
        [sorted, sorted.map((k) => byKey.get(k)?.psnNo), sorted.map((k) => byKey.get(k)?.year)],
      );
    const rows = await q.query<{ key: string; deleted: boolean; row_json: string }>(
      `SELECT key, deleted, row_json FROM dataset_rows WHERE dataset = 'accumulators' AND key = ANY($1::text[])
        ORDER BY key${lock ? ' FOR UPDATE' : ''}`,
      [sorted],
    );
    for (const r of rows)
      if (!r.deleted)
        this.acc.set(r.key, (JSON.parse(r.row_json) as { accumulators: Accumulators }).accumulators);
  }

  /** A settlement of the batch settled: later ones of the same person and stay build on it. */
  record(
    s: { encounter: string; part: number; accKey: string; psnNo: string; settleDate: string },
    accBefore: Accumulators,
    platformResultJson: string,
    accumulatorsAfter: Accumulators,
  ): void {
    this.acc.set(s.accKey, accumulatorsAfter);
    this.taken.add(`${s.encounter}#${s.part}`);
    push(this.partRows, s.encounter, {
      stay_part: s.part,
      psn_no: s.psnNo,
      settle_date: s.settleDate,
      acc_before_json: JSON.stringify(accBefore),
      platform_result_json: platformResultJson,
    });
  }
}
