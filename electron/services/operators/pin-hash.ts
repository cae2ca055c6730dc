// PINs are kept only as scrypt hashes (RFC 7914), each with its own random salt and the cost it was
// made with, so a stolen operators file gives no PIN back without the work of guessing each one, and
// raising the cost later leaves the old hashes readable. Checking compares in constant time
// (timingSafeEqual): how long a wrong PIN takes says nothing about how close it was.
import { randomBytes as nodeRandomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/** N = 2^15, r = 8, p = 1: about 32 MiB and a few tens of milliseconds per check on the station. */
export const DEFAULT_SCRYPT = { N: 32768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const pinHashSchema = z
  .object({
    algo: z.literal('scrypt'),
    N: z.number().int().min(2).max(1_048_576),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();
export type PinHash = z.infer<typeof pinHashSchema>;
export type ScryptCost = Pick<PinHash, 'N' | 'r' | 'p'>;

function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly N = 2^15, r = 8.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPin(
  pin: string,
  cost: ScryptCost = DEFAULT_SCRYPT,
  randomBytes: (n: number) => Buffer = nodeRandomBytes,
): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, cost);
  return { algo: 'scrypt', ...cost, salt: salt.toString('base64url'), hash: key.toString('base64url') };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64url');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64url'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
