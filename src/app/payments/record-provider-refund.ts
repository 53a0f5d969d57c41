import { DomainError } from '../../domain/errors.js';
import { refundedInFull } from '../../domain/payment/provider-refund.js';
import type { PaymentIntentState } from '../../domain/payment/state.js';
import type { ProviderRefund } from '../../payments/channel.js';
import { reverseRepayment } from '../loans/service-loan.js';
import type { AppServices, CommandMeta } from '../services.js';
import { loadPaymentIntent, runPaymentCommand } from './payment-stream.js';

/** The loan holding the intent's money and the reference it is under; null while it waits unassigned in suspense. */
function moneyOnLoan(state: PaymentIntentState): { loanId: string; reference: string } | null {
  if (state.confirmation === null || state.loanId === null) return null;
  if (state.suspense !== null) return state.suspense.assignedTo === null ? null : { loanId: state.suspense.assignedTo, reference: state.confirmation.providerTxnId };
  return { loanId: state.loanId, reference: state.confirmation.providerTxnId };
}

/**
 * A provider's refund of a paid transaction: recorded on the intent once (PaymentRefundedAtProvider;
 * a redelivery records nothing; a partial refund is what it is), so the reconciliation's confirmed side
 * becomes the net captured and staff see the difference. Once all of it is refunded, the repayment's
 * reversal is requested on the loan in the channel's name, always for a second person's approval
 * (the refund moved money the lender cannot undo; an officer checks before the loan reopens). A loan
 * that cannot reverse it (REVERSAL_BEFORE_RESCHEDULE…) still has the refund recorded and listed.
 * Errors as recordProviderRefund (REFUND_WITHOUT_PAYMENT 409, REFUND_EXCEEDS_PAYMENT 422): nothing recorded.
 */
export async function recordProviderRefund(services: AppServices, meta: CommandMeta, intentId: string, providerTxnId: string, refund: ProviderRefund, effectiveDate: string): Promise<bigint> {
  const now = services.clock.now().toISOString();
  const recorded = await runPaymentCommand(services, meta, intentId, { type: 'RecordProviderRefund', data: { providerTxnId, ...refund } }, now);
  const intent = await loadPaymentIntent(services.eventStore, intentId);
  const onLoan = intent === null ? null : moneyOnLoan(intent.state);
  if (intent === null || onLoan === null || !refundedInFull(intent.state)) return recorded.position;
  try {
    const reversal = await reverseRepayment(services, meta, onLoan.loanId, onLoan.reference, {
      reason: `refunded in full at ${meta.actor.sub.replace(/^channel:/, '')} (refund ${refund.reference})`, effectiveDate, approvalRequired: true,
    });
    return reversal.position > recorded.position ? reversal.position : recorded.position;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return recorded.position;
  }
}
