import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/** qa19 Q8, through the HTTP contract: the book's first close records each class move of the nights it caught up. */
let t: TestApp;
let loanId: string;
let productId: string;

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'First-close class history' });
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

describe('a loan keyed in late, before its first close', () => {
  it('given the book closed through 06-01, when 12 000.00 disbursed 2026-02-01 (row 1 due 03-01, never paid) is keyed in, then it records no class, shows what its first close will record (次级, overdue, NPA at 92 days) in its view, the list\'s class filter and the five-category report, and the close of 06-02 records 关注 from 03-02 and 次级 from 05-31, each on its night (qa21 #1: before, its disbursement recorded 次级 dated 06-01)', async () => {
    await verifiedCustomer(t, 'cust-keyed-late-class');
    const keyed = await activeLoan(t, 'cust-keyed-late-class', productId, '2026-02-01', '12000.00');
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const history = async () => {
      const { events } = (await t.call(STAFF.compliance, 'GET', `/v1/loans/${keyed}/history`)).json() as { events: { type: string; data: { from: string; to: string; dpd: number; date: string } }[] };
      return events.filter((e) => e.type === 'LoanClassified').map(({ data }) => `${data.from}→${data.to}@${data.date}/${data.dpd}`);
    };
    expect(await history()).toEqual([]);
    const view = (await t.call(STAFF.officer, 'GET', `/v1/loans/${keyed}`)).json() as { status: string; flags: string[]; classification: string; daysPastDue: number };
    expect(view).toMatchObject({ status: 'overdue', classification: 'substandard', daysPastDue: 92 });
    expect(view.flags).toContain('npa');
    const listed = (await t.call(STAFF.officer, 'GET', '/v1/loans?classification=substandard')).json() as { items: { id: string }[] };
    expect(listed.items.map((l) => l.id).sort()).toEqual([loanId, keyed].sort());
    const report = (await t.call(STAFF.compliance, 'GET', '/v1/reports/classification')).json() as { rows: { currency: string; classification: string; count: number }[] };
    expect(report.rows.find((r) => r.currency === 'CNY' && r.classification === 'substandard')?.count).toBe(2);

    accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-06-02' }), 200);
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    expect(await history()).toEqual(['normal→special-mention@2026-03-02/1', 'special-mention→substandard@2026-05-31/91']);
    expect((await t.call(STAFF.officer, 'GET', `/v1/loans/${keyed}`)).json()).toMatchObject({ status: 'overdue', classification: 'substandard', daysPastDue: 93 });
  });
});
