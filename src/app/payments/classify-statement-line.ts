import { referencesInMemo } from '../../domain/payment/repayment-reference.js';
import type { StatementLine } from '../../domain/payment/statement-events.js';
import { REPAYMENT_REFERENCES, type RepaymentReferenceDoc } from '../../projections/models/payments/payments.js';
import type { ReadStore } from '../../readstore/port.js';
import { loanSummaryDoc } from '../queries/loan-summary-view.js';

export type LineMatch = { loanId: string; reference: string } | { reason: string };

/**
 * Which loan a credit line pays: exactly one valid repayment reference in the memo, naming exactly
 * one loan in the line's currency. Anything else is a reason code for the suspense queue:
 * NO_REFERENCE, AMBIGUOUS_REFERENCE, UNKNOWN_REFERENCE, CURRENCY_MISMATCH. Whether the loan can take
 * the money is the channel rule's to say (recordChannelMoney), as for every channel.
 */
export async function classifyStatementLine(readStore: ReadStore, line: StatementLine): Promise<LineMatch> {
  const references = referencesInMemo(line.memo);
  if (references.length === 0) return { reason: 'NO_REFERENCE' };
  if (references.length > 1) return { reason: 'AMBIGUOUS_REFERENCE' };
  const reference = references[0]!;
  const named = await readStore.get<RepaymentReferenceDoc>(REPAYMENT_REFERENCES, reference);
  if (named === null || named.loanIds.length === 0) return { reason: 'UNKNOWN_REFERENCE' };
  if (named.loanIds.length > 1) return { reason: 'AMBIGUOUS_REFERENCE' };
  const loanId = named.loanIds[0]!;
  const loan = await loanSummaryDoc(readStore, loanId);
  if (loan === null) return { reason: 'UNKNOWN_REFERENCE' };
  if (loan.currency !== line.currency) return { reason: 'CURRENCY_MISMATCH' };
  return { loanId, reference };
}
