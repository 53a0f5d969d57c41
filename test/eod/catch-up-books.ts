import { afterEach, beforeEach } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { runCloseOfBusiness, type CloseOfBusinessReport } from '../../src/eod/close-of-business.js';
import { repay } from '../domain/loan/fixtures.js';
import { EOD_ACTOR, loanEvents, openBook, openLoan, runLoanCommand, type Book } from './book.js';
import { asFacts } from './close-history.js';

/** A book closed every night, and one that closes the same dates in one catch-up run. */
export interface CatchUpBooks { nightly: Book; catchUp: Book }

/** Two fresh books for each test of the suite, closed after it; read them inside tests only (beforeEach fills them in). */
export function catchUpBooksPerTest(): CatchUpBooks {
  const books = {} as CatchUpBooks;
  beforeEach(async () => {
    books.nightly = await openBook();
    books.catchUp = await openBook();
  });
  afterEach(async () => {
    await books.nightly.close();
    await books.catchUp.close();
  });
  return books;
}

/** Close of business through `date`, today being 2026-06-30 (so every date up to then may be closed). */
export const closeThrough = (book: Book, date: string): Promise<CloseOfBusinessReport> =>
  runCloseOfBusiness({ eventStore: book.eventStore, readStore: book.readStore, date, businessDate: '2026-06-30', actor: EOD_ACTOR });

const CLOSE_EVENTS = new Set(['InstallmentOverdue', 'PenaltyCharged', 'LoanClassified', 'InterestAccrued']);

/** What the closes recorded on the loan, as dated facts in date order (asFacts: a penalty a payment recorded first is the same fact). */
export async function closeEvents(book: Book, loanId: string): Promise<LoanEvent[]> {
  return asFacts((await loanEvents(book.eventStore, loanId)).filter((e) => CLOSE_EVENTS.has(e.type)).map(({ type, data }) => ({ type, data }) as LoanEvent));
}

/** A repayment of `amount` recorded on `date` under `reference`. */
export interface BookPayment { loanId: string; amount: string; reference: string; date: string }

const record = (book: Book, p: BookPayment) => runLoanCommand(book.eventStore, p.loanId, repay(p.amount, p.reference, p.date), undefined, p.date);

/**
 * Opens the fixture loans (openLoan: disbursed 2026-01-15) in both books and closes 01-16 in each;
 * then the nightly book records each payment on its date and closes every date through `through`,
 * while the catch-up book records every payment first and closes through `through` in one run.
 * Answers the catch-up run's report.
 */
export async function closeNightlyAndInOneRun(books: CatchUpBooks, loanIds: readonly string[], payments: readonly BookPayment[], through: string): Promise<CloseOfBusinessReport> {
  for (const book of [books.nightly, books.catchUp]) {
    for (const id of loanIds) await openLoan(book.eventStore, id);
    await closeThrough(book, '2026-01-16');
  }
  for (let day = '2026-01-17'; day <= through; day = addDays(day, 1)) {
    for (const p of payments) if (p.date === day) await record(books.nightly, p);
    await closeThrough(books.nightly, day);
  }
  for (const p of payments) await record(books.catchUp, p);
  return closeThrough(books.catchUp, through);
}
