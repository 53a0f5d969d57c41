import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import type { Decider } from '../decider.js';
import { applyCharge } from './charge.js';
import { closeBusinessDay } from './close-of-business.js';
import { checkCommandAmounts } from './command-amounts.js';
import type { LoanCommand } from './commands.js';
import { disburse } from './disbursement.js';
import type { LoanEvent } from './events.js';
import { evolveLoan } from './evolve.js';
import { requireLoan } from './guards.js';
import { approve, recordAssessment, reject, submitApplication, withdraw } from './lifecycle.js';
import { migrateLoan } from './migration.js';
import { endsLoan, missedCloses } from './missed-closes.js';
import { foldedCopy } from './penalties-owed-by.js';
import { refundOverpayment } from './refund.js';
import { classMovedBetweenCloses, reclassification, type LoanDecisionContext } from './reclassification.js';
import { receiveRepayment } from './repayment.js';
import { reschedule } from './reschedule.js';
import { approveReversal, reverseRepayment } from './reversal.js';
import { rejectReversal } from './reversal-rejection.js';
import { initialLoanState, type LoanState } from './state.js';
import { waiveCharge } from './waiver.js';
import { approveWaiver, rejectWaiver } from './waiver-approval.js';
import { approveWriteOff, receiveRecovery, requestWriteOff } from './write-off.js';

export type { LoanCommand } from './commands.js';
export type { LoanState } from './state.js';
export type { LoanDecisionContext } from './reclassification.js';
export { loanSnapshotCodec } from './snapshot-codec.js';

/**
 * Decides a loan command against the state: the new events, [] for an idempotent replay, or a
 * DomainError. Given the last close (`context`), a command that moves the days past due as of it
 * across a class boundary also reclassifies the loan in the same append (reclassification.ts), and
 * one that ends a loan no close has caught up yet is decided after what those closes would have
 * recorded, which it records first (missed-closes.ts).
 */
export function decideLoan(command: LoanCommand, state: LoanState, context: LoanDecisionContext = {}, memo: ReplayMemo = NO_REPLAY_MEMO): LoanEvent[] {
  const events = decideCommand(command, state, context, memo);
  if (events.length === 0) return events;
  // A command ending a loan, or rewriting its history, before closes of the nights before it ran first records what those
  // closes would have (QA 12 Q2, qa21 #4–#6).
  const missed = command.type === 'CloseBusinessDay' ? null : missedCloses(state, events, context, memo);
  if (missed === null) return [...withLastClose(events, context.lastClose), ...reclassification(command, state, events, context, memo)];
  // The loan is closed through the night the catch-up ran to, whether or not those nights recorded anything.
  const through = context.lastClose == null || context.lastClose < missed.through ? missed.through : context.lastClose;
  const closed: LoanDecisionContext = { ...context, lastClose: through };
  let caughtUp = missed.events.length === 0 ? state : foldedCopy(state, missed.events, memo);
  let decided = missed.events.length === 0 ? events : decideCommand(command, caughtUp, context, memo);
  if (decided.length === 0) return decided;
  // A command that ends the loan first records the class move facts dated the day after those nights made (qa21 #4).
  const moved = !endsLoan(decided) ? [] : classMovedBetweenCloses(caughtUp, through, decided[0]?.type ?? command.type, context, memo);
  if (moved.length > 0) {
    caughtUp = foldedCopy(caughtUp, moved, memo);
    decided = decideCommand(command, caughtUp, context, memo);
  }
  return [...missed.events, ...moved, ...withLastClose(decided, context.lastClose === undefined ? undefined : closed.lastClose), ...reclassification(command, caughtUp, decided, closed, memo)];
}

/**
 * The penalties a command records first (a payment, waiver, write-off or reversal: `reason` set) with the last close it
 * was told (`lastClose`, null when the book has none), so the ledger can tell a night no close had judged, booked on
 * that night as its close would have, from one a close had judged and found nothing owed, a late correction (qa21 #7).
 * Unchanged when the command was not told (undefined: the hot path, which records no penalty).
 */
function withLastClose(events: LoanEvent[], lastClose: string | null | undefined): LoanEvent[] {
  if (lastClose === undefined) return events;
  return events.map((event) => (event.type === 'PenaltyCharged' && event.data.reason !== undefined ? { ...event, data: { ...event.data, lastClose } } : event));
}

function decideCommand(command: LoanCommand, state: LoanState, context: LoanDecisionContext, memo: ReplayMemo): LoanEvent[] {
  checkCommandAmounts(command, state);
  switch (command.type) {
    case 'SubmitApplication':
      return submitApplication(command, state);
    case 'RecordAssessment':
      return recordAssessment(command, state);
    case 'Approve':
      return approve(command, state);
    case 'Reject':
      return reject(command, state);
    case 'Withdraw':
      return withdraw(command, state);
    case 'Disburse':
      return disburse(command, state, context.lastClose);
    case 'ReceiveRepayment':
      return receiveRepayment(command, state, memo);
    case 'ReverseRepayment':
      return reverseRepayment(command, state, memo);
    case 'ApproveReversal':
      return approveReversal(command, state, memo);
    case 'RejectReversal':
      return rejectReversal(command, state);
    case 'WaiveCharge':
      return waiveCharge(command, state, memo);
    case 'ApproveWaiver':
      return approveWaiver(command, state, memo);
    case 'RejectWaiver':
      return rejectWaiver(command, state);
    case 'ApplyCharge':
      return applyCharge(command, state);
    case 'CloseBusinessDay':
      requireLoan(state);
      // The book's first close judges the nights before it for no loan: one a command caught up part way walks them too.
      return closeBusinessDay(state, command.data.date, command.data.thresholds, memo, command.data.firstClose === true ? null : undefined);
    case 'Reschedule':
      return reschedule(command, state);
    case 'RequestWriteOff':
      return requestWriteOff(command, state, context.lastClose);
    case 'ApproveWriteOff':
      return approveWriteOff(command, state, context.lastClose, memo);
    case 'ReceiveRecovery':
      return receiveRecovery(command, state);
    case 'RefundOverpayment':
      return refundOverpayment(command, state);
    case 'MigrateLoan':
      return migrateLoan(command, state);
  }
}

/**
 * The loan as a decider whose long replays are remembered in `memo` (replay-memo.ts; the application
 * creates and owns it). Its `evolve` updates the given state in place (see evolveLoan). Make one per
 * memo and keep it: a cached aggregate is looked up by its `evolve`.
 */
export function loanDeciderWith(memo: ReplayMemo): Decider<LoanCommand, LoanEvent, LoanState> {
  return {
    decide: (command, state) => decideLoan(command, state, {}, memo),
    evolve: (state, event) => evolveLoan(state, event, memo),
    initialState: initialLoanState,
  };
}

/** The loan as a decider that remembers nothing (every replay runs). */
export const loanDecider = loanDeciderWith(NO_REPLAY_MEMO);
