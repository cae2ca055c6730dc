// The operators' channels as they cross the StationApi (docs/shell.md, "Operators"). Accounts and
// PINs live in the host; the page holds only a session token from signIn, which every later call
// names. Who may call what is the host's decision (shared/operators' permission table), never only
// the page's: an administrator's channel called with a cashier's session is refused NOT_PERMITTED.
import { z } from 'zod';
import {
  newPinSchema,
  operatorIdSchema,
  operatorNameSchema,
  pinAttemptSchema,
  roleSchema,
} from '../operators';

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 time');
const ok = z.object({ ok: z.literal(true) });

/** 32 random bytes, base64url: what signIn hands the page. */
export const sessionTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a session token');
const withSession = { session: sessionTokenSchema };

/** The idle time after which the screen locks: from 30 seconds to an hour. */
export const idleLockSecondsSchema = z.number().int().min(30).max(3600);
export const DEFAULT_IDLE_LOCK_SECONDS = 300;

export const operatorViewSchema = z.object({
  id: z.string().max(30),
  name: z.string().max(50),
  role: roleSchema,
});
export type OperatorView = z.infer<typeof operatorViewSchema>;

/** An account as the administrator's screen lists it: never the PIN or its hash. */
export const accountViewSchema = operatorViewSchema.extend({
  disabled: z.boolean(),
  /** until when wrong PINs keep it locked, or null */
  lockedUntil: isoTime.nullable(),
  /** wrong PINs in a row */
  failures: z.number().int().min(0),
  createdAt: isoTime,
  pinChangedAt: isoTime,
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Why a session ends: signing out, the end of a shift, another operator taking over, the app closing. */
export const SIGN_OUT_REASONS = ['sign_out', 'shift_end', 'takeover', 'exit'] as const;
export type SignOutReason = (typeof SIGN_OUT_REASONS)[number];

export const operatorMethods = {
  /** Checks the PIN (wrong PINs in a row lock the account for a while) and opens a session; the
   * platform's 9001 is then signed in as this operator. */
  'operators.signIn': {
    input: z.object({ operator_id: z.string().min(1).max(64), pin: pinAttemptSchema }).strict(),
    output: z.object({
      session: sessionTokenSchema,
      operator: operatorViewSchema,
      idleLockSeconds: idleLockSecondsSchema,
    }),
  },
  /** Ends the session (9002 signs the operator out of the platform). */
  'operators.signOut': {
    input: z.object({ ...withSession, reason: z.enum(SIGN_OUT_REASONS) }).strict(),
    output: ok,
  },
  /** The screen locked (idle, F12): the session answers nothing but unlock until then. */
  'operators.lock': { input: z.object(withSession).strict(), output: ok },
  /** The same operator's PIN unlocks (wrong PINs count towards the lockout). */
  'operators.unlock': {
    input: z.object({ ...withSession, pin: pinAttemptSchema }).strict(),
    output: ok,
  },
  /** A supervisor approves an action on this station with their own PIN, for the session's operator. */
  'operators.approve': {
    input: z
      .object({
        ...withSession,
        operator_id: z.string().min(1).max(64),
        pin: pinAttemptSchema,
        action: z.enum(['cancel', 'self_pay', 'handover']),
        local_setl_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      })
      .strict(),
    output: z.object({ approver: operatorViewSchema, at: isoTime }),
  },
  'operators.list': {
    input: z.object(withSession).strict(),
    output: z.object({ operators: z.array(accountViewSchema).max(1000) }),
  },
  'operators.add': {
    input: z
      .object({
        ...withSession,
        id: operatorIdSchema,
        name: operatorNameSchema,
        role: roleSchema,
        pin: newPinSchema,
      })
      .strict(),
    output: z.object({ operator: accountViewSchema }),
  },
  'operators.setDisabled': {
    input: z.object({ ...withSession, id: operatorIdSchema, disabled: z.boolean() }).strict(),
    output: z.object({ operator: accountViewSchema }),
  },
  /** A new PIN set by the administrator; it also lifts a lockout. */
  'operators.resetPin': {
    input: z.object({ ...withSession, id: operatorIdSchema, pin: newPinSchema }).strict(),
    output: z.object({ operator: accountViewSchema }),
  },
  'operators.getSettings': {
    input: z.object({}).strict(),
    output: z.object({ idleLockSeconds: idleLockSecondsSchema }),
  },
  'operators.setSettings': {
    input: z.object({ ...withSession, idleLockSeconds: idleLockSecondsSchema }).strict(),
    output: z.object({ idleLockSeconds: idleLockSecondsSchema }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
