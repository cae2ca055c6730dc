// npm run audit:verify -- FILE
// The auditor's check of an audit export (the audit screen's "export", JSON lines): every line is an
// entry with its `prev` and `hash`; each hash must be the SHA-256 of the entry's canonical JSON
// (shared/audit) and each `prev` the hash of the line before. Prints the count and the last hash of
// an intact chain (compare it with one exported earlier: a chain cut short is still whole), or the
// first entry where it breaks, and exits 1 then. Reads line by line: a year's log need not fit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { chainVerifier } from '../shared/audit';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run audit:verify -- FILE.jsonl');
  process.exit(2);
}
const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));
const verifier = chainVerifier(sha256);
let line = 0;
try {
  for await (const text of createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  })) {
    line++;
    if (text.trim() === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      console.error(`line ${line}: not JSON`);
      process.exit(1);
    }
    const id = (entry as { id?: unknown }).id;
    if (typeof id !== 'number') {
      console.error(`line ${line}: no entry id`);
      process.exit(1);
    }
    if (!(await verifier.push(entry as { id: number }))) break;
  }
} catch (err) {
  console.error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  process.exit(2);
}
const v = verifier.verdict();
if (v.intact) {
  console.log(`intact: ${v.count} entries, last hash ${v.head}`);
} else {
  console.log(`broken at entry ${v.brokenAt} (${v.reason}); the ${v.count} entries before it are intact`);
  process.exit(1);
}
