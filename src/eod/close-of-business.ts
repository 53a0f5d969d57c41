import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import { requireOnOrBeforeBusinessDate } from '../app/business-date.js';
import { DomainError } from '../domain/errors.js';
import { DEFAULT_THRESHOLDS, type ClassificationThresholds } from '../domain/loan/classification.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { datesToClose } from './business-dates.js';
import { closeDay, type DayTotals } from './close-day.js';
import { CuredLoans } from './cured-loans.js';
import { awaitLoanBook, type FreshnessOptions } from './loan-book-freshness.js';
import { ensureRunRecords, lastCompletedDate } from './run-record.js';

export interface CloseOfBusinessProgress extends DayTotals {
  /** The business date being closed, its place among the dates of this run, and the time so far. */
  date: string;
  day: number;
  days: number;
  elapsedMs: number;
}

export interface CloseOfBusinessInput {
  eventStore: EventStore;
  readStore: ReadStore;
  date: string;
  /** Today in the lender's time zone: a later `date` is refused (DATE_AFTER_BUSINESS_DATE, 422). */
  businessDate: string;
  /** The lender's time zone (LENDCORE_TIMEZONE, default Asia/Shanghai): each day's close is booked at its last instant there. */
  timeZone?: string;
  actor: Actor;
  thresholds?: ClassificationThresholds;
  /** Close a date earlier than the last completed close (otherwise refused with 409). */
  force?: boolean;
  onProgress?: (progress: CloseOfBusinessProgress) => void;
  concurrency?: number;
  pageSize?: number;
  freshness?: FreshnessOptions;
  now?: () => Date;
}

export interface CloseOfBusinessReport extends DayTotals {
  date: string;
  /** Every business date this run closed, oldest first: missed days are closed before `date`. */
  datesClosed: string[];
  durationMs: number;
  /** Global position of the last event this run appended (null when none): pass it as `minPosition` to read your writes. */
  position: string | null;
}

// One close at a time per read store in this process: two at once would race on the run record.
const running = new WeakSet<ReadStore>();

/**
 * Closes the business day `date` for the whole book (accrual, overdue detection, penalties,
 * classification), appending events only where something changed. Idempotent per date, resumable
 * after a crash, and it never skips a day: dates missed since the last close are closed first, in
 * order, each judged on the facts dated by then (a payment recorded since but dated later did not
 * exist that day), so a catch-up records what closing each date on its night would have.
 * A date before the last completed close is refused (EOD_DATE_BEFORE_LAST_CLOSE, 409) unless forced.
 */
export async function runCloseOfBusiness(input: CloseOfBusinessInput): Promise<CloseOfBusinessReport> {
  const { eventStore, readStore, date } = input;
  requireOnOrBeforeBusinessDate(date, input.businessDate);
  if (running.has(readStore)) throw new DomainError('EOD_ALREADY_RUNNING', 'a close of business is already running', 'conflict');
  running.add(readStore);
  try {
    const started = Date.now();
    await ensureRunRecords(readStore);
    const last = await lastCompletedDate(readStore);
    if (last !== null && date < last && input.force !== true) {
      throw new DomainError('EOD_DATE_BEFORE_LAST_CLOSE', `${date} is before the last closed business date ${last}; business dates move forward`, 'conflict', { date, lastClosed: last });
    }
    const dates = datesToClose(last, date);
    const report: CloseOfBusinessReport = { date, datesClosed: dates, loansScanned: 0, loansChanged: 0, eventsAppended: 0, durationMs: 0, position: null };
    const correlationId = randomUUID();
    let cured: CuredLoans | null = null;
    for (const [index, day] of dates.entries()) {
      const logPosition = await awaitLoanBook(eventStore, readStore, input.freshness);
      // Dates before today may hold loans a payment recorded since (dated after them) cured: one pass finds them.
      if (index === 0 && dates[0]! < input.businessDate) cured = await CuredLoans.find(readStore, dates[0]!, date);
      const progress = (totals: DayTotals) =>
        input.onProgress?.({ date: day, day: index + 1, days: dates.length, elapsedMs: Date.now() - started, ...sum(report, totals) });
      const totals = await closeDay({
        eventStore, readStore, actor: input.actor, correlationId, logPosition, ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
        concurrency: input.concurrency ?? 256,
        pageSize: input.pageSize ?? 1_000,
        now: input.now ?? (() => new Date()),
        onPage: progress, cured, firstClose: last === null && index === 0,
      }, day);
      Object.assign(report, sum(report, totals));
      if (totals.lastPosition != null) report.position = totals.lastPosition.toString();
      progress({ loansScanned: 0, loansChanged: 0, eventsAppended: 0 });
      // Yield between dates so a long range of missed dates never holds the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ...report, durationMs: Date.now() - started };
  } finally {
    running.delete(readStore);
  }
}

function sum(a: DayTotals, b: DayTotals): DayTotals {
  return { loansScanned: a.loansScanned + b.loansScanned, loansChanged: a.loansChanged + b.loansChanged, eventsAppended: a.eventsAppended + b.eventsAppended };
}
