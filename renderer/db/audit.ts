// The audit log as a hash chain (shared/audit): every action appended with the hash of the entry
// before it. Appending reads the last entry and adds the next one inside one read-write transaction
// over the audit store, so IndexedDB runs the appends of every tab one after another, and the unique
// index on `prev` (schema version 4) refuses a second entry after the same one even if that ever
// failed: the chain cannot fork. The hash is synchronous (sha256.ts), so nothing outside IndexedDB is
// awaited while the transaction is open.
import {
  AUDIT_GENESIS,
  canonicalJson,
  chainEntry,
  chainVerifier,
  type ChainVerdict,
} from '../../shared/audit';
import { sha256Hex } from './sha256';
import type { StationDb } from './station-db';
import type { AuditRow } from './types';

export interface AuditInput {
  at: string;
  kind: string;
  local_setl_id?: string | null;
  /** who did it; null for the station itself */
  opter: string | null;
  detail: Record<string, unknown>;
}

/** Appends inside the caller's read-write transaction, which must include db.audit. */
export async function appendAudit(db: StationDb, input: AuditInput): Promise<AuditRow> {
  return appendAuditAfter(db, input, await lastAudit(db));
}

/** The chain's last entry (read it in the transaction that appends after it). */
export function lastAudit(db: StationDb): Promise<AuditRow | undefined> {
  return db.audit.orderBy('id').last();
}

/** appendAudit with the last entry already read in the same transaction (with the caller's other
 * reads, to save a round trip). */
export async function appendAuditAfter(
  db: StationDb,
  input: AuditInput,
  last: AuditRow | undefined,
): Promise<AuditRow> {
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: input.at,
    kind: input.kind,
    local_setl_id: input.local_setl_id ?? null,
    opter: input.opter,
    // what is stored is what was hashed: a member left out by the canonical form is not kept either
    detail: JSON.parse(canonicalJson(input.detail)) as Record<string, unknown>,
  };
  const row: AuditRow = chainEntry(fields, last?.hash ?? AUDIT_GENESIS, sha256Hex);
  await db.audit.add(row);
  return row;
}

/** Appends in a transaction of its own (an action with nothing else to write: sign-in, reprint …). */
export function recordAudit(db: StationDb, input: AuditInput): Promise<AuditRow> {
  return db.transaction('rw', db.audit, () => appendAudit(db, input));
}

export type AuditVerdict = ChainVerdict & { broken?: AuditRow };

/** Checks the whole chain, a page at a time; names the first entry where it breaks. */
export async function verifyAudit(db: StationDb, pageSize = 1000): Promise<AuditVerdict> {
  const verifier = chainVerifier(sha256Hex);
  let after = 0;
  for (;;) {
    const page = await db.audit.where('id').above(after).limit(pageSize).toArray();
    for (const row of page) {
      if (!(await verifier.push(row))) {
        const verdict = verifier.verdict();
        return { ...verdict, broken: row };
      }
    }
    if (page.length < pageSize) return verifier.verdict();
    after = page.at(-1)!.id;
  }
}

/** The auditor's copy: one entry per line, each the canonical JSON of the stored entry with its
 * `prev` and `hash`, oldest first — so any SHA-256 tool can check it line by line. */
export async function exportAudit(db: StationDb, pageSize = 1000): Promise<{ text: string; count: number }> {
  const lines: string[] = [];
  let after = 0;
  for (;;) {
    const page = await db.audit.where('id').above(after).limit(pageSize).toArray();
    for (const row of page) lines.push(canonicalJson(row));
    if (page.length < pageSize) break;
    after = page.at(-1)!.id;
  }
  return { text: lines.map((l) => `${l}\n`).join(''), count: lines.length };
}
