import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF, type TestApp } from '../support/test-app.js';
import { accepted } from '../api/commands/journey-steps.js';
import { openBackDatedBook, type BackDatedBook } from './back-dated-book.js';

/**
 * qa18 D4: on a book no close of business has run on, a loan back-dated to 2026-06-01 (application,
 * approval and disbursement; 100 000.00, 12 monthly rows due on the 1st from 2026-07-01) and never
 * paid, read on 2026-12-02: the summary said overdue, 154 days past due (2026-07-01 → 2026-12-02),
 * 次级, while the schedule aged its rows to the disbursement date and showed row 1 "due" and rows
 * 2–6 "future". By hand, aged to the summary's date 2026-12-02: rows 1–6 (due 07-01, 08-01, 09-01,
 * 10-01, 11-01, 12-01, all before 12-02) overdue, row 7 (2027-01-01) the one due next, rows 8–12
 * future; the first close on 2026-12-02 leaves every status as it was.
 */
let book: BackDatedBook;
let t: TestApp;
let loanId: string;
const get = <T = Record<string, unknown>>(url: string) => book.get<T>(url);

beforeAll(async () => {
  book = await openBackDatedBook('cust-schedule-first-close');
  ({ t, loanId } = book);
});
afterAll(() => book.close());

const ROWS = [
  { number: 1, dueDate: '2026-07-01', status: 'overdue' }, { number: 2, dueDate: '2026-08-01', status: 'overdue' },
  { number: 3, dueDate: '2026-09-01', status: 'overdue' }, { number: 4, dueDate: '2026-10-01', status: 'overdue' },
  { number: 5, dueDate: '2026-11-01', status: 'overdue' }, { number: 6, dueDate: '2026-12-01', status: 'overdue' },
  { number: 7, dueDate: '2027-01-01', status: 'due' }, { number: 8, dueDate: '2027-02-01', status: 'future' },
];

describe('before the first close, the schedule\'s rows are aged to the date the summary counts days past due to (qa18 D4)', () => {
  it('the summary says 154 days past due, overdue; the schedule shows rows 1–6 overdue and row 7 due, before the first close and after it', async () => {
    const rows = async () => (await get<{ rows: { number: number; dueDate: string; status: string }[] }>(`/v1/loans/${loanId}/schedule`)).rows;
    expect(await get(`/v1/loans/${loanId}`)).toMatchObject({ status: 'overdue', daysPastDue: 154, classification: 'substandard' });
    expect((await rows()).slice(0, 8)).toMatchObject(ROWS);
    expect((await rows()).slice(8).map((row) => row.status)).toEqual(['future', 'future', 'future', 'future']);

    accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-12-02' }), 200);
    await t.caughtUp((await t.runtime.eventStore.headPosition()).toString());
    expect(await get(`/v1/loans/${loanId}`)).toMatchObject({ status: 'overdue', daysPastDue: 154 });
    expect((await rows()).slice(0, 8)).toMatchObject(ROWS);
  });
});
