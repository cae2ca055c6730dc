// What an operator account is made of, as both sides check it: the id (the `opter` of every envelope,
// 8201 settlement and audit entry, so at most 30 characters), the name shown on receipts, and the PIN
// rule. The PIN never leaves the host once set; these schemas are where it enters.
import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../text';
import { ROLES } from './roles';

export const operatorIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{2,29}$/, {
  error:
    '工号须为 3–30 位小写字母、数字、_ 或 -，以字母开头 / an operator id is 3–30 lower-case letters, digits, _ or -, starting with a letter',
});

export const operatorNameSchema = z
  .string()
  .trim()
  .min(1, { error: '请填写姓名 / enter a name' })
  .max(50, { error: '姓名最长 50 个字符 / a name has at most 50 characters' })
  .refine((v) => !hasControlCharacter(v), CONTROL_CHARACTER_MESSAGE);

export const roleSchema = z.enum(ROLES);

/** A straight run (123456, 987654) or one digit repeated (000000): the first PINs anyone tries. */
export function isGuessablePin(pin: string): boolean {
  if (/^(\d)\1*$/.test(pin)) return true;
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** A new PIN: 6–12 digits, not guessable. (A PIN being checked is only bounded: pinAttemptSchema.) */
export const newPinSchema = z
  .string()
  .regex(/^\d{6,12}$/, { error: 'PIN 须为 6–12 位数字 / a PIN is 6–12 digits' })
  .refine((p) => !isGuessablePin(p), {
    error: 'PIN 过于简单（连续或重复的数字）/ the PIN is too easy to guess (a run or one digit repeated)',
  });

/** A PIN typed to sign in or approve: any short string; a wrong one is just wrong. */
export const pinAttemptSchema = z.string().min(1).max(64);
