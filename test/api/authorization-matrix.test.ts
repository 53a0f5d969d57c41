import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, type RouteId } from '../../src/api/auth/policy.js';
import { borrower, openTestApp, type TestApp } from '../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from './commands/journey-steps.js';
import { checkAccess, WHO, type AccessRow } from './authorization-table.js';

const OWN = 'cust-own';
const LOAN = 'loan-own';
const LOANS = `/v1/loans/${LOAN}`;
const pay = { amount: '10.00', channel: 'online', reference: 'matrix-1', effectiveDate: '2026-02-01' };

/**
 * Every command route × every caller. Query routes join this table (same helper) as they land.
 * Bodies are valid so that only the gate can refuse; an allowed call may still fail a rule.
 */
/** Its URL names an intent the setup opens on the own borrower's loan (ids are generated); cancelling it again answers the same. */
const CANCEL_INTENT_ROW: AccessRow = { route: 'payments.cancelIntent', method: 'POST', url: '/v1/payment-intents/:created-in-setup/cancellation', body: {}, allowed: ['borrower-own', 'officer'] };

const COMMAND_ROWS: AccessRow[] = [
  { route: 'customers.register', method: 'POST', url: '/v1/customers', body: { customerId: OWN, name: 'A B', nationalId: '1234567890', phone: '13800000000' }, allowed: ['borrower-own', 'officer'] },
  { route: 'customers.submitKyc', method: 'POST', url: `/v1/customers/${OWN}/kyc`, body: { monthlyIncome: '1.00', employer: 'x', employmentMonths: 1, bankAccount: '12345678' }, allowed: ['borrower-own', 'officer'] },
  { route: 'customers.decideKyc', method: 'POST', url: `/v1/customers/${OWN}/kyc/decision`, body: { decision: 'verified' }, allowed: ['officer', 'compliance'] },
  { route: 'customers.erasePii', method: 'DELETE', url: '/v1/customers/cust-erasable/pii', allowed: ['compliance'] },
  { route: 'products.define', method: 'POST', url: '/v1/products', body: PRODUCT, allowed: ['admin'] },
  { route: 'products.amend', method: 'POST', url: '/v1/products/spare/amend', body: PRODUCT, allowed: ['admin'] },
  { route: 'products.retire', method: 'POST', url: '/v1/products/spare/retire', allowed: ['admin'] },
  // Reads only and owned by no one: every signed-in caller may price a product.
  { route: 'loans.quote', method: 'POST', url: '/v1/loans/quote', body: { productId: 'p', principal: '5000.00', term: 6 }, allowed: ['borrower-own', 'borrower-other', 'officer', 'underwriter', 'compliance', 'admin'] },
  { route: 'holidays.add', method: 'POST', url: '/v1/holidays', body: { date: '2026-05-20', name: 'Matrix day' }, allowed: ['admin'] },
  { route: 'holidays.remove', method: 'DELETE', url: '/v1/holidays/2026-05-21', allowed: ['admin'] },
  { route: 'loans.agreement', method: 'POST', url: '/v1/loans/agreement', body: { customerId: OWN, productId: 'p', principal: '5000.00', term: 6 }, allowed: ['borrower-own', 'officer'] },
  { route: 'loans.apply', method: 'POST', url: '/v1/loans', body: { customerId: OWN, productId: 'p', principal: '5000.00', term: 6, purpose: 'x' }, allowed: ['borrower-own', 'officer'] },
  { route: 'loans.assess', method: 'POST', url: `${LOANS}/assess`, allowed: ['officer', 'underwriter'] },
  { route: 'loans.approve', method: 'POST', url: `${LOANS}/approve`, body: {}, allowed: ['underwriter'] },
  { route: 'loans.reject', method: 'POST', url: `${LOANS}/reject`, body: { reason: 'no' }, allowed: ['underwriter'] },
  { route: 'loans.withdraw', method: 'POST', url: `${LOANS}/withdraw`, allowed: ['borrower-own', 'officer'] },
  { route: 'loans.disburse', method: 'POST', url: `${LOANS}/disburse`, body: { channel: 'online' }, allowed: ['officer'] },
  { route: 'loans.repay', method: 'POST', url: `${LOANS}/repayments`, body: pay, allowed: ['officer'] },
  { route: 'payments.importStatement', method: 'POST', url: '/v1/payments/bank-statements', body: { not: 'csv' }, allowed: ['officer'] },
  { route: 'payments.assignSuspense', method: 'POST', url: '/v1/payments/suspense/BK-1/assign', body: { loanId: LOAN }, allowed: ['officer'] },
  { route: 'payments.createIntent', method: 'POST', url: `${LOANS}/payment-intents`, body: { amount: '10.00', channel: 'sandbox' }, allowed: ['borrower-own', 'officer'] },
  CANCEL_INTENT_ROW,
  { route: 'loans.waive', method: 'POST', url: `${LOANS}/waivers`, body: { kind: 'penalty', reason: 'goodwill' }, allowed: ['officer'] },
  { route: 'loans.approveWaiver', method: 'POST', url: `${LOANS}/waivers/w-none/approve`, body: {}, allowed: ['officer', 'underwriter'] },
  { route: 'loans.rejectWaiver', method: 'POST', url: `${LOANS}/waivers/w-none/reject`, body: { reason: 'no' }, allowed: ['officer', 'underwriter'] },
  { route: 'loans.applyCharge', method: 'POST', url: `${LOANS}/charges`, body: { kind: 'document-fee', amount: '10.00', dueDate: '2026-03-01', reason: 'copy' }, allowed: ['officer'] },
  { route: 'loans.reschedule', method: 'POST', url: `${LOANS}/reschedule`, body: { reason: 'hardship', term: 12 }, allowed: ['underwriter'] },
  { route: 'loans.writeOff', method: 'POST', url: `${LOANS}/write-off`, body: { action: 'request', reason: 'uncollectable' }, allowed: ['officer', 'underwriter'] },
  { route: 'loans.recover', method: 'POST', url: `${LOANS}/recoveries`, body: pay, allowed: ['officer'] },
  { route: 'loans.approveReversal', method: 'POST', url: `${LOANS}/repayments/r-none/reversal/approve`, body: {}, allowed: ['officer', 'underwriter'] },
  { route: 'loans.rejectReversal', method: 'POST', url: `${LOANS}/repayments/r-none/reversal/reject`, body: { reason: 'no' }, allowed: ['officer', 'underwriter'] },
  { route: 'loans.reverseRepayment', method: 'POST', url: `${LOANS}/repayments/r-none/reversal`, body: { reason: 'bounced' }, allowed: ['officer'] },
  // Cash refunds outside every channel only; officers refund through POST /v1/loans/:id/refunds.
  { route: 'loans.refund', method: 'POST', url: `${LOANS}/refund`, body: { channel: 'cash', reference: 'r-1' }, allowed: ['admin'] },
  { route: 'payments.startRefundPayout', method: 'POST', url: `${LOANS}/refunds`, body: { channel: 'bank-transfer' }, allowed: ['officer'] },
  { route: 'payments.approvePayout', method: 'POST', url: '/v1/payouts/po-none/approval', body: {}, allowed: ['officer', 'underwriter'] },
  { route: 'payments.rejectPayout', method: 'POST', url: '/v1/payouts/po-none/rejection', body: { reason: 'wrong payee' }, allowed: ['officer', 'underwriter'] },
  { route: 'payments.confirmPayout', method: 'POST', url: '/v1/payouts/po-none/confirmation', body: { bankReference: 'BK-9' }, allowed: ['officer'] },
  { route: 'payments.failPayout', method: 'POST', url: '/v1/payouts/po-none/failure', body: { reason: 'returned' }, allowed: ['officer'] },
  { route: 'payments.queryPayout', method: 'POST', url: '/v1/payouts/po-none/status-query', body: {}, allowed: ['officer'] },
  { route: 'payments.cancelPayout', method: 'POST', url: '/v1/payouts/po-none/cancellation', body: { reason: 'payee asked' }, allowed: ['officer'] },
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, productId: 'p' });
  await defineProduct(t, { ...PRODUCT, productId: 'spare' });
  await verifiedCustomer(t, OWN);
  await verifiedCustomer(t, 'cust-erasable');
  await activeLoan(t, OWN, productId, '2026-01-15', '5000.00', LOAN);
  // The createIntent row's amount, so its calls answer this same open intent (its row runs before the cancellation's).
  const intent = await t.call(borrower(OWN), 'POST', `${LOANS}/payment-intents`, { amount: '10.00', channel: 'sandbox' });
  CANCEL_INTENT_ROW.url = `/v1/payment-intents/${(JSON.parse(intent.body) as { id: string }).id}/cancellation`;
});
afterAll(() => t.close());

describe('authorization matrix (command routes)', () => {
  it('lists every command route of the policy', () => {
    const commandRoutes = (Object.keys(POLICY) as RouteId[]).filter((id) => /^(customers|products|loans|holidays|payments)\./.test(id) && POLICY[id].method !== 'GET');
    expect(COMMAND_ROWS.map((row) => row.route).sort()).toEqual(commandRoutes.sort());
  });

  describe.each(COMMAND_ROWS)('$method $url ($route)', (row) => {
    it.each(WHO)('as %s', (who) => checkAccess(t, row, who, OWN));
  });
});
