// `npm run audit:verify` on an export: intact, then one entry altered (named), one removed (the next
// named), a line that is not JSON.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, canonicalJson, chainEntry } from '../shared/audit';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-audit-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const sha256 = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

async function exportOf(n: number): Promise<string[]> {
  const lines: string[] = [];
  let prev = AUDIT_GENESIS;
  for (let id = 1; id <= n; id++) {
    const e = chainEntry(
      {
        id,
        at: '2026-06-30T02:00:00.000Z',
        kind: 'cancel.committed',
        local_setl_id: `L${id}`,
        opter: 'cashier01',
        detail: { refund_cash: `${id}.00` },
      },
      prev,
      sha256,
    );
    lines.push(canonicalJson(e));
    prev = e.hash;
  }
  return lines;
}

function verify(lines: string[]) {
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.jsonl`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'verify-audit.ts'), file],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('audit:verify', () => {
  it('says an intact export is intact, with its count and last hash', async () => {
    const lines = await exportOf(6);
    const r = verify(lines);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(
      `intact: 6 entries, last hash ${(JSON.parse(lines[5]!) as { hash: string }).hash}`,
    );
  });
  it('names the altered entry, the one after a removed entry, a line that is not JSON', async () => {
    const lines = await exportOf(6);
    const altered = [...lines];
    altered[3] = altered[3]!.replace('"4.00"', '"0.04"');
    expect(verify(altered)).toMatchObject({
      status: 1,
      out: expect.stringContaining('broken at entry 4 (hash)'),
    });
    const removed = lines.filter((_, i) => i !== 2);
    expect(verify(removed)).toMatchObject({
      status: 1,
      out: expect.stringContaining('broken at entry 4 (sequence)'),
    });
    expect(verify([lines[0]!, '{oops'])).toMatchObject({
      status: 1,
      out: expect.stringContaining('line 2: not JSON'),
    });
  });
});
