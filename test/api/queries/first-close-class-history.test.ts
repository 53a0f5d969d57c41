import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/** qa19 Q8, through the HTTP contract: the book's first close records each class move of the nights it caught up. */
let t: TestApp;
let loanId: string;

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'First-close class history' });
  await verifiedCustomer(t, 'cust-first-close-class');
  loanId = await activeLoan(t, 'cust-first-close-class', productId, '2026-01-15', '12000.00');
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-06-01' }), 200);
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

describe('the book\'s first close over a loan never paid', () => {
  it('given 12 000.00 disbursed 2026-01-15 (row 1 due 02-15), nothing paid and no close run, when the first close runs on 06-01, then the history a compliance officer replays shows 关注 from 02-16 (1 day past due) and 次级 from 05-17 (91), each dated its night, and the loan reads 次级 at 106 days (before: one move, normal → 次级, dated 06-01)', async () => {
    const res = await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const { events } = res.json() as { events: { type: string; data: { from: string; to: string; dpd: number; date: string } }[] };
    const moves = events.filter((e) => e.type === 'LoanClassified').map(({ data }) => `${data.from}→${data.to}@${data.date}/${data.dpd}`);
    expect(moves).toEqual(['normal→special-mention@2026-02-16/1', 'special-mention→substandard@2026-05-17/91']);
    const view = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}`)).json() as { classification: string; daysPastDue: number };
    expect(view).toMatchObject({ classification: 'substandard', daysPastDue: 106 });
  });
});
