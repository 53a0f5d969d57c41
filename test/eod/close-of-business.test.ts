import { Decimal } from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanDisbursed } from '../../src/domain/loan/events.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { findRun } from '../../src/eod/run-record.js';
import { repay } from '../domain/loan/fixtures.js';
import { EOD_ACTOR, loanEvents, openBook, openLoan, runLoanCommand, type Book } from './book.js';

let book: Book;
beforeEach(async () => (book = await openBook()));
afterEach(async () => book.close());

const close = (date: string, extra: Partial<Parameters<typeof runCloseOfBusiness>[0]> = {}) =>
  runCloseOfBusiness({ eventStore: book.eventStore, readStore: book.readStore, date, businessDate: '2099-12-31', actor: EOD_ACTOR, ...extra });

describe('close of business over a portfolio', () => {
  it('detects overdue loans with their DPD, charges penalties after grace and up to the cap, and classifies at 1/91/271/361 DPD', async () => {
    await openLoan(book.eventStore, 'paid');
    await openLoan(book.eventStore, 'late');
    await openLoan(book.eventStore, 'big', '200000.00');
    await runLoanCommand(book.eventStore, 'paid', repay('8884.88', 'p-1', '2026-02-15'), undefined, '2026-02-15');

    const dueDay = await close('2026-02-15');
    // The book's first close visits every loan (qa19 Q1): each books the 01-31 month-end it missed (on its own night) and
    // today's due-date accrual — the two falling due unpaid today, and the one paid this morning, which before waited for
    // 02-28 with its January interest in received in advance.
    expect(dueDay).toMatchObject({ datesClosed: ['2026-02-15'], loansScanned: 3, loansChanged: 3, eventsAppended: 6 });
    expect((await loanEvents(book.eventStore, 'paid')).filter((e) => e.type === 'InterestAccrued').map((e) => [e.data.to, e.data.date])).toEqual([['2026-01-31', '2026-01-31'], ['2026-02-15', '2026-02-15']]);
    const firstDayLate = await close('2026-02-16');
    expect(firstDayLate).toMatchObject({ loansChanged: 2, eventsAppended: 4 });
    expect((await loanEvents(book.eventStore, 'late')).slice(-2)).toEqual([
      { type: 'InstallmentOverdue', data: { number: 1, dueDate: '2026-02-15', amountDue: '8884.88', date: '2026-02-16' }, on: '2026-02-16' },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 1, date: '2026-02-16' }, on: '2026-02-16' },
    ]);

    // 2026-02-19 is the first day past the 3 grace days; the 17th and 18th are closed on the way.
    const afterGrace = await close('2026-02-19');
    expect(afterGrace.datesClosed).toEqual(['2026-02-17', '2026-02-18', '2026-02-19']);
    const penalty = async (loanId: string) => (await loanEvents(book.eventStore, loanId)).filter((e) => e.type === 'PenaltyCharged');
    const lateRow = ((await loanEvents(book.eventStore, 'late')).find((e) => e.type === 'LoanDisbursed') as LoanDisbursed).data.schedule[0]!;
    expect((await penalty('late')).map((e) => [e.data, e.on])).toEqual([[{ number: 1, amount: new Decimal(lateRow.total).times('0.05').toFixed(2), date: '2026-02-19' }, '2026-02-19']]);
    // 5 % of the 200 000 loan's 17 769.76 installment is 888.49: capped at 500.00.
    expect((await penalty('big')).map((e) => e.data)).toEqual([{ number: 1, amount: '500.00', date: '2026-02-19' }]);
    expect(await penalty('paid')).toEqual([]);

    const dpd = (days: number) => addDays('2026-02-15', days);
    await close(dpd(361)); // every day in between closed in order
    const moves = (await loanEvents(book.eventStore, 'late')).filter((e) => e.type === 'LoanClassified').map((e) => e.type === 'LoanClassified' && [e.data.to, e.data.dpd, e.on]);
    expect(moves).toEqual([
      ['special-mention', 1, dpd(1)], ['substandard', 91, dpd(91)], ['doubtful', 271, dpd(271)], ['loss', 361, dpd(361)],
    ]);
    // Every later installment was flagged once, on the day after it fell due.
    const overdue = (await loanEvents(book.eventStore, 'late')).filter((e) => e.type === 'InstallmentOverdue');
    expect(overdue.map((e) => e.data.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await findRun(book.readStore, dpd(361)))?.status).toBe('completed');
  });

  it('charges the penalty of an installment paid on the first day after its grace, dated that day, whether the payment was recorded before that night\'s close, before a catch-up over missed days, or on a loan keyed in after those closes (QA 6 #2, #3)', async () => {
    await openLoan(book.eventStore, 'recorded-first');
    await openLoan(book.eventStore, 'closed-first');
    await close('2026-02-14');
    // Row 1 (8 884.88) is due 02-15; its last grace day is 02-18; 02-19 is the first day after it.
    await runLoanCommand(book.eventStore, 'recorded-first', repay('8884.88', 'p-1', '2026-02-19'), undefined, '2026-02-19');
    const caughtUp = await close('2026-02-19');
    expect(caughtUp.datesClosed).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
    await runLoanCommand(book.eventStore, 'closed-first', repay('8884.88', 'p-1', '2026-02-19'), undefined, '2026-02-19');
    await openLoan(book.eventStore, 'keyed-in-late');
    await runLoanCommand(book.eventStore, 'keyed-in-late', repay('8884.88', 'p-1', '2026-02-19'), undefined, '2026-02-19');
    await close('2026-02-22');
    const penalties = async (loanId: string) => (await loanEvents(book.eventStore, loanId)).filter((e) => e.type === 'PenaltyCharged').map((e) => e.data);
    // 5 % of 8 884.88, unpaid at the end of 02-18: it stands, dated the first day after the grace, however the facts arrived.
    // A close that ran first charged it; otherwise the payment itself did, first in its append (QA 9 Q5).
    const owed = { number: 1, amount: '444.24', date: '2026-02-19' };
    expect(await penalties('closed-first')).toEqual([owed]);
    expect(await penalties('recorded-first')).toEqual([{ ...owed, reason: 'RepaymentReceived' }]);
    expect(await penalties('keyed-in-late')).toEqual([{ ...owed, reason: 'RepaymentReceived' }]);
  });

  it('appends nothing when the same date is closed again', async () => {
    await openLoan(book.eventStore, 'a');
    await openLoan(book.eventStore, 'b');
    const first = await close('2026-02-16');
    expect(first.eventsAppended).toBeGreaterThan(0);
    const head = await book.eventStore.headPosition();
    const again = await close('2026-02-16');
    expect(again).toMatchObject({ datesClosed: ['2026-02-16'], loansScanned: 2, loansChanged: 0, eventsAppended: 0 });
    expect(await book.eventStore.headPosition()).toBe(head);
  });

  it('resumes a run that crashed midway without processing any loan twice', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `loan-${String(i).padStart(2, '0')}`);
    for (const id of ids) await openLoan(book.eventStore, id);
    const crashing = appendsThatFailAfter(book.eventStore, 5);
    await expect(close('2026-02-16', { eventStore: crashing.store, concurrency: 2, pageSize: 4 })).rejects.toThrow('crash after 5 appends');
    expect((await findRun(book.readStore, '2026-02-16'))?.status).toBe('running');
    const counting = appendsThatFailAfter(book.eventStore, Infinity);
    const resumed = await close('2026-02-16', { eventStore: counting.store });
    // The loans closed before the crash are neither appended to nor even attempted again;
    // each of the others gets its missed 01-31 month-end accrual, its first due-date accrual, its overdue flag and its classification.
    expect(crashing.succeeded()).toBeGreaterThanOrEqual(5);
    expect(resumed).toMatchObject({ loansChanged: 12 - crashing.succeeded(), eventsAppended: 4 * (12 - crashing.succeeded()) });
    // … and the book's close (BusinessDayClosed) once they all are.
    expect(counting.attempted()).toBe(12 - crashing.succeeded() + 1);
    for (const id of ids) {
      const flagged = (await loanEvents(book.eventStore, id)).filter((e) => e.type === 'InstallmentOverdue');
      expect(flagged, id).toHaveLength(1);
    }
    // The record counts finished pages: the crashed page's appends are in the log, not in its totals.
    const record = await findRun(book.readStore, '2026-02-16');
    expect(record).toMatchObject({ status: 'completed', resumeAt: null });
    expect(record!.loansChanged).toBeGreaterThan(resumed.loansChanged);
    expect(record!.loansChanged).toBeLessThanOrEqual(12);
  });

  it('refuses a date before the last completed close unless forced, and a malformed date', async () => {
    await openLoan(book.eventStore, 'a');
    await close('2026-02-16');
    await expect(close('2026-02-10')).rejects.toMatchObject({ code: 'EOD_DATE_BEFORE_LAST_CLOSE', kind: 'conflict' });
    const head = await book.eventStore.headPosition();
    const forced = await close('2026-02-10', { force: true });
    expect(forced).toMatchObject({ datesClosed: ['2026-02-10'], eventsAppended: 0 });
    expect(await book.eventStore.headPosition()).toBe(head);
    await expect(close('2026-02-30')).rejects.toMatchObject({ code: 'INVALID_DATE', kind: 'invalid' });
  });

  it('refuses to run while another close runs, and when the loan book lags the log', async () => {
    await openLoan(book.eventStore, 'a');
    const first = close('2026-02-16');
    await expect(close('2026-02-16')).rejects.toMatchObject({ code: 'EOD_ALREADY_RUNNING' });
    await first;
    await book.runner.stop();
    await openLoan(book.eventStore, 'b');
    await expect(close('2026-02-17', { freshness: { timeoutMs: 30, pollMs: 5 } })).rejects.toMatchObject({ code: 'LOAN_BOOK_BEHIND', kind: 'conflict' });
  });

  it('moves a cured loan back to normal although nothing of it is due', async () => {
    await openLoan(book.eventStore, 'a');
    await close('2026-02-16');
    await runLoanCommand(book.eventStore, 'a', repay('8884.88', 'r-1', '2026-02-17'), undefined, '2026-02-17');
    await close('2026-02-17');
    const last = (await loanEvents(book.eventStore, 'a')).at(-1);
    expect(last).toEqual({ type: 'LoanClassified', data: { from: 'special-mention', to: 'normal', dpd: 0, date: '2026-02-17' }, on: '2026-02-17' });
  });
});

/** The store with `append` failing once `limit` appends have succeeded, counting attempts and successes. */
function appendsThatFailAfter(inner: EventStore, limit: number) {
  let attempted = 0;
  let succeeded = 0;
  const store: EventStore = Object.create(inner) as EventStore;
  store.append = async (...args) => {
    attempted += 1;
    if (succeeded >= limit) throw new Error(`crash after ${limit} appends`);
    const result = await inner.append(...args);
    succeeded += 1;
    return result;
  };
  return { store, attempted: () => attempted, succeeded: () => succeeded };
}
