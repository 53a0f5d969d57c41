import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../src/domain/loan/decider.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { CuredLoans } from '../../src/eod/cured-loans.js';
import { awaitLoanBook } from '../../src/eod/loan-book-freshness.js';
import { loansToClose, type LoanPage } from '../../src/eod/loan-book.js';
import { repay } from '../domain/loan/fixtures.js';
import { loanEvents, openLoan, runLoanCommand, type Book } from './book.js';
import { catchUpBooksPerTest, closeEvents, closeNightlyAndInOneRun, type BookPayment } from './catch-up-books.js';

const books = catchUpBooksPerTest();

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
/** Each loan's payments, under the references `<loan>-<n>`. */
const PAYMENT_LIST: BookPayment[] = LOANS.flatMap((loanId) => (PAYMENTS[loanId] ?? []).map((p, i) => ({ loanId, ...p, reference: `${loanId}-${i}` })));

async function folded(book: Book, loanId: string) {
  let state = loanDecider.initialState();
  for (const event of await loanEvents(book.eventStore, loanId)) state = loanDecider.evolve(state, event);
  return state;
}

describe('a catch-up close over missed dates', () => {
  it('records, loan by loan, the same events and figures as closing every date on its night with each payment recorded on its date (QA 7 F8)', async () => {
    const report = await closeNightlyAndInOneRun(books, LOANS, PAYMENT_LIST, '2026-05-31');
    expect(report.datesClosed).toHaveLength(135);

    const { nightly, catchUp } = books;
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

describe('the loan book on a past date', () => {
  it('brings, after the loans due now, those a later-dated payment cured that had something due that day, in pages a resumed run continues', async () => {
    const book = books.catchUp;
    for (const id of ['c1', 'c2', 'c3', 'due']) await openLoan(book.eventStore, id);
    // c1–c3 pay row 1 (due 02-15) on 02-17, within the grace: nothing is due now; 'due' pays nothing.
    for (const id of ['c1', 'c2', 'c3']) await runLoanCommand(book.eventStore, id, repay('8884.88', `${id}-1`, '2026-02-17'), undefined, '2026-02-17');
    await awaitLoanBook(book.eventStore, book.readStore);
    const cured = await CuredLoans.find(book.readStore, '2026-02-10', '2026-02-20');
    const ids = async (pages: AsyncGenerator<LoanPage>) => {
      const seen: { ids: string[]; next: LoanPage['next'] }[] = [];
      for await (const page of pages) seen.push({ ids: page.loans.map((l) => l.id), next: page.next });
      return seen;
    };
    // Without them, 02-16 brings only the loan still owing.
    expect((await ids(loansToClose(book.readStore, '2026-02-16', null, 2))).flatMap((p) => p.ids)).toEqual(['due']);
    const pages = await ids(loansToClose(book.readStore, '2026-02-16', null, 2, cured));
    expect(pages.flatMap((p) => p.ids)).toEqual(['due', 'c1', 'c2', 'c3']);
    // A run that stored the position after the first page of cured loans resumes with the rest.
    const afterFirst = pages.find((p) => p.ids.join() === 'c1,c2')?.next ?? null;
    expect(afterFirst).not.toBeNull();
    expect((await ids(loansToClose(book.readStore, '2026-02-16', afterFirst, 2, cured))).flatMap((p) => p.ids)).toEqual(['c3']);
    // From the due date through the cure, and not after it or before the due date.
    for (const [date, expected] of [['2026-02-14', []], ['2026-02-15', ['c1', 'c2', 'c3']], ['2026-02-17', ['c1', 'c2', 'c3']], ['2026-02-18', []]] as const) {
      expect(cured.on(date, null), date).toEqual(expected);
    }
  });
});
