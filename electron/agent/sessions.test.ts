// The session book alone: codes are single-use and expire, sessions are only what it issued, both
// are bounded (the oldest go first), and malformed input is never looked up.
import { describe, expect, it } from 'vitest';
import { createSessionBook } from './sessions';

describe('session book', () => {
  it('spends a code once, before it expires, for a fresh session', () => {
    let now = 1_000;
    const book = createSessionBook({ now: () => now, codeTtlMs: 100 });
    const code = book.issueCode();
    const session = book.redeem(code);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(code);
    expect(book.valid(session)).toBe(true);
    expect(book.redeem(code)).toBeNull();
    expect(book.valid(code)).toBe(false);
    const late = book.issueCode();
    now += 101;
    expect(book.redeem(late)).toBeNull();
  });

  it('keeps at most 16 open codes and 32 sessions, dropping the oldest', () => {
    const book = createSessionBook();
    const codes = Array.from({ length: 17 }, () => book.issueCode());
    expect(book.redeem(codes[0])).toBeNull();
    expect(book.redeem(codes[16])).not.toBeNull();
    const sessions = Array.from({ length: 33 }, () => book.redeem(book.issueCode())!);
    expect(book.valid(sessions[0])).toBe(false);
    expect(book.valid(sessions[32])).toBe(true);
  });

  it.each([
    null,
    undefined,
    '',
    'short',
    'A'.repeat(42),
    'A'.repeat(44),
    `${'A'.repeat(42)}=`,
    `${'A'.repeat(42)}\u0000`,
  ])('refuses %j as a code and as a session', (value) => {
    const book = createSessionBook({ presetSessions: ['P'.repeat(43), 'not well formed'] });
    expect(book.redeem(value)).toBeNull();
    expect(book.valid(value)).toBe(false);
    expect(book.valid('P'.repeat(43))).toBe(true);
    expect(book.valid('not well formed')).toBe(false);
  });
});
