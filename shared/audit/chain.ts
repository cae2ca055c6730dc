// The audit chain: every audit entry carries the SHA-256 of the entry before it (`prev`) and its own
// (`hash`), taken over the canonical JSON (canonical-json.ts) of its fields and `prev`. Changing,
// removing or reordering a stored entry breaks the chain at that entry or the next one, and the
// verifier names the first entry where it breaks. (Cutting entries off the end leaves a shorter chain
// that is still whole: the head hash and the count an auditor exported earlier are what show that.)
//
// shared/ has no crypto of its own: the caller passes the digest (@noble/hashes' synchronous SHA-256
// in the renderer, node:crypto in a script), as it passes the clock.
import { canonicalJson } from './canonical-json';

/** `prev` of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** The fields an entry's hash covers: all of them but the hash itself. */
export interface AuditFields {
  /** 1, 2, 3 … with no gap */
  id: number;
  at: string;
  kind: string;
  local_setl_id: string | null;
  /** who did it (an operator id), or null for the station itself (a platform answer) */
  opter: string | null;
  detail: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditFields {
  prev: string;
  hash: string;
}

/** lower-case hex SHA-256 of the UTF-8 text */
export type Sha256Hex = (text: string) => string | Promise<string>;
/** the same, synchronous: an entry is chained inside the IndexedDB transaction that read the one
 * before it, which must not wait for anything else */
export type Sha256HexSync = (text: string) => string;

/** The text an entry's hash is taken over. */
export function auditHashInput(fields: AuditFields, prev: string): string {
  const { id, at, kind, local_setl_id, opter, detail } = fields;
  return canonicalJson({ id, at, kind, local_setl_id, opter, detail, prev });
}

export function chainEntry(fields: AuditFields, prev: string, sha256: Sha256HexSync): ChainedAuditEntry {
  return { ...fields, prev, hash: sha256(auditHashInput(fields, prev)) };
}

export type ChainBreak =
  /** the entry's id is not the one after the previous entry's */
  | 'sequence'
  /** prev is not the previous entry's hash: something before it was removed or changed */
  | 'prev'
  /** the entry's own fields do not give its hash: it was changed */
  | 'hash'
  /** the entry has no hash at all, or not a well-formed one */
  | 'unhashed';

export type ChainVerdict =
  | { intact: true; count: number; head: string }
  | { intact: false; count: number; brokenAt: number; reason: ChainBreak };

const HEX64 = /^[0-9a-f]{64}$/;

/** Checks entries fed in id order, page by page (a station's log may not fit in memory at once). */
export function chainVerifier(sha256: Sha256Hex) {
  let count = 0;
  let head = AUDIT_GENESIS;
  let lastId = 0;
  let broken: ChainVerdict | null = null;
  return {
    /** false once the chain is broken (the rest need not be read) */
    async push(entry: Partial<ChainedAuditEntry> & { id: number }): Promise<boolean> {
      if (broken) return false;
      const fail = (reason: ChainBreak) => {
        broken = { intact: false, count, brokenAt: entry.id, reason };
        return false;
      };
      if (entry.id !== lastId + 1) return fail('sequence');
      if (typeof entry.hash !== 'string' || !HEX64.test(entry.hash) || typeof entry.prev !== 'string')
        return fail('unhashed');
      if (entry.prev !== head) return fail('prev');
      const fields = entry as ChainedAuditEntry;
      if ((await sha256(auditHashInput(fields, fields.prev))) !== entry.hash) return fail('hash');
      count++;
      head = entry.hash;
      lastId = entry.id;
      return true;
    },
    verdict(): ChainVerdict {
      return broken ?? { intact: true, count, head };
    },
  };
}
