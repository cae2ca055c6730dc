// SHA-256 as lower-case hex: the digest of the audit chain (shared/audit takes it as a parameter).
// Synchronous (@noble/hashes), not WebCrypto's: an audit entry is hashed inside the read-write
// transaction that reads the entry before it, and WebCrypto answers in a later task, which kept the
// commit's transaction open through Dexie.waitFor.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
