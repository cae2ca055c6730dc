// The watched bill folder (docs/bill-import.md, "Watched folder"): the hospital system drops bill
// files into a folder configured for this counter; the host offers the ones that have stopped
// changing, reads one in chunks when the cashier loads it, and moves a loaded one to `loaded/`.
//
// What it never does: follow a link (a symbolic link, or a name with a separator, could lead out of
// the folder — links are not offered and are refused when read, opened with O_NOFOLLOW where the
// system has it and checked to be the very file listed), read a file larger than the limit, or offer
// a file still being written (its size and time must be the same on two scans in a row).
// The folder is polled: fs.watch misses changes on network shares, where HIS exports often land.
import fs from 'node:fs';
import path from 'node:path';
import { codedError, type MessageTable } from '../../../shared/errors';
import {
  BILL_INBOX_CHUNK_BYTES,
  billInboxNameSchema,
  type BillInboxChunk,
  type BillInboxFile,
  type BillInboxStatus,
} from '../../../shared/station-api';

/** The files a bill can be (docs/bill-import.md). */
const BILL_EXTENSIONS = /\.(csv|json|xlsx|txt)$/i;
export const LOADED_DIR = 'loaded';
const MAX_OFFERED = 500;

export const BILL_INBOX_ERROR_MESSAGES = {
  NAME_NOT_ALLOWED: {
    zh: '账单文件「{{name}}」名称不允许',
    en: 'Bill file "{{name}}" has a name that is not allowed',
  },
  GONE: { zh: '账单文件「{{name}}」已不存在', en: 'Bill file "{{name}}" is no longer there' },
  NOT_PLAIN_FILE: {
    zh: '账单文件「{{name}}」不是普通文件（链接不读取）',
    en: 'Bill file "{{name}}" is not a plain file (links are not read)',
  },
  REPLACED: {
    zh: '账单文件「{{name}}」在读取时被替换',
    en: 'Bill file "{{name}}" was replaced while it was being opened',
  },
  TOO_LARGE: {
    zh: '账单文件「{{name}}」过大（{{size}} 字节，上限 {{max}}）',
    en: 'Bill file "{{name}}" is too large ({{size}} bytes, at most {{max}})',
  },
} as const satisfies MessageTable<string>;

/** Every reason is INBOX_FILE_REFUSED: the file is not read. */
export class BillInboxError extends codedError(
  'BillInboxError',
  BILL_INBOX_ERROR_MESSAGES,
  'INBOX_FILE_REFUSED',
) {}

export interface BillInboxOptions {
  dir: string;
  maxBytes: number;
  pollMs?: number;
  now?: () => Date;
}

export interface BillInbox {
  status(): BillInboxStatus;
  read(name: string, offset: number): Promise<BillInboxChunk>;
  archive(name: string): Promise<void>;
  onChange(listener: (status: BillInboxStatus) => void): () => void;
  /** one scan now (the poll does this every pollMs) */
  scan(): Promise<void>;
  close(): void;
}

const refusedFile = (
  reason: keyof typeof BILL_INBOX_ERROR_MESSAGES,
  name: string,
  values: Record<string, number> = {},
) => new BillInboxError(reason, { values: { name, ...values } });

export function isOfferableName(name: string): boolean {
  return billInboxNameSchema.safeParse(name).success && BILL_EXTENSIONS.test(name);
}

export function createBillInbox(options: BillInboxOptions): BillInbox {
  const { dir, maxBytes } = options;
  const listeners = new Set<(s: BillInboxStatus) => void>();
  let previous = new Map<string, string>(); // name → size:mtime of the last scan
  let current: BillInboxStatus = { configured: true, dir, files: [], problem: null };
  let scanning: Promise<void> | null = null;

  const publish = (next: BillInboxStatus) => {
    const changed = JSON.stringify(next) !== JSON.stringify(current);
    current = next;
    if (changed) for (const l of listeners) l(next);
  };

  async function scanOnce(): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      previous = new Map();
      return publish({
        configured: true,
        dir,
        files: [],
        problem: {
          code: `INBOX_${code}`,
          message_zh: `无法读取账单文件夹（${code}）`,
          message_en: `The bill folder cannot be read (${code})`,
        },
      });
    }
    const seen = new Map<string, string>();
    const files: BillInboxFile[] = [];
    for (const e of entries) {
      // a link is never offered, whatever it points at; only plain files with a bill's extension
      if (!e.isFile() || !isOfferableName(e.name)) continue;
      let st: fs.Stats;
      try {
        st = await fs.promises.lstat(path.join(dir, e.name));
      } catch {
        continue; // gone between the listing and the look
      }
      if (!st.isFile()) continue;
      const stamp = `${st.size}:${st.mtimeMs}`;
      seen.set(e.name, stamp);
      // offered once it has stopped changing: the same size and time as on the last scan
      if (previous.get(e.name) === stamp)
        files.push({ name: e.name, size: st.size, modifiedAt: st.mtime.toISOString() });
    }
    previous = seen;
    files.sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt) || a.name.localeCompare(b.name));
    publish({ configured: true, dir, files: files.slice(0, MAX_OFFERED), problem: null });
  }

  const scan = () => (scanning ??= scanOnce().finally(() => (scanning = null)));
  const timer = setInterval(() => void scan(), options.pollMs ?? 2000);
  timer.unref?.();

  /** The file of an offered name, opened without following a link and checked to be that file. */
  async function openChecked(name: string): Promise<{ handle: fs.promises.FileHandle; stat: fs.Stats }> {
    if (!isOfferableName(name)) throw refusedFile('NAME_NOT_ALLOWED', name.slice(0, 60));
    const file = path.join(dir, name);
    const before = await fs.promises.lstat(file).catch(() => null);
    if (!before) throw refusedFile('GONE', name);
    if (!before.isFile()) throw refusedFile('NOT_PLAIN_FILE', name);
    const noFollow = fs.constants.O_NOFOLLOW ?? 0;
    const handle = await fs.promises.open(file, fs.constants.O_RDONLY | noFollow);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.ino !== before.ino || stat.dev !== before.dev)
        throw refusedFile('REPLACED', name);
      if (stat.size > maxBytes) throw refusedFile('TOO_LARGE', name, { size: stat.size, max: maxBytes });
      return { handle, stat };
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  return {
    status: () => current,
    scan,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async read(name, offset) {
      const { handle, stat } = await openChecked(name);
      try {
        const start = Math.min(offset, stat.size);
        const length = Math.min(BILL_INBOX_CHUNK_BYTES, stat.size - start);
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, start);
        return {
          name,
          size: stat.size,
          modifiedAt: stat.mtime.toISOString(),
          offset: start,
          data: buffer.subarray(0, bytesRead).toString('base64'),
          done: start + bytesRead >= stat.size,
        };
      } finally {
        await handle.close();
      }
    },
    async archive(name) {
      const { handle } = await openChecked(name);
      await handle.close();
      const loaded = path.join(dir, LOADED_DIR);
      await fs.promises.mkdir(loaded, { recursive: true, mode: 0o700 });
      const ext = path.extname(name);
      let target = path.join(loaded, name);
      if (fs.existsSync(target))
        target = path.join(
          loaded,
          `${path.basename(name, ext)}-${(options.now?.() ?? new Date()).getTime()}${ext}`,
        );
      await fs.promises.rename(path.join(dir, name), target);
      await scan();
    },
    close() {
      clearInterval(timer);
      listeners.clear();
    },
  };
}
