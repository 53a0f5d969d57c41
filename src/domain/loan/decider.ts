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
import { missedCloses } from './missed-closes.js';
import { foldedCopy } from './penalties-owed-by.js';
import { refundOverpayment } from './refund.js';
import { reclassification, type LoanDecisionContext } from './reclassification.js';
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
export function decideLoan(command: LoanCommand, state: LoanState, context: LoanDecisionContext = {}): LoanEvent[] {
  const events = decideCommand(command, state, context);
  if (events.length === 0) return events;
  // A command ending a loan no close has caught up yet first records what the closes it missed would have (QA 12 Q2).
  const missed = command.type === 'CloseBusinessDay' ? [] : missedCloses(state, events, context);
  if (missed.length === 0) return [...events, ...reclassification(command, state, events, context)];
  const caughtUp = foldedCopy(state, missed);
  const decided = decideCommand(command, caughtUp, context);
  return decided.length === 0 ? decided : [...missed, ...decided, ...reclassification(command, caughtUp, decided, context)];
}

function decideCommand(command: LoanCommand, state: LoanState, context: LoanDecisionContext): LoanEvent[] {
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
      return disburse(command, state);
    case 'ReceiveRepayment':
      return receiveRepayment(command, state);
    case 'ReverseRepayment':
      return reverseRepayment(command, state);
    case 'ApproveReversal':
      return approveReversal(command, state);
    case 'RejectReversal':
      return rejectReversal(command, state);
    case 'WaiveCharge':
      return waiveCharge(command, state);
    case 'ApproveWaiver':
      return approveWaiver(command, state);
    case 'RejectWaiver':
      return rejectWaiver(command, state);
    case 'ApplyCharge':
      return applyCharge(command, state);
    case 'CloseBusinessDay':
      requireLoan(state);
      return closeBusinessDay(state, command.data.date, command.data.thresholds);
    case 'Reschedule':
      return reschedule(command, state);
    case 'RequestWriteOff':
      return requestWriteOff(command, state, context.lastClose);
    case 'ApproveWriteOff':
      return approveWriteOff(command, state, context.lastClose);
    case 'ReceiveRecovery':
      return receiveRecovery(command, state);
    case 'RefundOverpayment':
      return refundOverpayment(command, state);
    case 'MigrateLoan':
      return migrateLoan(command, state);
  }
}

/** The loan as a decider. Its `evolve` updates the given state in place (see evolveLoan). */
export const loanDecider: Decider<LoanCommand, LoanEvent, LoanState> = {
  decide: decideLoan,
  evolve: evolveLoan,
  initialState: initialLoanState,
};
