import type { MessageKey } from '../i18n/en-US.js';
import { money } from '../shell/format.js';

/**
 * What this reads of one money movement as GET /v1/loans/:id/transactions sends it (any shape of the
 * LoanTransaction schema, one per type, fits; written out so this loads outside the console's build, in tests).
 */
export interface Transaction {
  type: string;
  channel?: string;
  reference?: string;
  reason?: string;
  reversed?: boolean;
  allocation?: { principal: string; interest: string; excess: string };
}

/** The console's translate function (useT), typed here so this loads outside React (tests). */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** True for a repayment (or recovery) a reversal has since taken back (`reversed: true`): nothing of it is applied any more. */
export function isReversed(tx: Transaction): boolean {
  return tx.reversed === true;
}

/**
 * What the server says the movement went to: the repayment's allocation, a waiver's reason, a channel
 * and reference. A reversed repayment shows no split (QA W5: its split read as applied though the loan
 * holds none of it); it is marked reversed instead.
 */
export function transactionDetail(tx: Transaction, t: Translate): string {
  const parts: string[] = [];
  if (tx.channel) parts.push(t(`channel.${tx.channel}` as MessageKey));
  if (tx.reference) parts.push(tx.reference);
  if (isReversed(tx)) parts.push(t('tx.reversedMark'));
  else if (tx.allocation) {
    parts.push(`${t('row.principal')} ${money(tx.allocation.principal)} · ${t('row.interest')} ${money(tx.allocation.interest)} · ${t('tx.excess')} ${money(tx.allocation.excess)}`);
  }
  if (tx.reason) parts.push(tx.reason);
  return parts.join(' · ');
}
