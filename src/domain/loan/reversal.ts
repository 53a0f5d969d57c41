import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import type { ReverseRepayment } from './commands.js';
import type { LoanEvent } from './events.js';
import { requireLoan } from './guards.js';
import { knownPayment } from './payment-book.js';
import type { LoanState } from './state.js';

/**
 * Reverses a repayment (a bounced transfer, a channel chargeback, a posting error): allocation
 * re-runs without it in effective-date order, a closed or overpaid loan reopens, and delinquency
 * comes back. Reversing a reference already reversed is a no-op.
 */
export function reverseRepayment({ data }: ReverseRepayment, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const payment = knownPayment(state.payments, data.reference);
  if (!payment) throw new DomainError('REPAYMENT_NOT_FOUND', `No repayment with reference ${data.reference}`, 'not_found', { reference: data.reference });
  if (state.reversed.includes(data.reference)) return [];
  if (state.status === 'written_off') throw new DomainError('LOAN_WRITTEN_OFF', 'A written-off loan\'s repayments are not reversed; record the loss or a recovery instead', 'conflict');
  if (payment.sequence < state.replayFrom) {
    throw new DomainError('REVERSAL_BEFORE_RESCHEDULE', `Repayment ${data.reference} was made before the reschedule on ${state.rescheduledOn}`, 'rule');
  }
  const date = parseDate(data.effectiveDate);
  if (date < payment.effectiveDate) {
    throw new DomainError('REVERSAL_BEFORE_PAYMENT', `A reversal cannot be dated ${date}, before the payment on ${payment.effectiveDate}`, 'rule');
  }
  return [{ type: 'RepaymentReversed', data: { reference: data.reference, amount: payment.amount, reason: data.reason, effectiveDate: date, reversedBy: data.reversedBy } }];
}
