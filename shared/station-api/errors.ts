// Errors that cross the StationApi: a stable code plus a message for the cashier in Chinese and
// English. Platform failures keep the platform client's `kind` (transient or permanent) and `errCode`
// so the sync engine on the other side of IPC/WebSocket can decide whether to retry.
import { z } from 'zod';

export const stationErrorCodes = [
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'BAD_MESSAGE',
  'NOT_CONFIGURED',
  'PLATFORM_TRANSIENT',
  'PLATFORM_PERMANENT',
  'CARD_UNAVAILABLE',
  'CARD_FAILED',
  'PRINT_UNAVAILABLE',
  'PRINT_FAILED',
  'JOURNAL_UNWRITABLE',
  'JOURNAL_UNAVAILABLE',
  'SIGN_IN_FAILED',
  'LOCKED_OUT',
  'SESSION_INVALID',
  'NOT_PERMITTED',
  'OPERATOR_CONFLICT',
  'TRANSPORT_CLOSED',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type StationErrorCode = (typeof stationErrorCodes)[number];

export const stationErrorSchema = z.object({
  code: z.enum(stationErrorCodes),
  message_zh: z.string(),
  message_en: z.string(),
  kind: z.enum(['transient', 'permanent']).optional(),
  errCode: z.string().optional(),
  path: z.string().optional(),
});
export type StationErrorPayload = z.infer<typeof stationErrorSchema>;

/** Thrown by every StationApi client (preload, bridge) and by handlers: one class, one shape. */
export class StationApiError extends Error {
  readonly code: StationErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  readonly kind?: 'transient' | 'permanent';
  readonly errCode?: string;
  readonly path?: string;

  constructor(payload: StationErrorPayload) {
    super(payload.message_en);
    this.name = 'StationApiError';
    this.code = payload.code;
    this.message_zh = payload.message_zh;
    this.message_en = payload.message_en;
    if (payload.kind) this.kind = payload.kind;
    if (payload.errCode) this.errCode = payload.errCode;
    if (payload.path !== undefined) this.path = payload.path;
  }

  toPayload(): StationErrorPayload {
    const p: StationErrorPayload = {
      code: this.code,
      message_zh: this.message_zh,
      message_en: this.message_en,
    };
    if (this.kind) p.kind = this.kind;
    if (this.errCode) p.errCode = this.errCode;
    if (this.path !== undefined) p.path = this.path;
    return p;
  }
}

export function stationError(
  code: StationErrorCode,
  message_zh: string,
  message_en: string,
  extra: Pick<StationErrorPayload, 'kind' | 'errCode' | 'path'> = {},
): StationApiError {
  return new StationApiError({ code, message_zh, message_en, ...extra });
}

/** The first thing wrong in a zod failure: its dotted path ('' at the root), the path as a person
 * reads it ('(root)' there), and zod's message. */
export function firstIssue(error: z.ZodError): { path: string; where: string; message: string } | null {
  const issue = error.issues[0];
  if (!issue) return null;
  const path = issue.path.map(String).join('.');
  return { path, where: path || '(root)', message: issue.message };
}

/** A zod failure as an INVALID_INPUT / INVALID_OUTPUT error naming the first offending path. */
export function fromZodError(
  code: 'INVALID_INPUT' | 'INVALID_OUTPUT',
  where: string,
  error: z.ZodError,
): StationApiError {
  const issue = firstIssue(error);
  const path = issue?.path ?? '';
  const what = issue ? `${issue.where}: ${issue.message}` : 'invalid';
  return stationError(
    code,
    code === 'INVALID_INPUT' ? `${where} 的参数无效（${what}）` : `${where} 的返回值无效（${what}）`,
    code === 'INVALID_INPUT'
      ? `Invalid input for ${where} (${what})`
      : `Invalid output from ${where} (${what})`,
    { path },
  );
}

/** Any thrown value as a payload a page may see: never a stack trace. */
export function toStationErrorPayload(err: unknown): StationErrorPayload {
  if (err instanceof StationApiError) return err.toPayload();
  const parsed = stationErrorSchema.safeParse(err);
  if (parsed.success) return parsed.data;
  return {
    code: 'INTERNAL',
    message_zh: '工作站内部错误，请查看日志',
    message_en: 'Internal station error; see the log',
  };
}
