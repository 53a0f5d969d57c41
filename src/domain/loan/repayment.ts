import type { ReplayMemo } from './replay-memo.js';
import { decimalOrNull } from '../decimal.js';
import { DomainError } from '../errors.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { ReceiveRepayment } from './commands.js';
import type { LoanEvent } from './events.js';
import { onOrAfterDisbursement, positiveAmount, requireLoan, requireRepayable } from './guards.js';
import { knownPayment, type PaymentRecord } from './payment-book.js';
import { overpaidBy, paymentOutcome } from './payment-outcome.js';
import { foldedCopy, penaltiesOwedBy } from './penalties-owed-by.js';
import { settlementEvents } from './settlement.js';
import type { LoanState } from './state.js';

/** [] for a replay of a known reference with the same amount; DUPLICATE_REFERENCE for a different amount. */
export function replayOf(known: { amount: string } | undefined, amount: string): LoanEvent[] | null {
  if (!known) return null;
  const same = decimalOrNull(amount)?.eq(known.amount) ?? false;
  if (same) return [];
  throw new DomainError('DUPLICATE_REFERENCE', 'This reference was already used with a different amount', 'conflict', { amount: known.amount });
}

/**
 * [] for the same repayment sent again (same amount, effective date, channel and prepayment
 * override): it was recorded once. Anything different reusing its reference is
 * DUPLICATE_REFERENCE (409), naming the reference and what differs: a reference identifies one
 * payment, so a different one under it is a conflict, never a silent replay.
 */
export function repaymentReplay(known: PaymentRecord, data: ReceiveRepayment['data'], knownPrepayment: string | undefined): LoanEvent[] {
  const differs: string[] = [];
  if (!(decimalOrNull(data.amount)?.eq(known.amount) ?? false)) differs.push(`amount ${known.amount}`);
  if (data.effectiveDate !== known.effectiveDate) differs.push(`effective date ${known.effectiveDate}`);
  if (known.channel !== null && data.channel !== known.channel) differs.push(`channel ${known.channel}`);
  if ((data.prepayment ?? null) !== (knownPrepayment ?? null)) differs.push(`prepayment ${knownPrepayment ?? 'none'}`);
  if (differs.length === 0) return [];
  throw new DomainError(
    'DUPLICATE_REFERENCE', `Repayment reference ${data.reference} was already used for a different repayment (${differs.join(', ')})`, 'conflict',
    { reference: data.reference, amount: known.amount, effectiveDate: known.effectiveDate, channel: known.channel },
  );
}

/**
 * An amount staff keyed in may pay the loan off and no more (AMOUNT_EXCEEDS_PAYOFF, 422, naming
 * what pays it off on that date), unless the overpayment is confirmed; even then the money beyond
 * every balance may not exceed the principal disbursed (OVERPAYMENT_TOO_LARGE, 422): a borrower
 * does not send more than the whole loan again by mistake, a typing slip does. Money a channel
 * reports (a bank statement line, a provider notification) is recorded whatever it is: it arrived.
 */
function checkKeyedOverpayment(state: LoanState, amount: string, creditAfter: bigint, confirmed: boolean): void {
  const places = minorUnits(state.currency);
  const overpaid = overpaidBy(state, creditAfter);
  if (overpaid <= 0n) return;
  const paysOff = formatMinor(minorOf(amount, places) - overpaid, places);
  if (!confirmed) {
    throw new DomainError('AMOUNT_EXCEEDS_PAYOFF', `amount ${amount} is more than ${paysOff}, the payoff on its effective date; send overpayment: true to record the overpayment`, 'rule', { payoff: paysOff });
  }
  const principal = minorOf(state.disbursement?.amount ?? '0', places);
  if (overpaid > principal) {
    // Name the field sent and its limit, never the overpayment the server derived from it.
    const most = formatMinor(minorOf(amount, places) - overpaid + principal, places);
    throw new DomainError('OVERPAYMENT_TOO_LARGE', `amount ${amount} is more than ${most}, the most this loan takes on its effective date (the payoff ${paysOff} plus at most its principal ${state.disbursement?.amount ?? '0'} beyond it)`, 'rule', { payoff: paysOff, max: most });
  }
}

/**
 * Records a repayment with its allocation, after the penalties owed by its date that no close has
 * charged yet (penaltiesOwedBy), which it pays like any charge. The loan closes only when nothing at all is owed
 * (principal, interest, fees and penalties, whatever the allocation order); money beyond every
 * balance makes it overpaid. Money a channel reports (no `keyed`) also lands on a closed or overpaid
 * loan, all of it credit to refund (see requireRepayable).
 */
export function receiveRepayment({ data }: ReceiveRepayment, current: LoanState, memo: ReplayMemo): LoanEvent[] {
  requireLoan(current);
  const known = knownPayment(current.payments, data.reference);
  if (known) return repaymentReplay(known, data, current.prepaymentOverrides[data.reference]);
  requireRepayable(current, data.keyed === undefined);
  const amount = positiveAmount(data.amount, current.currency).toString();
  const date = onOrAfterDisbursement(current, data.effectiveDate);
  if (current.rescheduledOn !== null && date < current.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `Cannot backdate a repayment before the reschedule on ${current.rescheduledOn}`, 'rule');
  }
  // Penalties owed by its date that no close has charged yet come first, and the payment pays them.
  const penalties = penaltiesOwedBy(current, date, 'RepaymentReceived', memo);
  const state = foldedCopy(current, penalties, memo);
  const prepayment = data.prepayment;
  const record = { reference: data.reference, amount, effectiveDate: date, sequence: state.eventsFolded + 1, channel: data.channel, ...(prepayment ? { prepayment } : {}) };
  const { result, rows, creditAfter } = paymentOutcome(state, record, memo);
  if (data.keyed) checkKeyedOverpayment(state, amount, creditAfter, data.keyed.overpaymentConfirmed);
  return [
    ...penalties,
    {
      type: 'RepaymentReceived',
      data: {
        amount, channel: data.channel, reference: data.reference, effectiveDate: date, allocation: result.totals, installments: result.installments,
        ...(prepayment ? { prepayment } : {}),
      },
    },
    ...settlementEvents(state, rows, creditAfter, date),
  ];
}
