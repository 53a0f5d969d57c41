import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/**
 * qa-audit: the compliance timeline (`/state?revision=N`) aged days past due to the business date the
 * revision was recorded on, the loan view to the last close: on a book closed through 12-03 a reversal
 * recorded on 12-04 read 42 days past due at its revision where the view showed 41, and a lagging
 * book's closes made the two months apart.
 */
let t: TestApp;
let loanId: string;

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Revision aged as the view', writeOffDpd: 360 });
  await verifiedCustomer(t, 'cust-revision-aged');
  loanId = await activeLoan(t, 'cust-revision-aged', productId, '2026-01-15', '12000.00');
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-02-20' }), 200);
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-02-24' }), 200);
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'bank_transfer', reference: 'BT-1', effectiveDate: '2026-02-24' }));
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

describe('the loan at its latest revision, as compliance steps to it', () => {
  it('given 12 000.00 disbursed 2026-01-15, row 1 due 02-15 unpaid, the book closed through 02-24, when 10.00 dated 02-24 is recorded today, then /state?revision at that payment shows the days past due its view shows, 9 (02-15 → 02-24), not those to today', async () => {
    const view = (await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}`)).json() as { daysPastDue: number; classification: string };
    const { events } = (await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}/history`)).json() as { events: { revision: string }[] };
    const head = events[events.length - 1]!.revision;
    const atHead = (await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}/state?revision=${head}`)).json() as { summary: { daysPastDue: number; classification: string } };
    expect(view.daysPastDue).toBe(9);
    expect(atHead.summary).toMatchObject({ daysPastDue: view.daysPastDue, classification: view.classification });
  });
});
