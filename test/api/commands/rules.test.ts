import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, approvedLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-rules');
});
afterAll(() => t.close());

const apply = (body: object, caller = STAFF.officer) =>
  t.call(caller, 'POST', '/v1/loans', { customerId: 'cust-rules', productId, principal: '5000.00', term: 6, purpose: 'x', ...body });

describe('each rule answers with its own code and status', () => {
  it('customers: 409 exists, 404 unknown, 409 decision before KYC, 400 rejection without reason', async () => {
    const customer = { customerId: 'cust-rules', name: 'A B', nationalId: '1234567890', phone: '13800000000' };
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', customer), 409, 'CUSTOMER_EXISTS');
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers/nobody/kyc', { monthlyIncome: '1.00', employer: 'x', employmentMonths: 1, bankAccount: '12345678' }), 404, 'CUSTOMER_NOT_FOUND');
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { ...customer, customerId: 'cust-fresh' }));
    refused(await t.call(STAFF.compliance, 'POST', '/v1/customers/cust-fresh/kyc/decision', { decision: 'verified' }), 409, 'KYC_NOT_SUBMITTED');
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers/cust-fresh/kyc', { monthlyIncome: '100.00', employer: 'x', employmentMonths: 1, bankAccount: '12345678' }));
    refused(await t.call(STAFF.compliance, 'POST', '/v1/customers/cust-fresh/kyc/decision', { decision: 'rejected' }), 400, 'REASON_REQUIRED');
    accepted(await t.call(STAFF.compliance, 'POST', '/v1/customers/cust-fresh/kyc/decision', { decision: 'rejected', reason: 'documents forged' }));
    refused(await t.call(STAFF.compliance, 'POST', '/v1/customers/cust-fresh/kyc/decision', { decision: 'verified' }), 409, 'KYC_ALREADY_DECIDED');
  });

  it('products: 409 exists, 422 inverted range, 422 rate over 100, 400 unsupported currency, 404 amending an unknown product', async () => {
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, productId }), 409, 'PRODUCT_EXISTS');
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, principal: { min: '9000.00', max: '1000.00' } }), 422, 'INVALID_PRODUCT_RANGE');
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, annualRate: '101' }), 422, 'RATE_OUT_OF_RANGE');
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, currency: 'XYZ' }), 400, 'UNSUPPORTED_CURRENCY');
    refused(await t.call(STAFF.admin, 'POST', '/v1/products/nope/amend', PRODUCT), 404, 'PRODUCT_NOT_FOUND');
    // 1 000.00 over 24 months in multiples of 5 000.00: row 1 would repay everything, rows 2–24 nothing.
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, inMultiplesOf: '5000.00' }), 422, 'DEGENERATE_SCHEDULE');
    // A valid principal whose schedule owes amounts past 15 integer digits: 422 naming the corner, not a 400 about an amount never sent (QA 9 Q7).
    const huge = await t.call(STAFF.admin, 'POST', '/v1/products', { ...PRODUCT, productId: `${productId}-huge`, principal: { min: '1000.00', max: '999999999999999.99' }, term: { min: 1, max: 60 }, annualRate: '23.99' });
    refused(huge, 422, 'DEGENERATE_SCHEDULE');
    expect(huge.body).toContain('A 999999999999999.99 CNY loan over');
  });

  it('applications: 422 unknown product, amount and term out of range, 404 unknown customer, 400 over-precise principal', async () => {
    refused(await apply({ productId: 'no-such-product' }), 422, 'PRODUCT_NOT_FOUND');
    refused(await apply({ principal: '999.99' }), 422, 'AMOUNT_OUT_OF_RANGE');
    refused(await apply({ term: 25 }), 422, 'TERM_OUT_OF_RANGE');
    refused(await apply({ customerId: 'nobody' }), 404, 'CUSTOMER_NOT_FOUND');
    refused(await apply({ principal: '5000.001' }), 400, 'AMOUNT_TOO_PRECISE');
  });

  it('approval: 409 before assessment, 422 four eyes for the same person, 422 KYC not verified, 403 for an officer', async () => {
    const pat = { officer: { role: 'officer' as const, sub: 'pat' }, underwriter: { role: 'underwriter' as const, sub: 'pat' } };
    const loanId = accepted(await apply({}, pat.officer)).id;
    refused(await t.call(pat.underwriter, 'POST', `/v1/loans/${loanId}/approve`, {}), 409, 'LOAN_NOT_ASSESSED');
    accepted(await t.call(pat.underwriter, 'POST', `/v1/loans/${loanId}/assess`));
    refused(await t.call(pat.underwriter, 'POST', `/v1/loans/${loanId}/approve`, {}), 422, 'FOUR_EYES_REQUIRED');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/approve`, {}), 403, 'FORBIDDEN');
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/approve`, { approvedPrincipal: '6000.00' }), 422, 'AMOUNT_OUT_OF_RANGE');

    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'cust-unverified', name: 'C D', nationalId: '1234567891', phone: '13800000000' }));
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers/cust-unverified/kyc', { monthlyIncome: '20000.00', employer: 'x', employmentMonths: 30, bankAccount: '12345678' }));
    const unverified = accepted(await apply({ customerId: 'cust-unverified' })).id;
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${unverified}/assess`));
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${unverified}/approve`, {}), 422, 'KYC_NOT_VERIFIED');
  });

  it('assessment: 422 without KYC, 404 for an unknown loan, 409 once approved', async () => {
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'cust-nokyc', name: 'E F', nationalId: '1234567892', phone: '13800000000' }));
    const loanId = accepted(await apply({ customerId: 'cust-nokyc' })).id;
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/assess`), 422, 'KYC_NOT_SUBMITTED');
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/nope/assess'), 404, 'LOAN_NOT_FOUND');
    // A borrower cannot tell an unknown loan from another customer's: both are the gate's 404.
    refused(await t.call(borrower('cust-rules'), 'POST', '/v1/loans/nope/payment-intents', { amount: '1.00', channel: 'sandbox' }), 404, 'NOT_FOUND');
    const approved = accepted(await apply({})).id;
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${approved}/assess`));
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${approved}/approve`, {}));
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${approved}/assess`), 409, 'LOAN_NOT_PENDING');
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${approved}/reject`, { reason: 'late' }), 409, 'LOAN_NOT_PENDING');
  });

  it('disbursement and repayment: 409 wrong state, 422 before approval, 409 twice, 409 reference reused with another amount, 422 before disbursement date', async () => {
    const pending = accepted(await apply({})).id;
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${pending}/disburse`, { channel: 'online' }), 409, 'LOAN_NOT_APPROVED');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${pending}/repayments`, { amount: '10.00', channel: 'online', reference: 'x-1' }), 409, 'LOAN_NOT_ACTIVE');
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${pending}/disburse`, { channel: 'online' }), 403, 'FORBIDDEN');
    accepted(await t.call(borrower('cust-rules'), 'POST', `/v1/loans/${pending}/withdraw`, { reason: 'changed my mind' }));
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${pending}/withdraw`), 409, 'LOAN_NOT_PENDING');


    // Approved on 2026-01-15: a disbursement dated the day before is refused, one on that day pays out.
    const loanId = await approvedLoan(t, 'cust-rules', productId, '5000.00', undefined, '2026-01-15');
    const before = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { effectiveDate: '2026-01-14', channel: 'online' });
    refused(before, 422, 'DISBURSEMENT_BEFORE_APPROVAL');
    expect(before.json().detail).toContain('approved on 2026-01-15');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { effectiveDate: '2026-01-15', channel: 'bank_transfer' }));
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { channel: 'online' }), 409, 'ALREADY_DISBURSED');

    // An approval is never dated before the application: one submitted today cannot be approved back in January ...
    await verifiedCustomer(t, 'cust-today');
    await verifiedCustomer(t, 'cust-late');
    const today = accepted(await apply({ customerId: 'cust-today' })).id;
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${today}/assess`));
    const early = await t.call(STAFF.underwriter, 'POST', `/v1/loans/${today}/approve`, { effectiveDate: '2026-01-15' });
    refused(early, 422, 'APPROVAL_BEFORE_SUBMISSION');
    expect(early.json().detail).toMatch(/^Cannot approve on 2026-01-15, before the application was submitted on \d{4}-\d{2}-\d{2}$/);
    // ... but a loan keyed in late carries its own submittedOn (never after today), and is approved and disbursed from then on.
    refused(await apply({ customerId: 'cust-late', submittedOn: '2099-01-01' }), 422, 'DATE_AFTER_BUSINESS_DATE');
    const late = accepted(await apply({ customerId: 'cust-late', submittedOn: '2026-01-10' })).id;
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${late}/assess`));
    const beforeSubmission = await t.call(STAFF.underwriter, 'POST', `/v1/loans/${late}/approve`, { effectiveDate: '2026-01-09' });
    refused(beforeSubmission, 422, 'APPROVAL_BEFORE_SUBMISSION');
    expect(beforeSubmission.json().detail).toBe('Cannot approve on 2026-01-09, before the application was submitted on 2026-01-10');
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${late}/approve`, { effectiveDate: '2026-01-12' }));
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${late}/disburse`, { effectiveDate: '2026-01-11', channel: 'online' }), 422, 'DISBURSEMENT_BEFORE_APPROVAL');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${late}/disburse`, { effectiveDate: '2026-01-12', channel: 'online' }));
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'online', reference: 'x-1', effectiveDate: '2026-01-20' }));
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '11.00', channel: 'online', reference: 'x-1', effectiveDate: '2026-01-20' }), 409, 'DUPLICATE_REFERENCE');
    // Only the identical request is a replay (200); the reference with another date or channel is a conflict naming it.
    expect((await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'online', reference: 'x-1', effectiveDate: '2026-01-20' })).statusCode).toBe(200);
    const otherDate = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'online', reference: 'x-1', effectiveDate: '2026-01-21' });
    refused(otherDate, 409, 'DUPLICATE_REFERENCE');
    expect(otherDate.json().detail).toBe('Repayment reference x-1 was already used for a different repayment (effective date 2026-01-20)');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'alipay', reference: 'x-1', effectiveDate: '2026-01-20' }), 409, 'DUPLICATE_REFERENCE');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10.00', channel: 'online', reference: 'x-2', effectiveDate: '2026-01-14' }), 422, 'EFFECTIVE_DATE_BEFORE_DISBURSEMENT');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '0', channel: 'online', reference: 'x-3', effectiveDate: '2026-01-20' }), 400, 'INVALID_AMOUNT');
    // An officer keys in at most what pays the loan off, unless the overpayment is confirmed (and never the principal again beyond it).
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '999999999.00', channel: 'bank_transfer', reference: 'x-4', effectiveDate: '2026-01-20' }), 422, 'AMOUNT_EXCEEDS_PAYOFF');
    const tooLarge = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '999999999.00', channel: 'bank_transfer', reference: 'x-4', effectiveDate: '2026-01-20', overpayment: true });
    refused(tooLarge, 422, 'OVERPAYMENT_TOO_LARGE');
    // The message names the field sent and its limit (payoff plus the principal), never an overpayment the server derived.
    const detail = (tooLarge.json() as { detail: string }).detail;
    expect(detail).toMatch(/^amount 999999999\.00 is more than [\d.]+, the most this loan takes/);
    expect(detail).not.toContain('overpay this loan by');
    const [, most, payoff] = /more than ([\d.]+),.*the payoff ([\d.]+)/.exec(detail) ?? [];
    expect(Number(most) - Number(payoff)).toBeCloseTo(5000, 2);
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '6000.00', channel: 'bank_transfer', reference: 'x-4', effectiveDate: '2026-01-20', overpayment: true }));
  });
});
