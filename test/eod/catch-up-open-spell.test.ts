import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { repay } from '../domain/loan/fixtures.js';
import { EOD_ACTOR, loanEvents, openBook, openLoan, runLoanCommand, type Book } from './book.js';
import { asFacts } from './close-history.js';

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
const CLOSE_EVENTS = new Set(['InstallmentOverdue', 'PenaltyCharged', 'LoanClassified', 'InterestAccrued']);
/** The close facts in date order, a penalty the same fact whoever recorded it (asFacts). */
const closeEvents = async (book: Book, id: string) =>
  asFacts((await loanEvents(book.eventStore, id)).filter((e) => CLOSE_EVENTS.has(e.type)).map(({ type, data }) => ({ type, data }) as LoanEvent));

/**
 * QA 8 N7 (loan S): the fixture loan (100 000.00, 12 monthly at 12 %, row 1 due 2026-02-15) pays nothing until
 * 05-20, when 27 000.00 pays rows 1–2 and their penalties but leaves row 3 (due 04-15) past due: the loan has been
 * past due every day since 02-16 and still is (its delinquency spell is open), yet its next due date (04-15's row)
 * is after 02-15, so a catch-up's loan book did not bring it on row 1's due date and skipped that due-date accrual:
 * 02-15 30 days × 1 % of 100 000.00 = 1 000.00 then 02-28's 13 days, against one 02-28 posting.
 */
describe('a catch-up close over a loan past due since before the dates it closes', () => {
  it('brings it on each due date, as closing nightly does: the due-date accrual of 02-15 is booked on 02-15', async () => {
    for (const book of [nightly, catchUp]) {
      await openLoan(book.eventStore, 'S');
      await close(book, '2026-01-16');
    }
    for (let day = '2026-01-17'; day <= '2026-05-31'; day = addDays(day, 1)) {
      if (day === '2026-05-20') await runLoanCommand(nightly.eventStore, 'S', repay('27000.00', 'S-1', day), undefined, day);
      await close(nightly, day);
    }
    await runLoanCommand(catchUp.eventStore, 'S', repay('27000.00', 'S-1', '2026-05-20'), undefined, '2026-05-20');
    await close(catchUp, '2026-05-31');
    const events = await closeEvents(catchUp, 'S');
    expect(events.filter((e) => e.type === 'InterestAccrued').map((e) => e.data.date).slice(0, 3)).toEqual(['2026-01-31', '2026-02-15', '2026-02-28']);
    expect(events).toEqual(await closeEvents(nightly, 'S'));
  }, 120_000);
});
