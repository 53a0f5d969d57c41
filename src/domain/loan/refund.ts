import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { RefundOverpayment } from './commands.js';
import type { LoanEvent } from './events.js';
import { positiveAmount, requireLoan } from './guards.js';
import { replayOf } from './repayment.js';
import type { LoanState } from './state.js';

/**
 * Pays back (part of) an overpaid loan's credit balance; refunding all of it closes the loan. Money
 * out is idempotent like money in: a refund replayed with its reference pays nothing twice. Errors:
 * LOAN_NOT_OVERPAID 409, REFUND_EXCEEDS_CREDIT 422, BACKDATED_BEFORE_PAYMENT 422; a refund a channel
 * already paid out (`paidOut`) on a loan owing again is recorded, not refused.
 */
export function refundOverpayment({ data }: RefundOverpayment, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const replay = replayOf(state.refunds[data.reference], data.amount ?? state.refunds[data.reference]?.amount ?? '');
  if (replay) return replay;
  const date = parseDate(data.date);
  // Money paid out on a reservation whose credit was reversed away (the repayment bounced while
  // the payout was pending) is recorded all the same: owed back by the borrower (refundDue).
  if (data.paidOut === true && data.amount && (state.status === 'active' || state.status === 'overdue')) {
    requireNotBeforeLastPayment(date, state);
    return [{ type: 'RefundIssued', data: { amount: positiveAmount(data.amount, state.currency).toString(), channel: data.channel, reference: data.reference, date } }];
  }
  if (state.status !== 'overpaid') throw new DomainError('LOAN_NOT_OVERPAID', `Loan is ${state.status}, not overpaid`, 'conflict');
  const credit = Money.of(state.creditBalance, state.currency);
  const amount = data.amount ? positiveAmount(data.amount, state.currency) : credit;
  if (amount.gt(credit)) {
    throw new DomainError('REFUND_EXCEEDS_CREDIT', `Refund ${amount} exceeds the credit balance ${credit}`, 'rule', { credit: credit.toString() });
  }
  requireNotBeforeLastPayment(date, state);
  const events: LoanEvent[] = [{ type: 'RefundIssued', data: { amount: amount.toString(), channel: data.channel, reference: data.reference, date } }];
  if (amount.eq(credit)) events.push({ type: 'LoanClosed', data: { date, reason: 'overpayment_refunded' } });
  return events;
}

// The credit was received no earlier than the latest payment: money cannot go back before it came in.
function requireNotBeforeLastPayment(date: string, state: LoanState): void {
  if (state.lastPaymentDate !== null && date < state.lastPaymentDate) {
    throw new DomainError('BACKDATED_BEFORE_PAYMENT', `A refund dated ${date} is before the payment of ${state.lastPaymentDate} that left the credit`, 'rule', { lastPaymentDate: state.lastPaymentDate });
  }
}
