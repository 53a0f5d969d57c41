import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, nationalIdOf, PII, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** QA round 7, F11: a borrower's identity cannot be erased while a loan of theirs still runs. */
let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Erasure' });
});
afterAll(() => t.close());

const erase = (customerId: string) => t.call(STAFF.compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: 'PIPL request' });

describe('erasure while loans are open', () => {
  it('refuses an active loan\'s borrower (409 CUSTOMER_HAS_OPEN_LOANS) and the national id stays taken; once the loan is closed it erases', async () => {
    await verifiedCustomer(t, 'cust-erase-open');
    const loanId = await activeLoan(t, 'cust-erase-open', productId, '2026-01-15', '10000.00');
    refused(await erase('cust-erase-open'), 409, 'CUSTOMER_HAS_OPEN_LOANS');
    expect((await t.runtime.eventStore.readStream('customer-cust-erase-open')).some((e) => e.type === 'CustomerErased')).toBe(false);
    // The same person cannot register a second customer.
    const again = { name: PII.name, nationalId: nationalIdOf('cust-erase-open'), phone: PII.phone };
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'cust-erase-twin', ...again }), 409, 'NATIONAL_ID_TAKEN');
    // Paid off on the first due date (10 000.00 + 100.00 interest), the loan is closed and the erasure goes ahead.
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10100.00', channel: 'wechat', reference: 'wx-erase', effectiveDate: '2026-02-15' }));
    expect((await loadLoan(t.runtime.eventStore, loanId)).status).toBe('closed');
    accepted(await erase('cust-erase-open'));
  });

  it('refuses while an application is pending; a withdrawn one does not hold the erasure', async () => {
    await verifiedCustomer(t, 'cust-erase-app');
    const application = { customerId: 'cust-erase-app', productId, principal: '5000.00', term: 6, purpose: 'x' };
    const { id } = accepted(await t.call(borrower('cust-erase-app'), 'POST', '/v1/loans', application));
    refused(await erase('cust-erase-app'), 409, 'CUSTOMER_HAS_OPEN_LOANS');
    accepted(await t.call(borrower('cust-erase-app'), 'POST', `/v1/loans/${id}/withdraw`, { reason: 'changed my mind' }));
    accepted(await erase('cust-erase-app'));
  });
});
