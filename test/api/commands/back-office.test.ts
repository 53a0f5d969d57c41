import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
});
afterAll(() => t.close());

const loanUrl = (id: string, action: string) => `/v1/loans/${id}/${action}`;

describe('back-office flows', () => {
  it('writes off with four eyes (request by an officer, approval by an underwriter), then records a recovery once', async () => {
    await verifiedCustomer(t, 'cust-default');
    const loanId = await activeLoan(t, 'cust-default', productId, '2026-01-15', '10000.00');
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'write-off'), { action: 'approve', effectiveDate: '2026-04-01' }), 409, 'WRITE_OFF_NOT_REQUESTED');
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'write-off'), { action: 'request', reason: 'gone', effectiveDate: '2026-03-01' }), 422, 'WRITE_OFF_DPD_TOO_LOW');
    accepted(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'write-off'), { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-04-01' }));
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'write-off'), { action: 'approve', effectiveDate: '2026-04-01' }), 422, 'FOUR_EYES_REQUIRED');
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'recoveries'), { amount: '100.00', channel: 'bank_transfer', reference: 'rec-1' }), 409, 'LOAN_NOT_WRITTEN_OFF');
    accepted(await t.call(STAFF.underwriter, 'POST', loanUrl(loanId, 'write-off'), { action: 'approve', effectiveDate: '2026-04-01' }));
    const recovery = { amount: '100.00', channel: 'bank_transfer', reference: 'rec-1', effectiveDate: '2026-05-01' };
    const first = accepted(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'recoveries'), recovery));
    const replay = accepted(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'recoveries'), recovery), 200);
    expect(replay).toEqual(first);
    const state = await loadLoan(t.runtime.eventStore, loanId);
    expect(state.status).toBe('written_off');
    expect(state.recovered).toBe('100.00');
    const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.find((e) => e.type === 'LoanWrittenOff')?.data).toMatchObject({ requestedBy: STAFF.officer.sub, approvedBy: STAFF.underwriter.sub });
  });

  it('refunds an overpayment by an admin\'s cash decree, which closes the loan (officers refund through a payout)', async () => {
    await verifiedCustomer(t, 'cust-over');
    const loanId = await activeLoan(t, 'cust-over', productId, '2026-01-15', '10000.00');
    refused(await t.call(STAFF.admin, 'POST', loanUrl(loanId, 'refund'), { channel: 'cash', reference: 'ref-0' }), 409, 'LOAN_NOT_OVERPAID');
    // Payoff on the first due date is 10 000.00 + 100.00 interest; 50.00 more is overpaid.
    accepted(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'repayments'), { amount: '10150.00', channel: 'wechat', reference: 'wx-1', effectiveDate: '2026-02-15', overpayment: true }));
    expect((await loadLoan(t.runtime.eventStore, loanId)).creditBalance).toBe('50.00');
    refused(await t.call(STAFF.admin, 'POST', loanUrl(loanId, 'refund'), { amount: '50.01', channel: 'cash', reference: 'ref-1' }), 422, 'REFUND_EXCEEDS_CREDIT');
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'refund'), { channel: 'cash', reference: 'ref-1' }), 403, 'FORBIDDEN');
    accepted(await t.call(STAFF.admin, 'POST', loanUrl(loanId, 'refund'), { channel: 'cash', reference: 'ref-1', effectiveDate: '2026-02-16' }));
    expect((await loadLoan(t.runtime.eventStore, loanId)).status).toBe('closed');
  });

  it('reschedules an active loan and refuses a waiver when nothing of that kind is owed', async () => {
    await verifiedCustomer(t, 'cust-hardship');
    const loanId = await activeLoan(t, 'cust-hardship', productId, '2026-01-15', '12000.00');
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'waivers'), { kind: 'penalty', reason: 'goodwill' }), 422, 'NOTHING_TO_WAIVE');
    accepted(await t.call(STAFF.underwriter, 'POST', loanUrl(loanId, 'reschedule'), { reason: 'hardship', effectiveDate: '2026-01-20', term: 24, annualRate: '6' }));
    const state = await loadLoan(t.runtime.eventStore, loanId);
    expect(state.installments).toHaveLength(24);
    expect(state.annualRate).toBe('6');
    // A payoff quoted before the reschedule could never be paid (repayments may not be dated there).
    refused(await t.call(STAFF.officer, 'GET', `${loanUrl(loanId, 'payoff')}?date=2026-01-19`), 422, 'BACKDATED_BEFORE_RESCHEDULE');
    expect((await t.call(STAFF.officer, 'GET', `${loanUrl(loanId, 'payoff')}?date=2026-01-20`)).statusCode).toBe(200);
    // Nor may a waiver be dated there (the rows it would waive were replaced).
    refused(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'waivers'), { kind: 'interest', reason: 'goodwill', effectiveDate: '2026-01-19' }), 422, 'BACKDATED_BEFORE_RESCHEDULE');
    refused(await t.call(STAFF.underwriter, 'POST', loanUrl(loanId, 'reschedule'), { reason: 'again', term: 601 }), 400, 'VALIDATION_FAILED');
  });

  it('waives interest that is owed, recording the reason and the officer', async () => {
    await verifiedCustomer(t, 'cust-waive');
    const loanId = await activeLoan(t, 'cust-waive', productId, '2026-01-15', '10000.00');
    accepted(await t.call(STAFF.officer, 'POST', loanUrl(loanId, 'waivers'), { kind: 'interest', amount: '30.00', reason: 'complaint settled' }));
    const [waived] = (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'ChargeWaived');
    expect(waived?.data).toMatchObject({ kind: 'interest', amount: '30.00', reason: 'complaint settled' });
    expect(waived?.actor).toEqual({ sub: STAFF.officer.sub, role: 'officer' });
  });

  it('amends a product into a new version and retires it; a retired product takes no applications', async () => {
    const id = await defineProduct(t, { ...PRODUCT, productId: 'seasonal' });
    const amended = accepted(await t.call(STAFF.admin, 'POST', `/v1/products/${id}/amend`, { ...PRODUCT, annualRate: '10' }));
    expect(amended.revision).toBe('1');
    accepted(await t.call(STAFF.admin, 'POST', `/v1/products/${id}/retire`, { reason: 'season over' }));
    refused(await t.call(STAFF.admin, 'POST', `/v1/products/${id}/retire`, {}), 409, 'PRODUCT_RETIRED');
    await verifiedCustomer(t, 'cust-late');
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans', { customerId: 'cust-late', productId: id, principal: '5000.00', term: 6, purpose: 'x' }), 422, 'PRODUCT_RETIRED');
  });

  it('erases a customer: the key is destroyed, CustomerErased appended, later commands refused', async () => {
    await verifiedCustomer(t, 'cust-forget');
    const erased = accepted(await t.call(STAFF.compliance, 'DELETE', '/v1/customers/cust-forget/pii', { reason: 'PIPL request' }));
    const events = await t.runtime.eventStore.readStream('customer-cust-forget');
    expect(events.at(-1)).toMatchObject({ type: 'CustomerErased', data: { reason: 'PIPL request', erasedBy: STAFF.compliance.sub } });
    const profile = events[0]?.data as { profile: { name: string } };
    expect(await t.runtime.vault.reveal('cust-forget', profile.profile.name)).toBe('[erased]');
    expect(accepted(await t.call(STAFF.compliance, 'DELETE', '/v1/customers/cust-forget/pii'), 200)).toEqual(erased);
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers/cust-forget/kyc', { monthlyIncome: '1.00', employer: 'x', employmentMonths: 1, bankAccount: '12345678' }), 409, 'CUSTOMER_ERASED');
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'cust-forget', name: 'New', nationalId: '99999999', phone: '13900000000' }), 409, 'CUSTOMER_ERASED');
    refused(await t.call(STAFF.compliance, 'DELETE', '/v1/customers/nobody/pii'), 404, 'CUSTOMER_NOT_FOUND');
    expect((await t.runtime.eventStore.verifyStreams()).broken).toEqual([]);
  });
});
