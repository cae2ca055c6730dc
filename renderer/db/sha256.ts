// SHA-256 through WebCrypto, as lower-case hex: the digest of the audit chain (shared/audit takes it
// as a parameter). Inside a Dexie transaction, wrap the promise in Dexie.waitFor: WebCrypto answers
// in a later task, by which time IndexedDB would have committed an idle transaction.
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
