// Bill lines for the sync tests, from the curated head of the demo catalog (always present in a
// demo world of any size). No Node imports: the browser checks page uses them too.
import type { BillLine } from '../../shared/settlement';

const line = (sn: number, code: string, cnt: number, pric: string): BillLine => {
  const fen = Math.round(Number(pric) * 100) * cnt;
  return {
    feedetl_sn: String(sn),
    med_list_codg: code,
    cnt: String(cnt),
    pric,
    det_item_fee_sumamt: (fen / 100).toFixed(2),
  };
};

/** An inpatient stay of `days` days: bed, nursing, tests, drugs (classes 01/02/03, a price ceiling). */
export function inpatientLines(days: number): BillLine[] {
  return [
    line(1, '001102000020000', days, '120.00'),
    line(2, '001201000020000', days, '28.00'),
    line(3, '002501010010000', 2, '25.00'),
    line(4, '002203010010000', 1, '280.00'),
    line(5, 'XJ01DDA630B001', days * 2, '15.00'),
    line(6, 'XA11HAX001A001', 1, '68.00'),
  ];
}

export function outpatientLines(): BillLine[] {
  return [
    line(1, '001101000010000', 1, '20.00'),
    line(2, 'XJ01CAA040A001', 2, '15.50'),
    line(3, 'XC10AAA070A001', 30, '3.20'),
  ];
}
