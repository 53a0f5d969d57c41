import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, type RouteId } from '../../src/api/auth/policy.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { overpaidLoan } from './payments/payout-fixtures.js';
import { checkAccess, WHO, type AccessRow, type Who } from './authorization-table.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from './commands/journey-steps.js';

const OWN = 'cust-own';
const LOANS = '/v1/loans/loan-own';
const EVERYONE: readonly Who[] = ['borrower-own', 'officer', 'underwriter', 'compliance', 'admin'];
const STAFF_ONLY: readonly Who[] = ['officer', 'underwriter', 'compliance', 'admin'];
const OVERSIGHT: readonly Who[] = ['underwriter', 'compliance', 'admin'];
const COMPLIANCE: readonly Who[] = ['compliance', 'admin'];

/** Its URL names an intent the setup creates on the own borrower's loan (ids are generated). */
const INTENT_ROW: AccessRow = { route: 'payments.getIntent', method: 'GET', url: '/v1/payment-intents/:created-in-setup', allowed: EVERYONE };
/** Its URL names a refund payout the setup starts on an overpaid loan. */
const PAYOUT_ROW: AccessRow = { route: 'payments.getPayout', method: 'GET', url: '/v1/payouts/:created-in-setup', allowed: ['officer', 'compliance', 'admin'] };

