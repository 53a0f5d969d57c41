import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POLICY, type RouteId } from '../../../src/api/auth/policy.js';
import { borrower, openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { findingBook } from '../queries/finding-book.js';
import { call, useBusinessClock } from '../queries/journey.js';
import { paymentsAndStaff } from './payments-and-staff.js';
import { refundPayout } from './refund-payout.js';

interface Doc {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
}

/** The payment intent's id is the server's; `:intent` in a call's URL stands for it. */
const INTENT = ':intent';
/** Likewise the refund payout's id: `:payout`. */
const PAYOUT = ':payout';

/** A concrete call of every GET route (and the rebuild's 202) on the finding book, as a caller allowed to make it. */
const CALLS: { route: RouteId; url: string; caller: Caller }[] = [
  { route: 'customers.search', url: '/v1/customers?q=zhang', caller: STAFF.officer },
  { route: 'customers.get', url: '/v1/customers/c1', caller: STAFF.officer },
  { route: 'products.list', url: '/v1/products', caller: STAFF.officer },
  { route: 'products.get', url: '/v1/products/personal-12', caller: STAFF.officer },
  { route: 'products.recommended', url: '/v1/products/recommended?customerId=c1', caller: STAFF.officer },
  { route: 'loans.list', url: '/v1/loans?limit=2', caller: STAFF.officer },
  { route: 'loans.get', url: '/v1/loans/l2', caller: borrower('c2') },
  { route: 'loans.schedule', url: '/v1/loans/l1/schedule', caller: STAFF.officer },
  { route: 'loans.transactions', url: '/v1/loans/l1/transactions', caller: STAFF.officer },
  { route: 'loans.history', url: '/v1/loans/l1/history', caller: STAFF.compliance },
  { route: 'loans.state', url: '/v1/loans/l1/state?asOf=2026-02-16T00:00:00Z', caller: STAFF.officer },
  { route: 'loans.payoff', url: '/v1/loans/l1/payoff?date=2026-02-20', caller: STAFF.officer },
  { route: 'queues.kycReview', url: '/v1/queues/kyc-review', caller: STAFF.officer },
  { route: 'queues.applications', url: '/v1/queues/applications', caller: STAFF.officer },
  { route: 'queues.approvals', url: '/v1/queues/approvals', caller: STAFF.underwriter },
  { route: 'queues.disbursements', url: '/v1/queues/disbursements', caller: STAFF.officer },
  { route: 'queues.writeOffApprovals', url: '/v1/queues/write-off-approvals', caller: STAFF.underwriter },
  { route: 'queues.reversalApprovals', url: '/v1/queues/reversal-approvals', caller: STAFF.underwriter },
  { route: 'queues.waiverApprovals', url: '/v1/queues/waiver-approvals', caller: STAFF.underwriter },
  { route: 'queues.payoutApprovals', url: '/v1/queues/payout-approvals', caller: STAFF.underwriter },
  { route: 'reports.portfolio', url: '/v1/reports/portfolio', caller: STAFF.admin },
  { route: 'reports.classification', url: '/v1/reports/classification', caller: STAFF.admin },
  { route: 'reports.par', url: '/v1/reports/par', caller: STAFF.admin },
  { route: 'reports.amlLargeTransactions', url: '/v1/reports/aml/large-transactions?from=2026-01-01&to=2026-02-28', caller: STAFF.admin },
  { route: 'reports.amlSuspicious', url: '/v1/reports/aml/suspicious?from=2026-01-01&to=2026-02-28', caller: STAFF.admin },
  { route: 'reports.trialBalance', url: '/v1/reports/ledger/trial-balance', caller: STAFF.admin },
  { route: 'reports.disbursements', url: '/v1/reports/disbursements?from=2026-01-01&to=2026-02-28', caller: STAFF.admin },
  { route: 'audit.list', url: '/v1/audit?limit=5', caller: STAFF.admin },
  { route: 'operations.businessDate', url: '/v1/business-date', caller: STAFF.officer },
  { route: 'admin.projections', url: '/v1/admin/projections', caller: STAFF.admin },
  { route: 'admin.rebuildProjection', url: '/v1/admin/projections/work-queue/rebuild', caller: STAFF.admin },
  { route: 'holidays.list', url: '/v1/holidays?year=2026', caller: borrower('c1') },
  { route: 'payments.getIntent', url: `/v1/payment-intents/${INTENT}`, caller: borrower('c2') },
  { route: 'payments.repaymentReference', url: '/v1/loans/l1/repayment-reference', caller: borrower('c1') },
  { route: 'payments.openIntent', url: '/v1/loans/l1/payment-intents/open', caller: borrower('c1') },
  { route: 'payments.suspense', url: '/v1/payments/suspense', caller: STAFF.officer },
  { route: 'payments.loanRefundPayouts', url: '/v1/loans/l2/refunds', caller: STAFF.officer },
  { route: 'payments.getPayout', url: `/v1/payouts/${PAYOUT}`, caller: STAFF.compliance },
  { route: 'reports.ledgerReconciliation', url: '/v1/reports/ledger/reconciliation', caller: STAFF.compliance },
  { route: 'reports.paymentReconciliation', url: '/v1/reports/payments/reconciliation?date=2026-02-20', caller: STAFF.officer },
  { route: 'users.list', url: '/v1/users', caller: STAFF.admin },
  { route: 'users.names', url: '/v1/staff-names', caller: STAFF.compliance },
  { route: 'me.preferences', url: '/v1/me/preferences', caller: STAFF.officer },
  { route: 'security.events', url: '/v1/security-events', caller: STAFF.compliance },
];

let t: TestApp;
let doc: Doc;
let intentId: string;
let payoutId: string;
const ajv = new Ajv2020({ strict: false, allErrors: true });
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await findingBook(t);
  intentId = await paymentsAndStaff(t);
  payoutId = await refundPayout(t);
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  doc = (await t.call(null, 'GET', '/openapi.json')).json() as Doc;
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

/** Validates `body` against the document's schema for this operation, status and media type; returns ajv's complaints. */
function complaints(method: string, url: string, status: number, mediaType: string, body: unknown): string[] {
  const template = url.split('?')[0]?.replace(/\/(c1|l1|l2|nope|personal-12|work-queue|:intent|:payout)(?=\/|$)/g, (_m, id: string) => `/{${id === 'work-queue' ? 'name' : 'id'}}`) ?? '';
  const schema = doc.paths[template]?.[method]?.responses[String(status)]?.content?.[mediaType]?.schema;
  if (!schema) return [`no ${status} ${mediaType} schema declared for ${method.toUpperCase()} ${template}`];
  const validate = ajv.compile(schema);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('real answers against the declared response schemas', () => {
  it('has a call for every GET route of the policy', () => {
    const gets = (Object.keys(POLICY) as RouteId[]).filter((id) => POLICY[id].method === 'GET');
    expect(CALLS.map((c) => c.route).filter((id) => POLICY[id].method === 'GET').sort()).toEqual(gets.sort());
  });

  it('accepts ?minPosition on every GET', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      const names = operations.get?.parameters?.filter((p) => p.in === 'query').map((p) => p.name);
      if (operations.get) expect(names, path).toContain('minPosition');
    }
  });

  it.each(CALLS)('$route answers what it declares', async ({ route, url, caller }) => {
    const method = POLICY[route].method;
    const res = await call(t, caller, method, url.replace(INTENT, intentId).replace(PAYOUT, payoutId));
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(complaints(method.toLowerCase(), url, res.statusCode, 'application/json', res.json()), JSON.stringify(complaints(method.toLowerCase(), url, res.statusCode, 'application/json', res.json()))).toEqual([]);
  });

  it('would notice an answer that strays from its schema', () => {
    expect(complaints('get', '/v1/loans', 200, 'application/json', { items: [{ id: 'l1' }], nextCursor: null })).not.toEqual([]);
  });

  it('answers a command and a refusal in their declared shapes', async () => {
    const created = await call(t, STAFF.officer, 'POST', '/v1/customers', { name: 'Wang Wu', nationalId: '440105199404044567', phone: '13600000000' });
    expect(created.statusCode).toBe(201);
    expect(complaints('post', '/v1/customers', 201, 'application/json', created.json())).toEqual([]);
    const missing = await call(t, STAFF.officer, 'GET', '/v1/loans/nope');
    expect(missing.statusCode).toBe(404);
    expect(complaints('get', '/v1/loans/nope', 404, 'application/problem+json', missing.json())).toEqual([]);
  });
});
