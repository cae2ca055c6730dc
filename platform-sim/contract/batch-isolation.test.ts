// One bad settlement never blocks an 8201 batch (issue 10, finding 2): a database failure inside one
// settlement's transaction rolls back that settlement alone and the batch answers the others, HTTP
// 200; the amount limit is exactly what the platform's columns hold; and, as a property, any mix of
// good settlements and settlements the schemas refuse answers every good one `confirmed` and every
// bad one `rejected`.

import fc from 'fast-check';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import type { UploadResult, UploadSettlementInput } from '../../shared/protocol';
import { MAX_STORED_AMOUNT } from '../../shared/protocol';
import { Decimal } from '../../shared/money';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { billById, settleablePeople, syntheticBill, uploadFor } from '../test-support';
import { HOSPITAL, STATIONS, backends, clientOptions, rawUpload, startTestPlatform } from './harness';

const A = STATIONS[0].id;
const codeOf = (r: UploadResult) => (r.outcome === 'rejected' ? r.reasons[0]?.code : undefined);

// A settlement the schemas refuse, one way per entry (each a finding of the issue or its kin).
const SPOILERS: [string, (s: UploadSettlementInput) => unknown][] = [
  ['NUL in mdtrt_id', (s) => ({ ...s, mdtrt_id: `${s.mdtrt_id}\u0000` })],
  [
    'control character in a line name',
    (s) => ({
      ...s,
      request: {
        ...s.request,
        lines: s.request.lines.map((l, i) => (i === 0 ? { ...l, name: 'x\u0007' } : l)),
      },
    }),
  ],
  ['DEL in opter', (s) => ({ ...s, opter: 'c\u007f' })],
  [
    'a total beyond numeric(16,2)',
    (s) => ({
      ...s,
      request: {
        ...s.request,
        lines: [
          ...s.request.lines,
          {
            ...s.request.lines[0]!,
            feedetl_sn: 'X',
            cnt: '1',
            pric: '99999999999999',
            det_item_fee_sumamt: '99999999999999',
          },
        ],
      },
    }),
  ],
  ['no mdtrt_id', ({ mdtrt_id: _m, ...s }) => s],
  [
    'psn_no over 64 characters',
    (s) => ({ ...s, request: { ...s.request, person: { ...s.request.person, psn_no: 'P'.repeat(65) } } }),
  ],
  ['settled_at without an offset', (s) => ({ ...s, settled_at: s.settled_at.slice(0, 19) })],
  ['a malformed local_setl_id', (s) => ({ ...s, local_setl_id: `${s.local_setl_id} x` })],
  ['an unknown field', (s) => ({ ...s, extra: 1 })],
  ['a stay part 0', (s) => ({ ...s, request: { ...s.request, stay: { part: 0 } } })],
];

