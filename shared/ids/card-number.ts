// Social security card number 卡号 check (card specification V2.0, appendix A): 8 characters and a
// check character; weights 3 7 9 10 5 8 4 2, check = 11 − (Σ mod 11), 10 → X, 11 → 0.
// Letter values are not certain from public text: we use A=10 … Z=35 (the ISO 7064 alphabet), which
// reproduces the specification's example X00000019. A mismatch is a warning, never a refusal.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 65 + 10;
  return -1;
}

/** The check character for the first 8 characters (digits or uppercase letters). Throws otherwise. */
export function cardNumberCheckChar(first8: string): string {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) {
    throw new TypeError(
      `cardNumberCheckChar needs 8 digits or uppercase letters, got ${JSON.stringify(String(first8)).slice(0, 40)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(first8[i]) * WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * ok: the number has the expected shape (uppercase letter + 7 digits/letters + check) and its check
 * character matches. expected is given whenever it can be computed, so the UI can show it.
 */
export function checkCardNumber(cardNo: unknown): { ok: boolean; expected?: string } {
  if (typeof cardNo !== 'string' || !/^[A-Z][0-9A-Z]{7}[0-9X]$/.test(cardNo)) {
    if (typeof cardNo === 'string' && /^[0-9A-Z]{8}./.test(cardNo)) {
      return { ok: false, expected: cardNumberCheckChar(cardNo.slice(0, 8)) };
    }
    return { ok: false };
  }
  const expected = cardNumberCheckChar(cardNo.slice(0, 8));
  return { ok: cardNo[8] === expected, expected };
}
