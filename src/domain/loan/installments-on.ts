import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import type { InstallmentsTimeline } from './installments-timeline.js';
import { replayTimeline } from './servicing-replay.js';
import type { Installment, LoanContext, LoanState } from './state.js';

/**
 * The loan's installments on every date (installments-timeline.ts): what installmentsOn gives for
 * any date, from one replay. For callers that ask many dates of one loan.
 */
export function installmentsTimeline(state: LoanState, ctx: LoanContext, memo: ReplayMemo = NO_REPLAY_MEMO): InstallmentsTimeline {
  return replayTimeline(state, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', ctx, memo);
}

/**
 * The installments as a fact dated `date` finds them in the replay (servicing-replay.ts): every
 * payment, waiver, officer charge and close-of-business penalty dated on or before it applied (a
 * close's penalties are charged at the start of their day and replay before its other facts);
 * nothing dated later. What a waiver dated `date` may waive is read from these rows, never from the
 * rows as they stand now (a later-dated payment or penalty changes those).
 */
export function installmentsOn(state: LoanState, date: string, ctx: LoanContext, memo: ReplayMemo = NO_REPLAY_MEMO): Installment[] {
  return replayTimeline(state, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', ctx, memo, date).at(date);
}
