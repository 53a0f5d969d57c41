import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { repay } from '../domain/loan/fixtures.js';
import { EOD_ACTOR, loanEvents, openBook, openLoan, runLoanCommand, type Book } from './book.js';

let nightly: Book;
let catchUp: Book;
beforeEach(async () => {
  nightly = await openBook();
  catchUp = await openBook();
});
afterEach(async () => {
  await nightly.close();
  await catchUp.close();
});

const close = (book: Book, date: string) =>
  runCloseOfBusiness({ eventStore: book.eventStore, readStore: book.readStore, date, businessDate: '2026-06-30', actor: EOD_ACTOR });

// The fixture loan: 100 000.00, 12 monthly at 12 %, disbursed 2026-01-15, installments of 8 884.88 due on the 15th, penalty 5 % after 3 grace days.
const PAYMENTS: Record<string, { amount: string; date: string }[]> = {
  // Nothing paid.
  unpaid: [],
  // Row 1 paid five days late, after its grace (the penalty stays owed).
  late: [{ amount: '8884.88', date: '2026-02-20' }],
  // Row 1 paid within its grace: nothing is due now, but on 02-16 it was overdue (the loan book no longer picks it by its next due date).
  inGrace: [{ amount: '8884.88', date: '2026-02-17' }],
  // Each row paid on its due date.
  onTime: ['2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15'].map((date) => ({ amount: '8884.88', date })),
};
const LOANS = Object.keys(PAYMENTS);
const CLOSE_EVENTS = new Set(['InstallmentOverdue', 'PenaltyCharged', 'LoanClassified', 'InterestAccrued']);

async function recordPayments(book: Book, loanId: string, on: (date: string) => boolean): Promise<void> {
  for (const [i, p] of (PAYMENTS[loanId] ?? []).entries()) {
    if (on(p.date)) await runLoanCommand(book.eventStore, loanId, repay(p.amount, `${loanId}-${i}`, p.date), undefined, p.date);
  }
}

async function closeEvents(book: Book, loanId: string): Promise<LoanEvent[]> {
  return (await loanEvents(book.eventStore, loanId)).filter((e) => CLOSE_EVENTS.has(e.type)).map(({ type, data }) => ({ type, data }) as LoanEvent);
}

async function folded(book: Book, loanId: string) {
  let state = loanDecider.initialState();
  for (const event of await loanEvents(book.eventStore, loanId)) state = loanDecider.evolve(state, event);
  return state;
}

describe('a catch-up close over missed dates', () => {
  it('records, loan by loan, the same events and figures as closing every date on its night with each payment recorded on its date (QA 7 F8)', async () => {
    for (const book of [nightly, catchUp]) {
      for (const id of LOANS) await openLoan(book.eventStore, id);
      await close(book, '2026-01-16');
    }
    for (let day = '2026-01-17'; day <= '2026-05-31'; day = addDays(day, 1)) {
      for (const id of LOANS) await recordPayments(nightly, id, (date) => date === day);
      await close(nightly, day);
    }
    for (const id of LOANS) await recordPayments(catchUp, id, () => true);
    const report = await close(catchUp, '2026-05-31');
    expect(report.datesClosed).toHaveLength(135);

    for (const id of LOANS) {
      expect(await closeEvents(catchUp, id), id).toEqual(await closeEvents(nightly, id));
      expect(loanFigures(await folded(catchUp, id), '2026-05-31'), id).toEqual(loanFigures(await folded(nightly, id), '2026-05-31'));
    }
    // The loan paid within its grace was overdue on 02-16 and cured on 02-17, though nothing was due when the catch-up ran.
    expect((await closeEvents(catchUp, 'inGrace')).filter((e) => e.type !== 'InterestAccrued').slice(0, 3)).toEqual([
      { type: 'InstallmentOverdue', data: { number: 1, dueDate: '2026-02-15', amountDue: '8884.88', date: '2026-02-16' } },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 1, date: '2026-02-16' } },
      { type: 'LoanClassified', data: { from: 'special-mention', to: 'normal', dpd: 0, date: '2026-02-17' } },
    ]);
    // The late loan was overdue from 02-16 with the whole row owed, not from when the late payment left the penalty owing.
    expect((await closeEvents(catchUp, 'late')).find((e) => e.type === 'InstallmentOverdue')?.data).toEqual({ number: 1, dueDate: '2026-02-15', amountDue: '8884.88', date: '2026-02-16' });
    // The loan paid on its due dates still gets its month-end accruals.
    expect((await closeEvents(catchUp, 'onTime')).filter((e) => e.type === 'InterestAccrued').map((e) => e.data.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  }, 120_000);
});