describe.each(backends())('8201 batch isolation on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, { catalogSize: 400 });
    client = createPlatformClient(clientOptions(platform));
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  it('rolls back a settlement whose transaction fails and answers the rest of the batch, HTTP 200', async () => {
    // A real database failure inside the settlement's transaction, after its claim and accumulator lock.
    await platform.db.exec(`
      CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.local_setl_id LIKE 'POISON%' AND NEW.outcome <> 'pending' THEN
          -- The person's record (ID number, name) in the error: the upload itself is stored compressed.
          RAISE EXCEPTION 'poisoned % %', (SELECT person_json FROM people WHERE psn_no = NEW.psn_no), NEW.upload_json
            USING ERRCODE = '22000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER poison BEFORE UPDATE ON settlements FOR EACH ROW EXECUTE FUNCTION poison();
    `);
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '));
    });
    try {
      const w = platform.world;
      const poisonBill = billById(w, 'BILL-PNEUMONIA');
      const before = await admin.accumulators(poisonBill.psn_no, 2026);
      const batch = [
        uploadFor(w, billById(w, 'BILL-LOCAL'), { stationId: A }),
        uploadFor(w, poisonBill, { stationId: A, localSetlId: 'POISON-1' }),
        uploadFor(w, billById(w, 'BILL-REFERRAL'), { stationId: A }),
      ];
      const { status: http, results } = await rawUpload(platform, await client.signIn(), batch);
      expect(http).toBe(200);
      expect(results.map((x) => x.outcome)).toEqual(['confirmed', 'rejected', 'confirmed']);
      expect(codeOf(results[1]!)).toBe('SETTLEMENT_FAILED');
      // Rolled back alone: no claim left, the person's accumulators untouched, the others stored.
      const [{ n }] = await platform.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM settlements WHERE local_setl_id = 'POISON-1'",
      );
      expect(n).toBe(0);
      expect(await admin.accumulators(poisonBill.psn_no, 2026)).toEqual(before);
      const status = await client.call('8202', {
        data: { local_setl_ids: batch.map((s) => s.local_setl_id) },
      });
      expect(status.results.map((x) => x.outcome)).toEqual(['confirmed', 'unknown', 'confirmed']);
      // The log says what failed without the settlement's data (the trigger quoted the person's record).
      const person = w.people.find((p) => p.person.psn_no === poisonBill.psn_no)!.person;
      const log = logged.join('\n');
      expect(log).toContain('SQLSTATE 22000');
      expect(log).not.toContain(person.certno);
      expect(log).not.toContain(person.psn_name);
    } finally {
      spy.mockRestore();
      await platform.db.exec('DROP TRIGGER poison ON settlements; DROP FUNCTION poison();');
    }
  });

  it(`stores amounts up to ${MAX_STORED_AMOUNT}: the schema's limit is the amount columns' range`, async () => {
    const cols = await platform.db.query<{
      column_name: string;
      numeric_precision: number;
      numeric_scale: number;
    }>(
      `SELECT column_name, numeric_precision, numeric_scale FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'settlements' AND data_type = 'numeric' ORDER BY column_name`,
    );
    expect(cols.map((c) => c.column_name)).toEqual([
      'acct_pay',
      'fund_pay_sumamt',
      'hifp_pay',
      'medfee_sumamt',
    ]);
    for (const c of cols) {
      const max = new Decimal(10)
        .pow(c.numeric_precision - c.numeric_scale)
        .minus(new Decimal(10).pow(-c.numeric_scale));
      expect(max.toFixed(2), c.column_name).toBe(MAX_STORED_AMOUNT);
    }
    const w = platform.world;
    const person = settleablePeople(w).find((p) => p.scenario === null)!;
    const bill = syntheticBill(w, person, 1, HOSPITAL, 901);
    bill.lines[0] = {
      ...bill.lines[0]!,
      cnt: '1',
      pric: MAX_STORED_AMOUNT,
      det_item_fee_sumamt: MAX_STORED_AMOUNT,
    };
    const [res] = (
      await client.call('8201', { data: { settlements: [uploadFor(w, bill, { stationId: A })] } })
    ).results;
    expect(res!.outcome).toBe('confirmed');
    const stored = (await admin.settlements(person.person.psn_no)).settlements.find(
      (s) => s.local_setl_id === res!.local_setl_id,
    );
    expect(stored?.medfee_sumamt).toBe(MAX_STORED_AMOUNT);
  });

  it('property: any mix of good and schema-refused settlements → every good one confirmed, every bad one rejected, HTTP 200', async () => {
    const w = platform.world;
    const people = settleablePeople(w).filter((p) => p.scenario === null);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: 0, max: SPOILERS.length - 1 }), { nil: null }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (plan) => {
          run += 1;
          // Good settlements are computed as a station up to date would: from the platform's accumulators.
          const batch = await Promise.all(
            plan.map(async (spoil, i) => {
              const p = people[(run * 8 + i) % people.length]!;
              const current = await admin.accumulators(p.person.psn_no, 2026).catch(() => null);
              const up = uploadFor(w, syntheticBill(w, p, 6, HOSPITAL, run * 10 + i), {
                stationId: A,
                tweak: (r) => {
                  if (current) r.accumulators = { ...current.accumulators, year: 2026 } as never;
                },
              });
              return spoil === null ? up : SPOILERS[spoil]![1](up);
            }),
          );
          const { status: http, results } = await rawUpload(platform, await client.signIn(), batch);
          expect(http).toBe(200);
          expect(results.map((x) => x.outcome)).toEqual(
            plan.map((s) => (s === null ? 'confirmed' : 'rejected')),
          );
          for (const [i, s] of plan.entries())
            if (s !== null) expect(codeOf(results[i]!), SPOILERS[s]![0]).toBe('INVALID_INPUT');
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 120_000);
});
