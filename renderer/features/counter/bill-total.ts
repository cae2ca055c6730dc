// The bill's total on the bill panel, for bills of 50,000 lines: the line amounts are two-decimal
// strings (every way a line enters the bill writes them so), summed exactly as whole fen in a BigInt —
// a few milliseconds where decimal.js takes a few hundred on the page's thread. Anything else is
// summed by decimal.js.
import { Decimal, formatAmount } from '../../../shared/money';
import type { BillLine } from '../../../shared/settlement';

const TWO_DECIMALS = /^(\d+)\.(\d{2})$/;

export function billTotal(lines: readonly BillLine[]): string {
  let fen = 0n;
  let other = new Decimal(0);
  for (const l of lines) {
    const m = TWO_DECIMALS.exec(l.det_item_fee_sumamt);
    if (m) fen += BigInt(m[1]! + m[2]!);
    else other = other.plus(l.det_item_fee_sumamt);
  }
  const whole = fen / 100n;
  const cents = (fen % 100n).toString().padStart(2, '0');
  return formatAmount(other.plus(`${whole}.${cents}`));
}
