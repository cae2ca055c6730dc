// The station's configuration: who it is (station id, institution, treatment place) and where the
// platform is. Stored as config.json in the station's data folder; the secret is NOT in it (see
// secret-store.ts). Loading validates every field and names the one that is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { codedError, type MessageTable } from '../../../shared/errors';
import { firstIssue, MAX_BILL_FILE_BYTES } from '../../../shared/station-api';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../../../shared/text';
import { isLoopbackHostname } from './loopback';

/** No control characters in a text field (they end up in envelopes, receipts and logs). */
const plainText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE);

/** Why a platform address is refused, or null. Plain http:// is allowed only to this machine: on any
 * other path the signed envelopes, the ID numbers in them and the platform's answers would travel
 * readable and alterable. The reason never repeats the address (it may carry a password). */
export function platformUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '不是有效的网址 / not a valid URL';
  }
  if (url.username || url.password)
    return '网址中不能含用户名或密码 / must not carry a user name or password';
  if (url.search || url.hash) return '网址中不能含查询参数或片段 / must not carry a query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return '须为 https:// 地址 / must be an https:// address';
  if (!isLoopbackHostname(url.hostname))
    return 'http:// 仅限本机（127.0.0.0/8、::1、localhost），其他地址须用 https:// / http:// only to this machine (127.0.0.0/8, ::1, localhost); use https:// for any other host';
  return null;
}

export const stationConfigSchema = z
  .object({
    stationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64'),
    institution: z.object({
      fixmedins_code: z.string().regex(/^[A-Z0-9]{12}$/, '12 upper-case letters or digits'),
      fixmedins_name: plainText(200),
    }),
    treatmentPlace: z.object({ mdtrtarea_admvs: z.string().regex(/^\d{6}$/, 'a 6-digit division code') }),
    platformUrl: z
      .string()
      .max(2048)
      .superRefine((u, ctx) => {
        const problem = platformUrlProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    operator: z
      .object({ opter: plainText(30), opter_name: plainText(50) })
      .strict()
      .optional(),
    /** Days a confirmed settlement stays in the journal before rotation may drop it (at least 90). */
    journalRetentionDays: z.number().int().min(90).max(3650).optional(),
    /** how long a card read waits for the person's live rows (8102) and F8 for 2303; default 1500 */
    onlineTimeoutMs: z.number().int().min(100).max(30_000).optional(),
    /** The folder where the hospital system drops bills for this counter (docs/bill-import.md,
     * "Watched folder"): an absolute path; files up to maxBytes (default and most: the import's limit). */
    billInbox: z
      .object({
        dir: plainText(1024).refine((d) => path.isAbsolute(d), '须为绝对路径 / an absolute path'),
        maxBytes: z.number().int().min(1024).max(MAX_BILL_FILE_BYTES).optional(),
      })
      .strict()
      .optional(),
    /** Card readers and scanners: electron/services/card's CardConfigInput, validated there. */
    cardDevices: z.record(z.string(), z.unknown()).optional(),
    /** Set by `npm start` for the demo platform: the demo tray holds that world's cards. */
    demo: z
      .object({
        seed: z.union([z.string().min(1).max(100), z.number().int()]),
        today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
        peopleCount: z.number().int().min(1).max(100_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StationConfig = z.infer<typeof stationConfigSchema>;

export const STATION_CONFIG_ERROR_MESSAGES = {
  NOT_CONFIGURED: { zh: '工作站尚未配置', en: 'The station is not configured' },
  TOO_LARGE: {
    zh: '工作站配置文件过大（超过 {{max}} 字节）：{{file}}',
    en: 'The station configuration is larger than {{max}} bytes: {{file}}',
  },
  MISSING: { zh: '工作站尚未配置（缺少 {{file}}）', en: 'The station is not configured (no {{file}})' },
  UNREADABLE: {
    zh: '工作站配置文件无法读取：{{file}}',
    en: 'The station configuration cannot be read: {{file}}',
  },
  FIELD_INVALID: {
    zh: '工作站配置字段 {{where}} 无效：{{issue}}',
    en: 'Station configuration field {{where}} is invalid: {{issue}}',
  },
} as const satisfies MessageTable<string>;

/** Every reason is NOT_CONFIGURED to the StationApi: the station cannot run until it is fixed. */
export class StationConfigError extends codedError(
  'StationConfigError',
  STATION_CONFIG_ERROR_MESSAGES,
  'NOT_CONFIGURED',
) {}

export const CONFIG_FILE = 'config.json';
/** A configuration is a few hundred bytes; anything near this is not one (and is not read whole). */
export const MAX_CONFIG_BYTES = 256 * 1024;

export function loadStationConfig(dir: string): StationConfig {
  const file = path.join(dir, CONFIG_FILE);
  let raw: unknown;
  try {
    if (fs.statSync(file).size > MAX_CONFIG_BYTES)
      throw new StationConfigError('TOO_LARGE', { values: { max: MAX_CONFIG_BYTES, file } });
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof StationConfigError) throw err;
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new StationConfigError(missing ? 'MISSING' : 'UNREADABLE', { values: { file }, cause: err });
  }
  const parsed = stationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const { where, message } = firstIssue(parsed.error)!;
    throw new StationConfigError('FIELD_INVALID', { values: { where, issue: message } });
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a configuration. */
export function saveStationConfig(dir: string, config: StationConfig): void {
  const checked = stationConfigSchema.parse(config);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, CONFIG_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(checked, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
