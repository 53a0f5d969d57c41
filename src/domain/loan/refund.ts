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
 * already paid out (`paidOut`) is recorded, never refused for what the loan did since (see paidOutRefund).
 */
export function refundOverpayment({ data }: RefundOverpayment, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const replay = replayOf(state.refunds[data.reference], data.amount ?? state.refunds[data.reference]?.amount ?? '');
  if (replay) return replay;
  const date = parseDate(data.date);
  if (data.paidOut === true && data.amount) {
    const paid = paidOutRefund(data.amount, data.channel, data.reference, date, state);
    if (paid !== null) return paid;
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

/**
 * A refund a channel has already paid (a confirmed payout): the money has left the lender, so the
 * loan records it whatever it did since the payout was reserved — a repayment bounced (the credit
 * shrank or went: the loan is active, overdue, closed, or overpaid by less), or a later-dated payment
 * came in. What it pays beyond the credit is owed back by the borrower (a negative credit balance:
 * refundDue; RefundIssued reopens a closed or overpaid loan as active, see evolve). It is dated when
 * the money left, but never before the latest payment (money does not go back before it came in).
 * Null for a loan in no such state (written off): the ordinary rules answer.
 */
function paidOutRefund(amountText: string, channel: RefundOverpayment['data']['channel'], reference: string, left: string, state: LoanState): LoanEvent[] | null {
  if (!['active', 'overdue', 'overpaid', 'closed'].includes(state.status)) return null;
  const amount = positiveAmount(amountText, state.currency);
  const date = state.lastPaymentDate !== null && left < state.lastPaymentDate ? state.lastPaymentDate : left;
  const events: LoanEvent[] = [{ type: 'RefundIssued', data: { amount: amount.toString(), channel, reference, date } }];
  if (state.status === 'overpaid' && amount.eq(Money.of(state.creditBalance, state.currency))) events.push({ type: 'LoanClosed', data: { date, reason: 'overpayment_refunded' } });
  return events;
}

// The credit was received no earlier than the latest payment: money cannot go back before it came in.
function requireNotBeforeLastPayment(date: string, state: LoanState): void {
  if (state.lastPaymentDate !== null && date < state.lastPaymentDate) {
    throw new DomainError('BACKDATED_BEFORE_PAYMENT', `A refund dated ${date} is before the payment of ${state.lastPaymentDate} that left the credit`, 'rule', { lastPaymentDate: state.lastPaymentDate });
  }
}
