import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF, type TestApp } from '../support/test-app.js';
import { accepted } from '../api/commands/journey-steps.js';
import { openBackDatedBook, type BackDatedBook } from './back-dated-book.js';

/**
 * qa17: on a book no close of business has run on yet, a loan disbursed back-dated on 2026-06-01
 * (100 000.00, 12 monthly at 12 %, first row due 2026-07-01) and never paid showed, on 2026-12-02,
 * 154 days past due as 正常 and active with no NPA flag; the five-category report counted it
 * performing (NPL ratio 0) while PAR counted it in PAR90, and `?dpdFrom=1` (read over the overdue
 * statuses only) missed it. By hand: 2026-07-01 → 2026-12-02 is 154 days > 90 → 次级 (substandard),
 * non-performing, overdue. The first close then records exactly that standing. The borrower's account
 * centre (`GET /v1/customers/:id`) showed the loan's line as `active` meanwhile; it shows the loan's
 * status, before the close and after it.
 */
let book: BackDatedBook;
let t: TestApp;
let loanId: string;
const get = <T = Record<string, unknown>>(url: string) => book.get<T>(url);

beforeAll(async () => {
  book = await openBackDatedBook('cust-first-close');
  ({ t, loanId } = book);
});
afterAll(() => book.close());

const STANDING = { status: 'overdue', flags: ['npa'], classification: 'substandard', daysPastDue: 154 };

describe('before the first close, a loan shows the standing that close will record for the days past due it shows (qa17)', () => {
  it('the loan, the list\'s filters, the account centre and the book reports agree: 154 days past due, overdue, NPA, 次级; the first close records the same', async () => {
    expect(await get(`/v1/loans/${loanId}`)).toMatchObject(STANDING);
    const ids = async (query: string) => (await get<{ items: { id: string }[] }>(`/v1/loans?${query}`)).items.map((item) => item.id);
    for (const query of ['dpdFrom=1', 'dpdFrom=91&dpdTo=154', 'status=overdue', 'classification=substandard', 'status=overdue&classification=substandard&dpdFrom=100']) {
      expect(await ids(query), query).toEqual([loanId]);
    }
    for (const query of ['status=active', 'classification=normal', 'dpdFrom=155', 'status=overdue&classification=loss']) expect(await ids(query), query).toEqual([]);
    const classes = await get<{ rows: { classification: string; count: number; outstanding: string }[]; nplRatio: { currency: string; ratio: string }[] }>('/v1/reports/classification');
    expect(classes.rows.filter((row) => row.count > 0)).toEqual([{ currency: 'CNY', classification: 'substandard', count: 1, outstanding: '100000.00' }]);
    expect(classes.nplRatio).toEqual([{ currency: 'CNY', ratio: expect.stringMatching(/^1(\.0+)?$/) }]);
    const par = await get<{ rows: { bucket: string; atRisk: string }[] }>('/v1/reports/par');
    expect(par.rows.find((row) => row.bucket === 'PAR90')?.atRisk).toBe('100000.00');
    const line = async () => (await get<{ loans: { loanId: string; status: string }[] }>('/v1/customers/cust-first-close')).loans;
    expect(await line()).toMatchObject([{ loanId, status: 'overdue' }]);

    accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-12-02' }), 200);
    await t.caughtUp((await t.runtime.eventStore.headPosition()).toString());
    expect(await get(`/v1/loans/${loanId}`)).toMatchObject(STANDING);
    expect(await ids('classification=substandard&status=overdue&dpdFrom=154&dpdTo=154')).toEqual([loanId]);
    expect(await line()).toMatchObject([{ loanId, status: 'overdue' }]);
  });
});
