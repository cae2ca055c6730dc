// The watched bill folder on the real file system: what is offered (plain files that stopped
// changing), what is never offered or read (links, hidden and lock files, other extensions, names
// that leave the folder, files over the limit, a file swapped for a link after it was listed), chunked
// reads, the move to loaded/, and the same through the station host's channels and event.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BILL_INBOX_CHUNK_BYTES, type BillInboxStatus } from '../../../shared/station-api';
import { createRotatingLog } from '../logging';
import { bareStationHost } from '../../../test/support/bare-host';
import { createBillInbox, LOADED_DIR, type BillInbox } from './index';

const dirs: string[] = [];
const inboxes: BillInbox[] = [];
afterEach(() => {
  inboxes.splice(0).forEach((i) => i.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-'));
  dirs.push(d);
  return d;
};
function inboxAt(dir: string, maxBytes = 4 * 1024 * 1024): BillInbox {
  const inbox = createBillInbox({ dir, maxBytes, pollMs: 60_000 });
  inboxes.push(inbox);
  return inbox;
}
const names = (s: BillInboxStatus) => s.files.map((f) => f.name);
/** Two scans: a file is offered once it looked the same on both. */
const settle = async (inbox: BillInbox) => {
  await inbox.scan();
  await inbox.scan();
};

describe('the watched bill folder', () => {
  it('offers plain bill files once they stop changing, and nothing else', async () => {
    const root = tmp();
    const dir = path.join(root, 'inbox');
    fs.mkdirSync(dir);
    const outside = path.join(root, 'secret.csv');
    fs.writeFileSync(outside, 'code,cnt,pric\nA,1,1\n');
    fs.writeFileSync(path.join(dir, 'bill-1.csv'), 'code,cnt,pric\n');
    fs.writeFileSync(path.join(dir, 'bill-2.xlsx'), 'x');
    for (const n of ['.hidden.csv', '~$bill.xlsx', 'notes.docx', 'run.exe'])
      fs.writeFileSync(path.join(dir, n), 'x');
    fs.mkdirSync(path.join(dir, 'folder.csv'));
    fs.symlinkSync(outside, path.join(dir, 'link-out.csv'));
    fs.symlinkSync(path.join(dir, 'bill-1.csv'), path.join(dir, 'link-in.csv'));
    const inbox = inboxAt(dir);
    await inbox.scan();
    expect(names(inbox.status())).toEqual([]); // not yet seen twice
    await inbox.scan();
    expect(names(inbox.status()).sort()).toEqual(['bill-1.csv', 'bill-2.xlsx']);
    // a file still growing is held back until it stops
    fs.appendFileSync(path.join(dir, 'bill-1.csv'), 'A,1,1\n');
    await inbox.scan();
    expect(names(inbox.status())).toEqual(['bill-2.xlsx']);
    await inbox.scan();
    expect(names(inbox.status()).sort()).toEqual(['bill-1.csv', 'bill-2.xlsx']);
  });

  it('reads a file in chunks, byte for byte', async () => {
    const dir = tmp();
    const bytes = Buffer.alloc(BILL_INBOX_CHUNK_BYTES * 2 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    fs.writeFileSync(path.join(dir, 'big.csv'), bytes);
    const inbox = inboxAt(dir);
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await inbox.read('big.csv', offset);
      parts.push(Buffer.from(chunk.data, 'base64'));
      offset += Buffer.from(chunk.data, 'base64').length;
      if (chunk.done) break;
    }
    expect(parts).toHaveLength(3);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it.each([
    ['a link out of the folder', 'link-out.csv', /不是普通文件/],
    ['a link inside the folder', 'link-in.csv', /不是普通文件/],
    ['a name that climbs out', '../secret.csv', /名称不允许/],
    ['a name with a separator', 'sub/x.csv', /名称不允许/],
    ['a file over the limit', 'large.csv', /过大/],
    ['a file that is gone', 'gone.csv', /已不存在/],
    ['a hidden file', '.hidden.csv', /名称不允许/],
  ])('refuses to read %s', async (_what, name, message) => {
    const root = tmp();
    const dir = path.join(root, 'inbox');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'secret.csv'), 'secret');
    fs.writeFileSync(path.join(dir, 'sub', 'x.csv'), 'x');
    fs.writeFileSync(path.join(dir, 'in.csv'), 'x');
    fs.writeFileSync(path.join(dir, '.hidden.csv'), 'x');
    fs.writeFileSync(path.join(dir, 'large.csv'), Buffer.alloc(2048));
    fs.symlinkSync(path.join(root, 'secret.csv'), path.join(dir, 'link-out.csv'));
    fs.symlinkSync(path.join(dir, 'in.csv'), path.join(dir, 'link-in.csv'));
    const inbox = inboxAt(dir, 1024);
    await expect(inbox.read(name, 0)).rejects.toMatchObject({
      code: 'INBOX_FILE_REFUSED',
      message_zh: expect.stringMatching(message),
    });
  });

  it('moves a loaded bill to loaded/, a second one of the same name beside it', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.json'), '[]');
    const inbox = inboxAt(dir);
    await settle(inbox);
    expect(names(inbox.status())).toEqual(['a.json']);
    await inbox.archive('a.json');
    expect(names(inbox.status())).toEqual([]);
    fs.writeFileSync(path.join(dir, 'a.json'), '[1]');
    await inbox.archive('a.json');
    const loaded = fs.readdirSync(path.join(dir, LOADED_DIR)).sort();
    expect(loaded).toHaveLength(2);
    expect(loaded[0]).toMatch(/^a-\d+\.json$/);
    expect(loaded[1]).toBe('a.json');
  });

  it('says so when the folder cannot be read', async () => {
    const inbox = inboxAt(path.join(tmp(), 'missing'));
    await inbox.scan();
    expect(inbox.status()).toMatchObject({ configured: true, files: [], problem: { code: 'INBOX_ENOENT' } });
  });
});

describe('the watched folder through the station host', () => {
  const log = createRotatingLog({ dir: path.join(os.tmpdir(), `inbox-log-${process.pid}`) });
  const hostWith = (billInbox: BillInbox | null) => bareStationHost({ billInbox, log });

  it('lists nothing where no folder is configured, and refuses reads', async () => {
    const host = hostWith(null);
    await expect(host.dispatch('billInbox.list', {})).resolves.toEqual({
      ok: true,
      output: { configured: false, dir: null, files: [], problem: null },
    });
    await expect(host.dispatch('billInbox.read', { name: 'a.csv', offset: 0 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED' },
    });
  });

  it('offers a new file through the event, reads it, and refuses names that are paths', async () => {
    const dir = tmp();
    const inbox = inboxAt(dir);
    const host = hostWith(inbox);
    const events: unknown[] = [];
    host.subscribe((event, payload) => events.push([event, payload]));
    fs.writeFileSync(path.join(dir, 'bill.csv'), 'code,cnt,pric\nA01,1,1\n');
    await settle(inbox);
    expect(events).toEqual([
      [
        'billInbox.changed',
        expect.objectContaining({ files: [expect.objectContaining({ name: 'bill.csv' })] }),
      ],
    ]);
    const read = await host.dispatch('billInbox.read', { name: 'bill.csv', offset: 0 });
    expect(read).toMatchObject({ ok: true, output: { done: true, size: 22 } });
    for (const name of ['../bill.csv', '/etc/passwd', 'a\\b.csv', 'a\u0000.csv', '.env'])
      await expect(host.dispatch('billInbox.read', { name, offset: 0 })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    host.close();
  });
});
