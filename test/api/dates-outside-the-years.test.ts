import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './commands/journey-steps.js';

let t: TestApp;
let loanId: string;
let productId: string;

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, PRODUCT);
  await verifiedCustomer(t, 'cust-years');
  loanId = await activeLoan(t, 'cust-years', productId, '2024-01-15', '3000.00');
});
afterAll(() => t.close());

/**
 * Every date from outside is a real day in 1900–9999 (docs/DESIGN.md; README "Input
 * validation"), queries as well as commands: a trial balance as of 1899-12-31 answered 200 with an
 * empty book as if that were true, a quote priced a loan disbursed in the year 1000, and a lender
 * holiday dated 1000-01-01 was recorded (stop 36's new-user test).
 */
describe('a date before 1900 is 400 INVALID_DATE wherever it comes in, and records nothing', () => {
  const asks: [string, (date: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>][] = [
    ['trial balance', (d) => t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/trial-balance?asOf=${d}`)],
    ['portfolio vintage', (d) => t.call(STAFF.compliance, 'GET', `/v1/reports/portfolio?asOf=${d}&table=vintage`)],
    ['payments reconciliation', (d) => t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${d}`)],
    ['loan state (time travel)', (d) => t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/state?asOf=${d}T12:00:00Z`)],
    ['payoff quote', (d) => t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=${d}`)],
    ['loan quote', (d) => t.call(STAFF.officer, 'POST', '/v1/loans/quote', { productId, principal: '3000.00', term: 12, expectedDisbursementDate: d })],
    ['loan list filter', (d) => t.call(STAFF.officer, 'GET', `/v1/loans?disbursedFrom=${d}`)],
    ['audit trail from', (d) => t.call(STAFF.compliance, 'GET', `/v1/audit?from=${d}T00:00:00Z`)],
    ['disbursements period', (d) => t.call(STAFF.compliance, 'GET', `/v1/reports/disbursements?from=${d}`)],
    ['lender holiday removal', (d) => t.call(STAFF.admin, 'DELETE', `/v1/holidays/${d}`)],
    ['lender holiday', (d) => t.call(STAFF.admin, 'POST', '/v1/holidays', { date: d, name: 'typo' })],
    ['close of business', (d) => t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: d })],
    ['repayment', (d) => t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'bank_transfer', reference: `r-${d}`, effectiveDate: d })],
  ];

  it.each(asks.flatMap(([name, ask]) => ['1899-12-31', '1000-01-01', '0001-01-01'].map((date) => [name, date, ask] as const)))('%s dated %s', async (_name, date, ask) => {
    const head = await t.runtime.eventStore.headPosition();
    const res = await ask(date);
    refused(res, 400, 'INVALID_DATE');
    expect(JSON.parse(res.body).detail).toContain('is outside the years 1900–9999');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('still answers on the first day of 1900 and refuses a day that does not exist as VALIDATION_FAILED', async () => {
    expect((await t.call(STAFF.compliance, 'GET', '/v1/reports/ledger/trial-balance?asOf=1900-01-01')).statusCode).toBe(200);
    expect((await t.call(STAFF.officer, 'POST', '/v1/loans/quote', { productId, principal: '3000.00', term: 12, expectedDisbursementDate: '1900-01-01' })).statusCode).toBe(200);
    refused(await t.call(STAFF.compliance, 'GET', '/v1/reports/ledger/trial-balance?asOf=2026-02-30'), 400, 'VALIDATION_FAILED');
  });
});
