import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { paymentRecords } from './payment-book.js';
import { replayServicing } from './servicing-replay.js';
import type { Installment, LoanContext, LoanState } from './state.js';

/**
 * The installments as a fact dated `date` finds them in the replay (servicing-replay.ts): every
 * payment, waiver, officer charge and close-of-business penalty dated on or before it applied (a
 * close's penalties are charged at the start of their day and replay before its other facts);
 * nothing dated later. What a waiver dated `date` may waive is read from these rows, never from the
 * rows as they stand now (a later-dated payment or penalty changes those).
 */
export function installmentsOn(state: LoanState, date: string, ctx: LoanContext, memo: ReplayMemo = NO_REPLAY_MEMO): Installment[] {
  const later = paymentRecords(state.payments).filter((p) => p.effectiveDate > date).map((p) => p.reference);
  const upTo: LoanState = {
    ...state, reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => w.date <= date),
    penalties: state.penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => c.date <= date),
  };
  return replayServicing(upTo, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', ctx, [], null, null, memo).installments;
}
