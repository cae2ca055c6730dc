// Append-only log files that rotate by size: station.log is the newest, station.log.1 the one
// before, up to maxFiles. Writes are synchronous so the line describing a crash is on disk before the
// process dies; a line is one JSON object, masked as a whole by shared/logging (sensitive field names
// at any depth, ID numbers and `key=value` pairs in every string) before it is serialised.
import fs from 'node:fs';
import path from 'node:path';
import { maskLogValue } from '../../../shared/logging';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  dir: string;
  baseName?: string;
  maxBytes?: number;
  maxFiles?: number;
  now?: () => Date;
  /** Lowest level written; debug lines are dropped unless asked for. */
  minLevel?: LogLevel;
}

export interface StationLog {
  write(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  readonly file: string;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createRotatingLog(options: RotatingLogOptions): StationLog {
  const baseName = options.baseName ?? 'station.log';
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const now = options.now ?? (() => new Date());
  const minLevel = LEVELS[options.minLevel ?? 'info'];
  if (maxFiles < 1) throw new RangeError('maxFiles must be at least 1');
  if (maxBytes < 256) throw new RangeError('maxBytes must be at least 256');
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, baseName);
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;

  const rotate = () => {
    // Oldest first so no rename overwrites a file still to be moved.
    fs.rmSync(`${file}.${maxFiles}`, { force: true });
    for (let n = maxFiles - 1; n >= 1; n--) {
      if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    fs.rmSync(`${file}.${maxFiles + 1}`, { force: true });
    size = 0;
  };

  return {
    file,
    write(level, message, fields) {
      if (LEVELS[level] < minLevel) return;
      const record = { t: now().toISOString(), level, msg: message, ...reserved(fields) };
      const line = JSON.stringify(maskLogValue(record)) + '\n';
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    },
  };
}

// The line's own keys cannot be overwritten by a caller's fields (a forged time or level).
function reserved(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const { t: _t, level: _level, msg: _msg, ...rest } = fields;
  return rest;
}
