import type { ReplayMemo } from './replay-memo.js';
import { minorOf, minorUnits } from '../money.js';
import { clearDelinquency, markedOverdue } from './derived-state.js';
import type { RepaymentReversed } from './events.js';
import { paymentRecords } from './payment-book.js';
import { recordFact, reviewPenaltiesFrom } from './record-fact.js';
import type { LoanState } from './state.js';
import { writeOffAmounts, writtenOffRecord } from './write-off-amounts.js';

/**
 * A reversed payment leaves the replay; the loan's status follows what is then owed: a closed or
 * overpaid loan reopens (overdue again if an installment it paid was overdue); a written-off one
 * stays written off, its write-off re-derived without the payment.
 */
export function reversePayment(state: LoanState, event: RepaymentReversed, memo: ReplayMemo): void {
  state.reversed.push(event.data.reference);
  const reversed = paymentRecords(state.payments).find((p) => p.reference === event.data.reference);
  if (reversed) reviewPenaltiesFrom(state, reversed.effectiveDate);
  state.lastFactKey = null;
  recordFact(state, null, memo);
  // Written off: the write-off is re-derived on its date without the payment (it takes what was owed then);
  // the loan stays written off, and the ledger moves the bounced cash to the loss.
  if (state.writtenOff !== null) {
    state.writtenOff = writtenOffRecord(state.writtenOff.date, writeOffAmounts(state, state.writtenOff.date, memo), state.currency);
    return;
  }
  const places = minorUnits(state.currency);
  const credit = minorOf(state.creditBalance, places);
  const owing = state.installments.some((inst) => !inst.settled) || credit < 0n;
  if (credit > 0n) state.status = 'overpaid';
  else if (!owing) state.status = 'closed';
  // Any open row a close marked, not only the oldest: a charge can reopen an older row (unmarked) before it.
  else state.status = markedOverdue(state, state.firstUnsettled) ? 'overdue' : 'active';
  if (state.status !== 'closed') state.closedOn = null;
  if (state.status === 'closed' || state.status === 'overpaid') clearDelinquency(state);
}
