// The operators file, operators.json in the station's data folder: the accounts (PINs as scrypt
// hashes only), their lockout counts and the idle-lock setting. Readable by the station's user alone
// (0600, narrowed again if someone widened it), written atomically (a temporary file, fsync, rename,
// fsync of the folder), so a crash leaves the old file or the new one, never half of one, and a
// lockout count written before a crash is still there after it. Loading checks every field; a file
// that does not pass is refused by name rather than half used.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { codedError, type MessageTable } from '../../../shared/errors';
import { operatorIdSchema, roleSchema } from '../../../shared/operators';
import { DEFAULT_IDLE_LOCK_SECONDS, firstIssue, idleLockSecondsSchema } from '../../../shared/station-api';
import { pinHashSchema } from './pin-hash';

export const OPERATORS_FILE = 'operators.json';
const MAX_BYTES = 4 * 1024 * 1024;

const isoTime = z.string().refine((v) => Number.isFinite(Date.parse(v)), 'an ISO time');

export const accountSchema = z
  .object({
    id: operatorIdSchema,
    name: z.string().min(1).max(50),
    role: roleSchema,
    disabled: z.boolean(),
    pin: pinHashSchema,
    failures: z.number().int().min(0),
    lockedUntil: isoTime.nullable(),
    createdAt: isoTime,
    pinChangedAt: isoTime,
  })
  .strict();
export type Account = z.infer<typeof accountSchema>;

export const operatorsFileSchema = z
  .object({
    version: z.literal(1),
    settings: z.object({ idleLockSeconds: idleLockSecondsSchema }).strict(),
    accounts: z.array(accountSchema).max(1000),
  })
  .strict()
  .refine((f) => new Set(f.accounts.map((a) => a.id)).size === f.accounts.length, {
    error: 'an operator id appears twice',
  });
export type OperatorsFile = z.infer<typeof operatorsFileSchema>;

export const EMPTY_OPERATORS: OperatorsFile = {
  version: 1,
  settings: { idleLockSeconds: DEFAULT_IDLE_LOCK_SECONDS },
  accounts: [],
};

export const OPERATORS_FILE_ERROR_MESSAGES = {
  TOO_LARGE: { zh: '操作员文件过大：{{file}}', en: 'The operators file is too large: {{file}}' },
  UNREADABLE: { zh: '操作员文件无法读取：{{file}}', en: 'The operators file cannot be read: {{file}}' },
  NOT_JSON: { zh: '操作员文件不是有效的 JSON：{{file}}', en: 'The operators file is not JSON: {{file}}' },
  FIELD_INVALID: {
    zh: '操作员文件字段 {{where}} 无效：{{issue}}',
    en: "The operators file's field {{where}} is invalid: {{issue}}",
  },
} as const satisfies MessageTable<string>;

/** Every reason is NOT_CONFIGURED to the StationApi: nobody can sign in until it is fixed. */
export class OperatorsFileError extends codedError(
  'OperatorsFileError',
  OPERATORS_FILE_ERROR_MESSAGES,
  'NOT_CONFIGURED',
) {}

export function readOperatorsFile(dir: string): OperatorsFile {
  const file = path.join(dir, OPERATORS_FILE);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BYTES) throw new OperatorsFileError('TOO_LARGE', { values: { file } });
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof OperatorsFileError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_OPERATORS);
    throw new OperatorsFileError('UNREADABLE', { values: { file }, cause: err });
  }
  let parsed: z.ZodSafeParseResult<OperatorsFile>;
  try {
    parsed = operatorsFileSchema.safeParse(JSON.parse(text));
  } catch {
    throw new OperatorsFileError('NOT_JSON', { values: { file } });
  }
  if (!parsed.success) {
    const { where, message } = firstIssue(parsed.error)!;
    throw new OperatorsFileError('FIELD_INVALID', { values: { where, issue: message } });
  }
  return parsed.data;
}

export function writeOperatorsFile(dir: string, data: OperatorsFile): void {
  const checked = operatorsFileSchema.parse(data);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, OPERATORS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // an existing temporary file keeps its mode otherwise
    fs.writeFileSync(fd, JSON.stringify(checked, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  if (process.platform !== 'win32') {
    const dirFd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  }
}
