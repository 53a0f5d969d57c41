import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, productId: 'p' });
  await verifiedCustomer(t, 'cust-b');
  await activeLoan(t, 'cust-b', productId, '2026-01-15', '5000.00', 'loan-b');
});
afterAll(() => t.close());

interface Route {
  url: string;
  method: 'POST' | 'DELETE';
  caller?: Caller;
  /** Bodies each wrong in one way: types, signs, precision, dates, unknown fields. */
  bad: Record<string, unknown>[];
}

const L = '/v1/loans/loan-b';
const pay = { amount: '10.00', channel: 'online', reference: 'r-1', effectiveDate: '2026-02-01' };
const ROUTES: Route[] = [
  { url: '/v1/customers', method: 'POST', bad: [{ name: 5, nationalId: '1234567890', phone: '13800000000' }, { name: 'A', nationalId: '1234567890', phone: 'call me' }, { name: 'A', nationalId: '1', phone: '13800000000', email: 'not-mail' }, { name: 'A', nationalId: '1234567890', phone: '13800000000', role: 'admin' }] },
  { url: '/v1/customers/cust-b/kyc', method: 'POST', bad: [{ monthlyIncome: 100, employer: 'x', employmentMonths: 1, bankAccount: '12345678' }, { monthlyIncome: '-1.00', employer: 'x', employmentMonths: 1, bankAccount: '12345678' }, { monthlyIncome: '1.00', employer: 'x', employmentMonths: 1.5, bankAccount: '12345678' }] },
  { url: '/v1/customers/cust-b/kyc/decision', method: 'POST', bad: [{ decision: 'maybe' }, {}] },
  { url: '/v1/customers/cust-b/pii', method: 'DELETE', caller: STAFF.compliance, bad: [{ reason: 7 }, { reason: '' }] },
  { url: '/v1/products', method: 'POST', caller: STAFF.admin, bad: [{ ...PRODUCT, annualRate: 12 }, { ...PRODUCT, principal: { min: '-1.00', max: '10.00' } }, { ...PRODUCT, principal: { min: '1.001', max: '10.00' } }, { ...PRODUCT, term: { min: 0, max: 1 } }] },
  { url: '/v1/products/p/amend', method: 'POST', caller: STAFF.admin, bad: [{ ...PRODUCT, frequency: 'daily' }, { ...PRODUCT, fees: [{ kind: 'origination', type: 'percent', value: '-1' }] }] },
  { url: '/v1/products/p/retire', method: 'POST', caller: STAFF.admin, bad: [{ reason: ['x'] }] },
  { url: '/v1/loans', method: 'POST', bad: [{ customerId: 'cust-b', productId: 'p', principal: 5000, term: 6, purpose: 'x' }, { customerId: 'cust-b', productId: 'p', principal: '-5000.00', term: 6, purpose: 'x' }, { customerId: 'cust-b', productId: 'p', principal: '5000.001', term: 6, purpose: 'x' }, { customerId: 'cust-b', productId: 'unknown', principal: '5000.00', term: 6, purpose: 'x' }] },
  { url: `${L}/assess`, method: 'POST', bad: [{ score: 900 }] },
  { url: `${L}/approve`, method: 'POST', caller: STAFF.underwriter, bad: [{ approvedPrincipal: '-1.00' }, { approvedPrincipal: '1.005' }] },
  { url: `${L}/reject`, method: 'POST', caller: STAFF.underwriter, bad: [{}, { reason: 3 }] },
  { url: `${L}/withdraw`, method: 'POST', bad: [{ reason: false }] },
  { url: `${L}/disburse`, method: 'POST', bad: [{ channel: 'cash' }, { channel: 'online', effectiveDate: '2026-02-30' }] },
  { url: `${L}/repayments`, method: 'POST', bad: [{ ...pay, amount: 10 }, { ...pay, amount: '-10.00' }, { ...pay, amount: '10.001' }, { ...pay, effectiveDate: '2026-02-30' }, { ...pay, channel: 'paypal' }, { ...pay, reference: '' }] },
  { url: `${L}/waivers`, method: 'POST', bad: [{ kind: 'principal', reason: 'x' }, { kind: 'interest', amount: '-1.00', reason: 'x' }, { kind: 'interest', amount: '1.001', reason: 'x' }] },
  { url: `${L}/reschedule`, method: 'POST', caller: STAFF.underwriter, bad: [{ reason: 'x', term: '12' }, { reason: 'x', effectiveDate: '2026-13-01' }, { reason: 'x', annualRate: '-2' }] },
  { url: `${L}/write-off`, method: 'POST', bad: [{ action: 'request' }, { action: 'approve', reason: 'x', extra: 1 }, { action: 'delete' }] },
  { url: `${L}/recoveries`, method: 'POST', bad: [{ ...pay, amount: '-1.00' }, { ...pay, effectiveDate: '2026-02-29' }] },
  { url: `${L}/refund`, method: 'POST', caller: STAFF.admin, bad: [{ channel: 'cash', reference: 'r', amount: '1.001' }, { channel: 'cash' }] },
  { url: `${L}/refunds`, method: 'POST', bad: [{ channel: 'sandbox', amount: '-1' }, { channel: 'cash' }, { channel: 'alipay', payee: { account: '' } }, { channel: 'sandbox', extra: 1 }] },
  { url: '/v1/payouts/po-x/confirmation', method: 'POST', bad: [{}, { bankReference: 'has space' }, { bankReference: 'B1', executedAt: 'yesterday' }] },
  { url: '/v1/payouts/po-x/failure', method: 'POST', bad: [{}, { reason: '' }] },
];

const TEN_MB = JSON.stringify({ reason: 'x'.repeat(10 * 1024 * 1024) });
const PROTO = '{"reason":"x","__proto__":{"role":"admin"}}';

function expectProblem(res: { statusCode: number; body: string; headers: Record<string, unknown> }, label: string): void {
  expect(res.statusCode, `${label}: ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
  expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
}

describe('bad input on every command route', () => {
  it.each(ROUTES)('$method $url refuses each bad body, a 10 MB body and a __proto__ key, appending nothing', async (route) => {
    const caller = route.caller ?? STAFF.officer;
    const head = await t.runtime.eventStore.headPosition();
    for (const body of route.bad) expectProblem(await t.call(caller, route.method, route.url, body), JSON.stringify(body));
    const huge = await t.call(caller, route.method, route.url, TEN_MB);
    expectProblem(huge, '10 MB');
    expect(huge.statusCode).toBe(413);
    const poisoned = await t.call(caller, route.method, route.url, PROTO);
    expectProblem(poisoned, '__proto__');
    expect(poisoned.statusCode).toBe(400);
    expectProblem(await t.call(caller, route.method, route.url, '[1,2]'), 'array body');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('answers 400 (not 500) for an id that cannot name a stream', async () => {
    const res = await t.call(STAFF.officer, 'POST', `/v1/loans/${'x'.repeat(65)}/assess`);
    expectProblem(res, 'long id');
    expect(res.statusCode).toBe(400);
  });
});
