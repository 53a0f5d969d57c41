import { DomainError } from '../errors.js';
import type { RejectReversal } from './commands.js';
import type { LoanEvent } from './events.js';
import { requireLoan } from './guards.js';
import { knownPayment } from './payment-book.js';
import type { LoanState } from './state.js';

/**
 * The other decision on a four-eyes reversal (approveReversal is the first): a checker turns the
 * request down and nothing is reversed (RepaymentReversalRejected). The request leaves the loan, so
 * the repayment may be asked to be reversed again later (it bounces after all). Never by its
 * requester: segregation of duties holds for both decisions, as the checker is the one who looks.
 *
 * Errors: REPAYMENT_NOT_FOUND (404, no repayment or recovery has the reference); REVERSAL_NOT_REQUESTED
 * (409: none waits, e.g. already approved, reversed at once, or rejected); FOUR_EYES_REQUIRED (422,
 * the requester rejecting).
 */
export function rejectReversal({ data }: RejectReversal, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const request = state.reversalRequests[data.reference];
  if (!request) {
    if (!knownPayment(state.payments, data.reference) && !state.recoveries[data.reference]) {
      throw new DomainError('REPAYMENT_NOT_FOUND', `No repayment or recovery with reference ${data.reference}`, 'not_found', { reference: data.reference });
    }
    throw new DomainError('REVERSAL_NOT_REQUESTED', `No reversal of ${data.reference} waits for approval: there is nothing to reject`, 'conflict', { reference: data.reference });
  }
  if (request.requestedBy === data.rejectedBy) {
    throw new DomainError('FOUR_EYES_REQUIRED', 'The checker rejecting a reversal must not be its requester', 'rule');
  }
  return [{ type: 'RepaymentReversalRejected', data: { reference: data.reference, reason: data.reason, rejectedBy: data.rejectedBy } }];
}
