// The audit chain's pure parts: the canonical JSON an entry is hashed over, chaining an entry to the
// one before it, and checking a chain.
export { canonicalJson, CanonicalJsonError } from './canonical-json';
export {
  AUDIT_GENESIS,
  auditHashInput,
  chainEntry,
  chainVerifier,
  type AuditFields,
  type ChainedAuditEntry,
  type ChainBreak,
  type ChainVerdict,
  type Sha256Hex,
  type Sha256HexSync,
} from './chain';
