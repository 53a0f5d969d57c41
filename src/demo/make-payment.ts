import { receiveRepayment } from '../app/loans/collect-payment.js';
import type { AppServices } from '../app/services.js';
import { loadLoan } from '../app/streams.js';
import { Dec } from '../domain/decimal.js';
import type { Channel } from '../domain/loan/events.js';
import { fmt, owedTotal } from '../domain/loan/installment.js';
import { payoffOwedOn } from '../domain/loan/penalties-owed-by.js';
import type { LoanState } from '../domain/loan/state.js';
import { borrowerActor, DEMO_STAFF, metaFor } from './demo-actors.js';
import type { PlannedPayment } from './payment-plan.js';
import { processReplayMemo } from '../commands/bounded-replay-memo.js';

/** Everything fallen due by `date` and not yet paid, penalties included. */
function dueBy(state: LoanState, date: string): string {
  let sum = new Dec(0);
  for (let i = state.firstUnsettled; i < state.installments.length && state.installments[i]!.dueDate <= date; i++) sum = sum.plus(owedTotal(state.installments[i]!));
  return fmt(sum, state.currency);
}

/**
 * Pays as planned, effective today, through the repayment service: borrowers pay online and by
 * wallet themselves, bank transfers are booked by an officer. Returns false when nothing was owed.
 */
export async function makePayment(services: AppServices, loanId: string, planned: PlannedPayment, channel: Channel, reference: string): Promise<boolean> {
  const state = await loadLoan(services.eventStore, loanId);
  if (state.status !== 'active' && state.status !== 'overdue') return false;
  const amount = planned.kind === 'payoff' ? payoffOwedOn(state, planned.date, processReplayMemo).total : dueBy(state, planned.date);
  if (!new Dec(amount).gt(0)) return false;
  const actor = channel === 'bank_transfer' ? DEMO_STAFF.officer : borrowerActor(state.customerId ?? '');
  await receiveRepayment(services, metaFor(actor), loanId, { amount, channel, reference, effectiveDate: planned.date });
  return true;
}
