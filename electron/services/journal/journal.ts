// The station's durable settlement journal (docs/sync.md, "Journal"): an append-only file in the
// station's data folder, one checksummed line per committed settlement, cancel, resolution and
// platform answer. IndexedDB in the renderer is the working copy; the journal is what survives a
// cleared browser profile, a second browser or a corrupted database, so a line is on disk (fsync)
// before `append` resolves and the counter shows 已结算.
//
// Appends are serialised: one write + datasync at a time, in call order, so a line is never
// interleaved with another and `seq` follows the file order. A failed write (disk full, permissions)
// cuts the file back to where it was, so a half-written line never stays in front of the next one.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  journalEntrySchema,
  type JournalEntry,
  type JournalIndexRow,
  type JournalStatus,
  type JournalWithdraw,
} from '../../../shared/station-api/journal';
import { encodeLine, scanJournal } from './line-codec';
import { JournalError } from './errors';
import { rotationKeep } from './rotation';

export const JOURNAL_FILE = 'journal.jsonl';
export const MIN_RETENTION_DAYS = 90;

export interface JournalOptions {
  /** the folder that holds journal.jsonl (created 0700 when missing) */
  dir: string;
  now?: () => Date;
  /** confirmed settlements older than this may be rotated out; at least 90 */
  retentionDays?: number;
  /** the file system calls, replaceable in tests that simulate a full disk */
  io?: Partial<JournalIo>;
}

export interface JournalIo {
  write(fd: number, data: Buffer, position: number): Promise<number>;
  datasync(fd: number): Promise<void>;
}

interface Line extends JournalIndexRow {
  offset: number;
  length: number;
}

export interface Journal {
  readonly file: string;
  /** entries already checked against journalEntrySchema (the host's channel does it) */
  append(entries: JournalEntry[]): Promise<{ lastSeq: number }>;
  /** Takes back a settlement line whose commit failed: cut off when it is the last line, else a
   * `withdrawn` line is appended (rotation.ts, restore: a withdrawn settlement does not exist). */
  withdraw(w: JournalWithdraw): Promise<{ cut: boolean }>;
  /** every line, in order, without bodies */
  index(): JournalIndexRow[];
  /** the full entries of these ids (every kind), in file order */
  get(ids: readonly string[]): Promise<JournalEntry[]>;
  status(): JournalStatus;
  /** drops confirmed settlements (and their other lines) older than the retention; returns how many ids */
  rotate(): Promise<{ removedIds: number; keptLines: number }>;
  close(): Promise<void>;
}

const defaultIo: JournalIo = {
  write: (fd, data, position) =>
    new Promise((resolve, reject) =>
      fs.write(fd, data, 0, data.length, position, (err, n) => (err ? reject(err) : resolve(n))),
    ),
  datasync: (fd) =>
    new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve()))),
};

/** What a line stores: its sequence number (stable across rotation) and the entry. */
const storedLineSchema = z.object({ seq: z.number().int().min(1), entry: journalEntrySchema });

function toRow(seq: number, entry: JournalEntry): JournalIndexRow {
  const row: JournalIndexRow = { seq, kind: entry.kind, id: entry.id, at: entry.at };
  if (entry.kind === 'outcome') row.outcome = entry.body.outcome;
  return row;
}