/** Every query route × every caller, on the same table helper as the command routes (test/api/authorization-matrix.test.ts). */
const QUERY_ROWS: AccessRow[] = [
  { route: 'customers.search', method: 'GET', url: '/v1/customers?q=zhang', allowed: STAFF_ONLY },
  { route: 'customers.get', method: 'GET', url: `/v1/customers/${OWN}`, allowed: EVERYONE },
  // Not owned: every borrower may browse the catalogue.
  { route: 'products.list', method: 'GET', url: '/v1/products', allowed: [...EVERYONE, 'borrower-other'] },
  { route: 'products.get', method: 'GET', url: '/v1/products/p', allowed: [...EVERYONE, 'borrower-other'] },
  { route: 'products.recommended', method: 'GET', url: `/v1/products/recommended?customerId=${OWN}`, allowed: ['borrower-own', 'officer', 'underwriter', 'admin'] },
  // Not owned: every signed-in caller may read the calendar.
  { route: 'holidays.list', method: 'GET', url: '/v1/holidays?year=2026', allowed: [...EVERYONE, 'borrower-other'] },
  // Lists: every borrower gets 200 with its own rows only, so a stranger is not hidden.
  { route: 'loans.list', method: 'GET', url: '/v1/loans', allowed: [...EVERYONE, 'borrower-other'] },
  { route: 'loans.get', method: 'GET', url: LOANS, allowed: EVERYONE },
  { route: 'loans.schedule', method: 'GET', url: `${LOANS}/schedule`, allowed: EVERYONE },
  { route: 'loans.history', method: 'GET', url: `${LOANS}/history`, allowed: EVERYONE },
  { route: 'loans.transactions', method: 'GET', url: `${LOANS}/transactions`, allowed: EVERYONE },
  { route: 'loans.state', method: 'GET', url: `${LOANS}/state?asOf=2026-02-01T00:00:00Z`, allowed: STAFF_ONLY },
  { route: 'loans.payoff', method: 'GET', url: `${LOANS}/payoff?date=2026-02-01`, allowed: EVERYONE },
  { route: 'reports.portfolio', method: 'GET', url: '/v1/reports/portfolio', allowed: STAFF_ONLY },
  { route: 'reports.classification', method: 'GET', url: '/v1/reports/classification', allowed: OVERSIGHT },
  { route: 'reports.par', method: 'GET', url: '/v1/reports/par?format=csv', allowed: OVERSIGHT },
  { route: 'reports.amlLargeTransactions', method: 'GET', url: '/v1/reports/aml/large-transactions', allowed: COMPLIANCE },
  { route: 'reports.amlSuspicious', method: 'GET', url: '/v1/reports/aml/suspicious', allowed: COMPLIANCE },
  { route: 'reports.trialBalance', method: 'GET', url: '/v1/reports/ledger/trial-balance', allowed: COMPLIANCE },
  { route: 'reports.ledgerReconciliation', method: 'GET', url: '/v1/reports/ledger/reconciliation', allowed: COMPLIANCE },
  { route: 'reports.disbursements', method: 'GET', url: '/v1/reports/disbursements', allowed: STAFF_ONLY },
  { route: 'audit.list', method: 'GET', url: '/v1/audit', allowed: COMPLIANCE },
  { route: 'operations.businessDate', method: 'GET', url: '/v1/business-date', allowed: [...EVERYONE, 'borrower-other'] },
  { route: 'queues.kycReview', method: 'GET', url: '/v1/queues/kyc-review', allowed: ['officer', 'compliance', 'admin'] },
  { route: 'queues.applications', method: 'GET', url: '/v1/queues/applications', allowed: ['officer', 'underwriter', 'admin'] },
  { route: 'queues.approvals', method: 'GET', url: '/v1/queues/approvals', allowed: ['underwriter', 'admin'] },
  { route: 'queues.disbursements', method: 'GET', url: '/v1/queues/disbursements', allowed: ['officer', 'admin'] },
  { route: 'queues.writeOffApprovals', method: 'GET', url: '/v1/queues/write-off-approvals', allowed: ['officer', 'underwriter', 'admin'] },
  { route: 'queues.reversalApprovals', method: 'GET', url: '/v1/queues/reversal-approvals', allowed: ['officer', 'underwriter', 'admin'] },
  { route: 'queues.payoutApprovals', method: 'GET', url: '/v1/queues/payout-approvals', allowed: ['officer', 'underwriter', 'admin'] },
  { route: 'queues.waiverApprovals', method: 'GET', url: '/v1/queues/waiver-approvals', allowed: ['officer', 'underwriter', 'admin'] },
  { route: 'admin.projections', method: 'GET', url: '/v1/admin/projections', allowed: ['admin'] },
  { route: 'admin.rebuildProjection', method: 'POST', url: '/v1/admin/projections/audit-trail/rebuild', allowed: ['admin'] },
  INTENT_ROW,
  { route: 'payments.repaymentReference', method: 'GET', url: `${LOANS}/repayment-reference`, allowed: EVERYONE },
  { route: 'payments.openIntent', method: 'GET', url: `${LOANS}/payment-intents/open`, allowed: EVERYONE },
  { route: 'reports.paymentReconciliation', method: 'GET', url: '/v1/reports/payments/reconciliation?format=csv', allowed: ['officer', 'compliance', 'admin'] },
  { route: 'payments.suspense', method: 'GET', url: '/v1/payments/suspense', allowed: ['officer', 'compliance', 'admin'] },
  { route: 'payments.loanRefundPayouts', method: 'GET', url: `${LOANS}/refunds`, allowed: ['officer', 'compliance', 'admin'] },
  PAYOUT_ROW,
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, productId: 'p' });
  await verifiedCustomer(t, OWN);
  await activeLoan(t, OWN, productId, '2026-01-15', '5000.00', 'loan-own');
  const intent = await t.call(borrower(OWN), 'POST', `${LOANS}/payment-intents`, { amount: '10.00', channel: 'sandbox' });
  INTENT_ROW.url = `/v1/payment-intents/${(JSON.parse(intent.body) as { id: string }).id}`;
  await verifiedCustomer(t, 'cust-overpaid');
  const { loanId } = await overpaidLoan(t, 'cust-overpaid', productId, 'loan-overpaid');
  const payout = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, { channel: 'bank-transfer', amount: '1.00' });
  PAYOUT_ROW.url = `/v1/payouts/${(JSON.parse(payout.body) as { id: string }).id}`;
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

describe('authorization matrix (query routes)', () => {
  it('lists every query route of the policy', () => {
    // Identity routes (auth, users, me, security) have their own table: authorization-identity.test.ts.
    const queryRoutes = (Object.keys(POLICY) as RouteId[]).filter((id) => (POLICY[id].method === 'GET' || id.startsWith('admin.')) && !/^(auth|users|me|security)\./.test(id));
    expect(QUERY_ROWS.map((row) => row.route).sort()).toEqual(queryRoutes.sort());
  });

  describe.each(QUERY_ROWS)('$method $url ($route)', (row) => {
    it.each(WHO)('as %s', (who) => checkAccess(t, row, who, OWN));
  });
});
