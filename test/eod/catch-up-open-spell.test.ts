import { describe, expect, it } from 'vitest';
import { catchUpBooksPerTest, closeEvents, closeNightlyAndInOneRun } from './catch-up-books.js';

const books = catchUpBooksPerTest();

/**
 * QA 8 N7 (loan S): the fixture loan (100 000.00, 12 monthly at 12 %, row 1 due 2026-02-15) pays nothing until
 * 05-20, when 27 000.00 pays rows 1–2 and their penalties but leaves row 3 (due 04-15) past due: the loan has been
 * past due every day since 02-16 and still is (its delinquency spell is open), yet its next due date (04-15's row)
 * is after 02-15, so a catch-up's loan book did not bring it on row 1's due date and skipped that due-date accrual:
 * 02-15 30 days × 1 % of 100 000.00 = 1 000.00 then 02-28's 13 days, against one 02-28 posting.
 */
describe('a catch-up close over a loan past due since before the dates it closes', () => {
  it('brings it on each due date, as closing nightly does: the due-date accrual of 02-15 is booked on 02-15', async () => {
    await closeNightlyAndInOneRun(books, ['S'], [{ loanId: 'S', amount: '27000.00', reference: 'S-1', date: '2026-05-20' }], '2026-05-31');
    const events = await closeEvents(books.catchUp, 'S');
    expect(events.filter((e) => e.type === 'InterestAccrued').map((e) => e.data.date).slice(0, 3)).toEqual(['2026-01-31', '2026-02-15', '2026-02-28']);
    expect(events).toEqual(await closeEvents(books.nightly, 'S'));
  }, 120_000);
});
