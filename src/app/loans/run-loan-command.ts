import { preconditionsOf, type CommandResult } from '../../commands/handle-command.js';
import { loadAggregate } from '../../commands/load-aggregate.js';
import type { Decider } from '../../domain/decider.js';
import { decideLoan, type LoanCommand, type LoanState } from '../../domain/loan/decider.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import { needsLastClose } from '../../domain/loan/reclassification.js';
import { refusingErasedBorrower } from '../customers/erased-borrower.js';
import { closedThrough } from '../queries/loan-summary-view.js';
import { requireOnOrBeforeBusinessDate } from '../business-date.js';
import { businessToday, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { LOAN_SNAPSHOT, loanStream } from '../streams.js';
import { processLoanDecider } from './loan-decider.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

/** The business dates a loan command carries, by field name. */
function commandDates(command: LoanCommand): [string, string][] {
  const data = command.data as { effectiveDate?: unknown; date?: unknown; submittedOn?: unknown };
  const dates: [string, string][] = [];
  if (typeof data.submittedOn === 'string') dates.push(['submittedOn', data.submittedOn]);
  if (typeof data.effectiveDate === 'string') dates.push(['effectiveDate', data.effectiveDate]);
  if (typeof data.date === 'string') dates.push(['date', data.date]);
  return dates;
}

/**
 * Runs a loan command on the loan's stream (with snapshots); business time is `occurredAt`. Every
 * date the command carries must be on or before the business date (DATE_AFTER_BUSINESS_DATE, 422).
 */
export function runLoanCommand(
  services: AppServices,
  meta: CommandMeta,
  loanId: string,
  command: LoanCommand,
  occurredAt: string,
): Promise<CommandResult<LoanState> & { outcome: CommandOutcome }> {
  const today = businessToday(services);
  for (const [field, date] of commandDates(command)) requireOnOrBeforeBusinessDate(date, today, field);
  return runCommand(services, {
    id: loanId, streamId: loanStream(loanId), decider: processLoanDecider, command, meta, occurredAt, snapshot: LOAN_SNAPSHOT,
    deciderFor: (state) => deciderFor(services, loanId, command, state),
  });
}

/**
 * Asks the loan, writing nothing, whether it takes `command` now: throws what runLoanCommand would
 * (a date after the business date, an Idempotency-Key used for another request, an If-Match the loan
 * is not at, the decider's refusals); returns the loan as asked, and `replay` when the key already
 * answered this very request. For a caller that must write elsewhere first (a bank transfer's claim
 * on its bank transaction) only for a command the loan takes (qa19 Q4: a 409 If-Match or a reused key
 * left the bank transaction claimed with no money recorded).
 */
export async function checkLoanCommand(services: AppServices, meta: CommandMeta, loanId: string, command: LoanCommand): Promise<{ state: LoanState; replay: boolean }> {
  const today = businessToday(services);
  for (const [field, date] of commandDates(command)) requireOnOrBeforeBusinessDate(date, today, field);
  const { state, revision } = await loadAggregate(services.eventStore, loanStream(loanId), processLoanDecider, { snapshot: LOAN_SNAPSHOT });
  if (await preconditionsOf(services.eventStore, loanStream(loanId), meta, command, revision) === 'replay') return { state, replay: true };
  (await deciderFor(services, loanId, command, state)).decide(command, state);
  return { state, replay: false };
}

/** The loan decider for the command on this state: told the last close when it may use it, refusing what an erased borrower's loan may not take. */
async function deciderFor(services: AppServices, loanId: string, command: LoanCommand, state: LoanState): Promise<Decider<LoanCommand, LoanEvent, LoanState>> {
  return refusingErasedBorrower(services, loanId, command, state, await withLastClose(services, command, state));
}

/**
 * The loan decider told the last close, when deciding the command on this state may use it
 * (reclassification.ts: the class follows the history; a write-off counts days past due to it).
 * One read of the run records, skipped on the hot path (an on-time repayment of a normal loan).
 */
async function withLastClose(services: AppServices, command: LoanCommand, state: LoanState): Promise<Decider<LoanCommand, LoanEvent, LoanState>> {
  if (!needsLastClose(command, state)) return processLoanDecider;
  const lastClose = await closedThrough(services.readStore);
  return { ...processLoanDecider, decide: (c, s) => decideLoan(c, s, { lastClose }, processReplayMemo) };
}
