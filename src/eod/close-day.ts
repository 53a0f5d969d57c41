import { endOfBusinessDay } from '../app/business-date.js';
import type { Actor } from '../domain/actor.js';
import type { ClassificationThresholds } from '../domain/loan/classification.js';
import type { LoanCommand } from '../domain/loan/commands.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { forEachBounded } from './bounded-pool.js';
import { closeBook } from './close-book.js';
import { closeLoan } from './close-loan.js';
import type { CuredLoans } from './cured-loans.js';
import { loansToClose } from './loan-book.js';
import { findRun, saveRun, type EodRunDoc } from './run-record.js';

export interface CloseDayDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  actor: Actor;
  /** The lender's time zone (LENDCORE_TIMEZONE). */
  timeZone?: string;
  thresholds: ClassificationThresholds;
  correlationId: string;
  /** Loan commands in flight at once: enough to fill the event store's group commits. */
  concurrency: number;
  pageSize: number;
  now: () => Date;
  /** The log position the loan book was checked fresh at; stored with the run record. */
  logPosition: bigint;
  /** For a past date: the loans a later-dated payment cured since that had something due then (see loansToClose). */
  cured?: CuredLoans | null;
  /** The book's first close: every loan still owing is visited, whatever the date (see loansToClose). */
  firstClose?: boolean;
  /** After each page of loans, with this run's totals so far for the date. */
  onPage?: (totals: DayTotals) => void;
}

export interface DayTotals {
  loansScanned: number;
  loansChanged: number;
  eventsAppended: number;
  /** Global position of the last event appended (null when none was): read your writes from it. */
  lastPosition?: bigint | null;
}

function startRun(existing: EodRunDoc | null, date: string, now: Date): EodRunDoc {
  if (existing === null) {
    return { id: date, status: 'running', startedAt: now.toISOString(), completedAt: null, resumeAt: null, loansScanned: 0, loansChanged: 0, eventsAppended: 0 };
  }
  // A crashed run resumes after its last finished page; a completed date is scanned again from the start.
  if (existing.status === 'running') return existing;
  return { ...existing, status: 'running', completedAt: null, resumeAt: null, loansScanned: 0 };
}

/**
 * Closes one business date over the loans the loan book says may have something to record (an
 * installment due or past due, a classification to revisit, month-end accrual): each goes through
 * the command pipeline (see closeLoan), so a loan already closed for the date (a re-run, a resumed
 * crash) appends nothing, and the run record's cursor moves only past pages that are fully done.
 */
export async function closeDay(deps: CloseDayDeps, date: string): Promise<DayTotals> {
  const { readStore, now } = deps;
  const command: LoanCommand = { type: 'CloseBusinessDay', data: { date, thresholds: deps.thresholds, ...(deps.firstClose === true ? { firstClose: true } : {}) } };
  // End of the business day: the close comes after every payment dated that day.
  const closedAt = endOfBusinessDay(date, deps.timeZone);
  let run = startRun(await findRun(readStore, date), date, now());
  await saveRun(readStore, run, deps.logPosition, now());
  const before: DayTotals = { loansScanned: run.loansScanned, loansChanged: run.loansChanged, eventsAppended: run.eventsAppended };
  const totals: DayTotals = { loansScanned: 0, loansChanged: 0, eventsAppended: 0, lastPosition: null };
  for await (const page of loansToClose(readStore, date, run.resumeAt, deps.pageSize, deps.cured ?? null, deps.firstClose ?? false)) {
    await forEachBounded(page.loans, deps.concurrency, async (loan) => {
      const closed = await closeLoan(deps, loan.id, command, closedAt);
      if (closed.events > 0) totals.loansChanged += 1;
      totals.eventsAppended += closed.events;
      if (closed.position !== null && (totals.lastPosition == null || closed.position > totals.lastPosition)) totals.lastPosition = closed.position;
    });
    totals.loansScanned += page.loans.length;
    // The record keeps the date's totals across resumed runs; `totals` are this run's alone.
    run = {
      ...run, resumeAt: page.next, lastPosition: laterPosition(run.lastPosition ?? null, totals.lastPosition ?? null),
      loansScanned: before.loansScanned + totals.loansScanned,
      loansChanged: before.loansChanged + totals.loansChanged,
      eventsAppended: before.eventsAppended + totals.eventsAppended,
    };
    await saveRun(readStore, run, deps.logPosition, now());
    deps.onPage?.({ ...totals });
  }
  // The book's close in the log, before the run is completed: a command told this close has it before its own facts.
  const book = await closeBook(deps, date, closedAt);
  if (book !== null && (totals.lastPosition == null || book > totals.lastPosition)) totals.lastPosition = book;
  await saveRun(readStore, { ...run, status: 'completed', completedAt: now().toISOString(), resumeAt: null }, deps.logPosition, now());
  return totals;
}

/** The later of two global positions (decimal strings); a resumed run's events follow the crashed run's. */
function laterPosition(recorded: string | null, appended: bigint | null): string | null {
  if (appended === null) return recorded;
  return recorded !== null && BigInt(recorded) > appended ? recorded : appended.toString();
}
