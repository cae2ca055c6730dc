// A number a bill file wrote as a number (2301 JSON, an XLSX numeric cell) as the decimal text the
// engine reads. Its shortest decimal form (String(12.35) is "12.35") is the writer's own text for any
// number of at most 15 significant digits; a longer one, or one only an exponent can write, is
// refused rather than rounded.

export function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  if (/e/i.test(s)) return null;
  return s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length > 15 ? null : s;
}
