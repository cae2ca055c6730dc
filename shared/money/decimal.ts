import DecimalJs from 'decimal.js';

/**
 * The one decimal type of the project. A private clone so nobody else's configuration of decimal.js
 * can change ours: 40 significant digits (amounts of 10^12 yuan with 6-decimal prices still exact),
 * ROUND_HALF_UP as the contract requires wherever rounding happens.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalValue = Decimal | string | number;

export const ZERO = new Decimal(0);
