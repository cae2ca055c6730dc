export { Decimal, ZERO, type DecimalValue } from './decimal';
export {
  MoneyFormatError,
  parseAmount,
  parseQuantity,
  parsePrice,
  parseRatio,
  isAmountString,
  isRatioString,
  isQuantityString,
  isPriceString,
} from './parse';
export { round2, formatAmount, sumAmounts, minDecimal, maxDecimal } from './round';
