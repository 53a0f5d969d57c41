import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/**
 * QA round 7, F9 and F10. The product caps the APR at 24 %; a loan of 12 000.00 over 12 months at
 * 12 % disbursed 2026-01-15 is rescheduled on 2026-01-20 (its 12 rows all still to fall due).
 */
let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Reschedule terms' });
});
afterAll(() => t.close());

const reschedule = (loanId: string, body: object) => t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/reschedule`, { reason: 'hardship', effectiveDate: '2026-01-20', ...body });

describe('reschedule terms', () => {
  it('refuses a rate whose APR is above the product cap (99 % against 24 %), 422 APR_CAP_EXCEEDED', async () => {
    await verifiedCustomer(t, 'cust-resched-cap');
    const loanId = await activeLoan(t, 'cust-resched-cap', productId, '2026-01-15', '12000.00');
    refused(await reschedule(loanId, { annualRate: '99' }), 422, 'APR_CAP_EXCEEDED');
    refused(await reschedule(loanId, { annualRate: '24.01', term: 18 }), 422, 'APR_CAP_EXCEEDED');
  });

  it('discloses the APR of the terms in force: 18 % fee-free on a declining balance is an APR of 18.00 (was 12.00)', async () => {
    await verifiedCustomer(t, 'cust-resched-apr');
    const loanId = await activeLoan(t, 'cust-resched-apr', productId, '2026-01-15', '12000.00');
    expect((await loadLoan(t.runtime.eventStore, loanId)).disbursement?.apr).toBe('12.00');
    const { position } = accepted(await reschedule(loanId, { annualRate: '18', term: 12 }));
    const after = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${position}`)).body) as { apr: string; aprMethod: string };
    expect(after).toMatchObject({ apr: '18.00', aprMethod: 'irr-nominal' });
  });

  it('refuses a reschedule that changes neither term nor rate, 422 RESCHEDULE_CHANGES_NOTHING; a new term alone is a change', async () => {
    await verifiedCustomer(t, 'cust-resched-noop');
    const loanId = await activeLoan(t, 'cust-resched-noop', productId, '2026-01-15', '12000.00');
    refused(await reschedule(loanId, {}), 422, 'RESCHEDULE_CHANGES_NOTHING');
    refused(await reschedule(loanId, { term: 12, annualRate: '12.00' }), 422, 'RESCHEDULE_CHANGES_NOTHING');
    accepted(await reschedule(loanId, { term: 18 }));
  });
});
