import type { Schema } from '../api/schema';
import type { MessageKey } from '../i18n/en-US.js';
import { money } from '../shell/format.js';

/** One money movement as GET /v1/loans/:id/transactions sends it (the LoanTransaction schema: one shape per type). */
export type Transaction = Schema<'LoanTransaction'>;

/** The console's translate function (useT), typed here so this loads outside React (tests). */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** True for a repayment (or recovery) a reversal has since taken back (`reversed: true`): nothing of it is applied any more. */
export function isReversed(tx: Transaction): boolean {
  return 'reversed' in tx && tx.reversed;
}

/**
 * What the server says the movement went to: the repayment's allocation, a waiver's reason, a channel
 * and reference. A reversed repayment shows no split (QA W5: its split read as applied though the loan
 * holds none of it); it is marked reversed instead.
 */
export function transactionDetail(tx: Transaction, t: Translate): string {
  const parts: string[] = [];
  if ('channel' in tx && tx.channel) parts.push(t(`channel.${tx.channel}` as MessageKey));
  if ('reference' in tx && tx.reference) parts.push(tx.reference);
  if (isReversed(tx)) parts.push(t('tx.reversedMark'));
  else if ('allocation' in tx && tx.allocation) {
    parts.push(`${t('row.principal')} ${money(tx.allocation.principal)} · ${t('row.interest')} ${money(tx.allocation.interest)} · ${t('tx.excess')} ${money(tx.allocation.excess)}`);
  }
  if ('reason' in tx && tx.reason) parts.push(tx.reason);
  return parts.join(' · ');
}
