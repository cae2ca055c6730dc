// How values look on every screen: amounts, ID numbers and a settlement's status.
import type { TdHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isAmountString } from '../../shared/money';
import type { SettlementStatus } from '../db';
import { maskCertno } from './format';

// Amounts are two-decimal strings from the engine and the platform ("1234.50"), shown as they are:
// never through a JS number, so nothing is rounded twice. A string that is not an amount (a reversal's
// negative amounts are) is shown but marked, so a broken value is visible rather than reformatted.
const SIGNED_AMOUNT = /^-\d+\.\d{2}$/;
const isShownAmount = (amount: string) => isAmountString(amount) || SIGNED_AMOUNT.test(amount);

export function Money({ amount, testId }: { amount: string; testId?: string }) {
  return (
    <span className={isShownAmount(amount) ? 'money' : 'money money-invalid'} data-testid={testId}>
      {amount}
    </span>
  );
}

/** A table cell holding an amount, right-aligned with tabular figures. */
export function MoneyCell({
  amount,
  testId,
  ...rest
}: { amount: string; testId?: string } & Omit<TdHTMLAttributes<HTMLTableCellElement>, 'children'>) {
  return (
    <td className={isShownAmount(amount) ? 'num' : 'num money-invalid'} data-testid={testId} {...rest}>
      {amount}
    </td>
  );
}

/** An ID number, masked (format.ts maskCertno says why and how). */
export function MaskedId({ certno, testId }: { certno: string; testId?: string }) {
  return (
    <span className="masked-id" data-testid={testId}>
      {maskCertno(certno)}
    </span>
  );
}

/** A settlement's platform status as the cashier reads it, coloured by status (styles.css .status-*). */
export function StatusBadge({ status, testId }: { status: SettlementStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