export function openJournal(options: JournalOptions): Journal {
  const now = options.now ?? (() => new Date());
  const retentionDays = Math.max(MIN_RETENTION_DAYS, options.retentionDays ?? MIN_RETENTION_DAYS);
  const io: JournalIo = { ...defaultIo, ...options.io };
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, JOURNAL_FILE);

  // O_DSYNC where the system has it (not Windows): each write returns once its data is on disk, as
  // write + fdatasync do, in one call to Node's thread pool instead of two (a line's host time at
  // the counter's commit: median 1.25 ms against 0.47 + 0.96 ms, docs/sync.md). A test that replaces
  // the file calls keeps write + datasync, so it sees every step.
  const dsync = options.io?.write || options.io?.datasync ? 0 : (fs.constants.O_DSYNC ?? 0);
  let fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT | dsync, 0o600);
  let lines: Line[] = [];
  let size = 0;
  let tornBytesDropped = 0;
  let corruptLines = 0;
  let lastError: JournalStatus['lastError'] = null;
  let tail: Promise<unknown> = Promise.resolve();

  function load(): void {
    const scan = scanJournal(fs.readFileSync(file));
    lines = [];
    corruptLines = scan.corrupt.length;
    for (const l of scan.lines) {
      const parsed = storedLineSchema.safeParse(l.value);
      if (!parsed.success) {
        corruptLines++;
        continue;
      }
      lines.push({ ...toRow(parsed.data.seq, parsed.data.entry), offset: l.offset, length: l.length });
    }
    if (scan.tornBytes > 0) {
      // Cut the torn tail so the next line starts on a line boundary (fsync'd, like any write).
      fs.ftruncateSync(fd, scan.goodEnd);
      fs.fdatasyncSync(fd);
      tornBytesDropped += scan.tornBytes;
    }
    size = scan.goodEnd;
  }
  load();

  const lastSeq = () => lines.at(-1)?.seq ?? 0;

  /** Runs `task` after every earlier append or rotation has finished, whatever their outcome. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function writeAll(data: Buffer): Promise<void> {
    let written = 0;
    while (written < data.length) {
      written += await io.write(fd, data.subarray(written), size + written);
    }
    if (!dsync) await io.datasync(fd);
  }

  /** Records a failed write (the status shows it) as the coded error the channel answers. */
  function unwritable(err: unknown): JournalError {
    const e = err as NodeJS.ErrnoException;
    lastError = { code: e.code ?? 'EIO', message: e.message.slice(0, 1000), at: now().toISOString() };
    return new JournalError('JOURNAL_UNWRITABLE', { detail: e.code ?? 'EIO', cause: err });
  }

  /** One append, already in the serial queue. The entries are the host's, parsed by the
   * `journal.append` channel's schema where they entered (station-host dispatch): parsing them again
   * here cost 2–4 ms of the counter's commit per line (a settlement's request and result). */
  async function appendNow(parsed: JournalEntry[]): Promise<{ lastSeq: number }> {
    const first = lastSeq() + 1;
    const encoded = parsed.map((entry, i) => Buffer.from(encodeLine({ seq: first + i, entry }), 'utf8'));
    const data = Buffer.concat(encoded);
    try {
      await writeAll(data);
    } catch (err) {
      // Leave no half line behind: the journal ends where it ended before this append.
      try {
        fs.ftruncateSync(fd, size);
      } catch {
        /* the next open cuts the torn tail instead */
      }
      throw unwritable(err);
    }
    let offset = size;
    parsed.forEach((entry, i) => {
      const length = encoded[i]!.length;
      lines.push({ ...toRow(first + i, entry), offset, length });
      offset += length;
    });
    size = offset;
    lastError = null;
    return { lastSeq: lastSeq() };
  }

  return {
    file,
    append(entries) {
      return serial(() => appendNow(entries));
    },
    withdraw({ id, at, reason }) {
      return serial(async () => {
        const last = lines.at(-1);
        if (!last || last.kind !== 'settlement' || last.id !== id) {
          await appendNow([{ kind: 'withdrawn', id, at, body: { reason } }]);
          return { cut: false };
        }
        try {
          fs.ftruncateSync(fd, last.offset);
        } catch (err) {
          throw unwritable(err);
        }
        lines.pop();
        size = last.offset;
        try {
          await io.datasync(fd);
        } catch (err) {
          throw unwritable(err);
        }
        return { cut: true };
      });
    },
    index: () => lines.map(({ offset: _o, length: _l, ...row }) => row),
    async get(ids) {
      const wanted = new Set(ids);
      const out: JournalEntry[] = [];
      for (const line of lines) {
        if (!wanted.has(line.id)) continue;
        const buf = Buffer.alloc(line.length);
        fs.readSync(fd, buf, 0, line.length, line.offset);
        const parsed = storedLineSchema.safeParse(scanJournal(buf).lines[0]?.value);
        if (!parsed.success) throw new JournalError('JOURNAL_CORRUPT', { detail: `line ${line.seq}` });
        out.push(parsed.data.entry);
      }
      return out;
    },
    status: () => ({
      path: file,
      lines: lines.length,
      bytes: size,
      writable: lastError === null,
      lastError,
      tornBytesDropped,
      corruptLines,
      retentionDays,
    }),
    rotate() {
      return serial(async () => {
        const keep = rotationKeep(lines, now(), retentionDays);
        const removedIds = new Set(lines.filter((l) => !keep.has(l.seq)).map((l) => l.id)).size;
        if (removedIds === 0) return { removedIds: 0, keptLines: lines.length };
        // Write the kept lines to a new file, fsync it, then rename over the journal: a crash at any
        // point leaves either the old journal or the new one, never a mix.
        const tmp = `${file}.rotate`;
        const out = fs.openSync(tmp, 'w', 0o600);
        try {
          for (const line of lines) {
            if (!keep.has(line.seq)) continue;
            const buf = Buffer.alloc(line.length);
            fs.readSync(fd, buf, 0, line.length, line.offset);
            fs.writeSync(out, buf);
          }
          fs.fsyncSync(out);
        } finally {
          fs.closeSync(out);
        }
        fs.renameSync(tmp, file);
        syncDir(options.dir);
        fs.closeSync(fd);
        fd = fs.openSync(file, fs.constants.O_RDWR | dsync, 0o600);
        load();
        return { removedIds, keptLines: lines.length };
      });
    },
    async close() {
      await tail;
      fs.closeSync(fd);
    },
  };
}

function syncDir(dir: string): void {
  // A rename is durable only once its directory is; Windows cannot open a directory, and NTFS
  // journals the rename itself.
  if (process.platform === 'win32') return;
  const d = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(d);
  } finally {
    fs.closeSync(d);
  }
}
