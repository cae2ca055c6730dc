// A cancel line read back (restore.ts): what cancelEntry wrote comes back as the same cancel; a body
// that is not one of its lines still cancels, as `other`, saying what was wrong.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../shared/station-api';
import type { CancelRecord, SettlementRow } from '../db';
import { cancelEntry, cancelFromEntry, correctionEntry, noteEntry, resolutionFromEntry } from './entries';

const cancel: CancelRecord = {
  reason_code: 'wrong_person',
  reason_text: '刷错了卡',
  opter: 'cashier-02',
  approved_by: { id: 'sup-01', name: '王主管', at: '2026-12-04T09:30:00+08:00' },
  cancelled_at: '2026-12-04T09:31:05+08:00',
  status_before: 'confirmed',
  platform: 'cancelled',
  reversal: null,
  answered_at: '2026-12-04T09:31:06+08:00',
  refusal: null,
  resolved_at: null,
  resolution: null,
};
const row = { local_setl_id: '01JDZ8Q1N2V3W4X5Y6Z7A8B9C0', cancel } as unknown as SettlementRow;
const asLine = (body: Record<string, unknown>) =>
  ({ kind: 'cancel', id: row.local_setl_id, at: '2026-12-04T01:31:05.000Z', body }) as Extract<
    JournalEntry,
    { kind: 'cancel' }
  >;

describe('a cancel line read back', () => {
  it('gives the cancel as it was made, waiting for the platform again', () => {
    const line = cancelEntry(row) as Extract<JournalEntry, { kind: 'cancel' }>;
    expect(cancelFromEntry(line)).toEqual({
      unreadable: null,
      cancel: { ...cancel, platform: 'pending', answered_at: null },
    });
  });

  it('a settlement the platform had rejected needs no 2305', () => {
    const line = cancelEntry({ ...row, cancel: { ...cancel, status_before: 'rejected' } });
    expect(cancelFromEntry(line as Extract<JournalEntry, { kind: 'cancel' }>).cancel.platform).toBe(
      'not_needed',
    );
  });

  it('a body it did not write still cancels, as other, and says what was wrong', () => {
    const { cancel: back, unreadable } = cancelFromEntry(
      asLine({ reason_code: 'whim', opter: 'cashier-09' }),
    );
    expect(unreadable).toMatch(/^reason_code: /);
    expect(back).toMatchObject({
      reason_code: 'other',
      opter: 'cashier-09',
      status_before: 'pending',
      platform: 'pending',
      cancelled_at: '2026-12-04T09:31:05+08:00',
    });
    expect(back.reason_text).toMatch(/^journal: reason_code/);
  });
});

describe('a resolution line read back', () => {
  type Line = Extract<JournalEntry, { kind: 'resolution' }>;
  it('a correction gives its record and the words the row had', () => {
    const correction = {
      kind: 'self_pay' as const,
      cash: '1234.50',
      opter: 'cashier-02',
      at: '2026-12-04T02:00:00.000Z',
      approved_by: { id: 'sup-01', name: '王主管', at: '2026-12-04T01:59:30.000Z' },
    };
    const line = correctionEntry({ ...row, correction, resolution: '转全自费' } as SettlementRow) as Line;
    expect(resolutionFromEntry(line)).toEqual({
      on: 'settlement',
      resolved_at: correction.at,
      resolution: '转全自费',
      correction,
    });
  });

  it('a note, on the settlement or on its refused cancel', () => {
    const at = '2026-12-04T03:00:00.000Z';
    expect(
      resolutionFromEntry(noteEntry(row.local_setl_id, 'cancel', '已线下退款', 'sup-01', at) as Line),
    ).toEqual({
      on: 'cancel',
      resolved_at: at,
      resolution: '已线下退款',
    });
  });

  it('a body of neither kind is not read', () => {
    expect(resolutionFromEntry({ ...asLine({}), kind: 'resolution' } as Line)).toBeNull();
  });
});
