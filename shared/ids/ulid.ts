// ULID (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford base32,
// 26 characters, sortable by time. shared/ has no clock and no randomness: both are parameters.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_TIME = 2 ** 48 - 1;

export function ulid(timeMs: number, random: Uint8Array): string {
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > MAX_TIME) {
    throw new RangeError(`ulid time must be an integer between 0 and 2^48-1 ms, got ${timeMs}`);
  }
  if (!(random instanceof Uint8Array) || random.length !== 10) {
    throw new TypeError('ulid needs exactly 10 random bytes');
  }
  let time = '';
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  // 80 bits → 16 base32 characters, most significant first.
  let rand = '';
  let acc = 0;
  let bits = 0;
  for (const byte of random) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return time + rand;
}
