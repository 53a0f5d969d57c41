import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateAt } from '../../../src/app/business-date.js';
import { addDays } from '../../../src/domain/calendar.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let loanId: string;
const today = () => businessDateAt(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, penalty: { type: 'fixed', value: '50.00', graceDays: 0 } });
  await verifiedCustomer(t, 'cust-bd');
  loanId = await activeLoan(t, 'cust-bd', productId, '2024-01-15', '3000.00');
});
afterAll(() => t.close());

const repay = (effectiveDate: string, reference: string, amount = '100.00') =>
  t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount, channel: 'bank_transfer', reference, effectiveDate });

describe('the business date (today in LENDCORE_TIMEZONE, default Asia/Shanghai)', () => {
  it('is served to every signed-in role with the time zone and the last closed date', async () => {
    const before = await t.call(STAFF.officer, 'GET', '/v1/business-date');
    expect(before.json()).toEqual({ date: today(), timeZone: 'Asia/Shanghai', lastClosed: expect.toSatisfy((d: unknown) => d === null || typeof d === 'string') });
    accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2024-01-20' }), 200);
    expect((await t.call(STAFF.compliance, 'GET', '/v1/business-date')).json()).toMatchObject({ date: today(), lastClosed: '2024-01-20' });
  });

  it.each([['tomorrow', () => addDays(today(), 1)], ['2099-12-31', () => '2099-12-31']])('refuses a repayment dated %s with 422 and records nothing', async (_case, date) => {
    const head = await t.runtime.eventStore.headPosition();
    refused(await repay(date(), `future-${date()}`), 422, 'DATE_AFTER_BUSINESS_DATE');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('refuses a date before the year 1900 and one before the disbursement', async () => {
    refused(await repay('1899-12-31', 'ancient'), 400, 'INVALID_DATE');
    refused(await repay('2024-01-14', 'early'), 422, 'EFFECTIVE_DATE_BEFORE_DISBURSEMENT');
  });

  it.each(['2031-12-31', '2200-12-31'])('refuses close of business for %s with 422 at once', async (date) => {
    const head = await t.runtime.eventStore.headPosition();
    refused(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date }), 422, 'DATE_AFTER_BUSINESS_DATE');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('refuses a report or a time travel as of a date after the business date with 422, as a command (qa15: tomorrow\'s trial balance was today\'s book under tomorrow\'s date)', async () => {
    const tomorrow = addDays(today(), 1);
    refused(await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/trial-balance?asOf=${tomorrow}`), 422, 'DATE_AFTER_BUSINESS_DATE');
    refused(await t.call(STAFF.compliance, 'GET', `/v1/reports/portfolio?asOf=${tomorrow}&table=vintage`), 422, 'DATE_AFTER_BUSINESS_DATE');
    // Noon of tomorrow in Shanghai: its business date is tomorrow, whatever the hour in UTC.
    refused(await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/state?asOf=${tomorrow}T12:00:00%2B08:00`), 422, 'DATE_AFTER_BUSINESS_DATE');
    expect((await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/trial-balance?asOf=${today()}`)).statusCode).toBe(200);
    expect((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/state?asOf=${today()}T12:00:00%2B08:00`)).statusCode).toBe(200);
  });

  it('accepts today, and keeps the ledger reconciled to the loan through a back-dated payment, a voided penalty and a waiver', async () => {
    accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2024-02-20' }), 200);
    accepted(await repay('2024-02-15', 'on-time', '1020.07'));
    // Interest is waivable once due or accrued: by 2024-03-01 the payment above had paid ahead the rows then
    // running (422 WAIVER_EXCEEDS_INTEREST_DUE); by 2024-06-01 row 5 has accrued more than 5.00.
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '5.00', reason: 'goodwill', effectiveDate: '2024-03-01' }), 422, 'WAIVER_EXCEEDS_INTEREST_DUE');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '5.00', reason: 'goodwill', effectiveDate: '2024-06-01' }));
    const last = accepted(await repay(today(), 'today', '10.00'));
    // Business time is a real instant in the lender's zone: time travel to now sees today's payment.
    const now = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/state?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(now.json().revision).toBe(last.revision);
    const summary = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${last.position}`);
    // Rows unpaid for years past their grace: today's payment first records the penalties owed by today (no close
    // has charged them since 02-20) and pays 10.00 of them (QA 9 Q5); the ledger follows.
    expect(summary.json()).toMatchObject({ aprMethod: 'irr-nominal' });
    expect(Number(summary.json().outstanding.penalties)).toBeGreaterThan(0);
    const reconciliation = await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/reconciliation?minPosition=${last.position}`);
    expect(reconciliation.statusCode).toBe(200);
    expect(reconciliation.json()).toMatchObject({ items: [] });
    expect(reconciliation.json().loansChecked).toBeGreaterThan(0);
  });
});
