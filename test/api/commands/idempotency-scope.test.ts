import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

// QA 12 Q7: an Idempotency-Key is its caller's. The same key from another principal is another
// request (Stripe; IETF draft-ietf-httpapi-idempotency-key-header): its command runs for it, on
// its own merits, and it is never answered with the first caller's stored result.
let t: TestApp;
let productId: string;
let loanA: string;
let loanB: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-ka');
  await verifiedCustomer(t, 'cust-kb');
  loanA = await activeLoan(t, 'cust-ka', productId, '2026-01-15', '5000.00');
  loanB = await activeLoan(t, 'cust-kb', productId, '2026-01-15', '5000.00');
});
afterAll(() => t.close());

const OTTO: Caller = { role: 'officer', sub: 'officer-otto' };
const keyed = (key: string) => ({ 'idempotency-key': key });
const application = (principal = '3000.00') => ({ customerId: 'cust-ka', productId, principal, term: 6, purpose: 'renovation' });
const apply = (caller: Caller, key: string) => t.call(caller, 'POST', '/v1/loans', application(), keyed(key));
const applications = async () => (await t.runtime.eventStore.readAll({})).filter((e) => e.type === 'LoanApplicationSubmitted').length;

describe('an Idempotency-Key is scoped to the caller', () => {
  it('two officers sending one key with one body each have their own command run; each retry answers its own first result', async () => {
    const before = await applications();
    const olga = accepted(await apply(STAFF.officer, 'apply-1'));
    const otto = accepted(await apply(OTTO, 'apply-1'));
    expect(otto.id).not.toBe(olga.id);
    expect(await applications()).toBe(before + 2);

    expect(accepted(await apply(STAFF.officer, 'apply-1'), 200)).toEqual(olga);
    expect(accepted(await apply(OTTO, 'apply-1'), 200)).toEqual(otto);
    expect(await applications()).toBe(before + 2);
    // The same caller's key with another body is still refused.
    refused(await t.call(OTTO, 'POST', '/v1/loans', application('3100.00'), keyed('apply-1')), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('a second officer\'s repayment under the first one\'s key is judged by the reference rule, and its own repayment under that key is recorded', async () => {
    const body = { amount: '100.00', channel: 'alipay', reference: 'ALP-scope-1', effectiveDate: '2026-01-20' };
    const repay = (caller: Caller, reference = body.reference) => t.call(caller, 'POST', `/v1/loans/${loanA}/repayments`, { ...body, reference }, keyed('repay-1'));
    const first = accepted(await repay(STAFF.officer));
    // The same body from Otto repeats a recorded repayment: the reference rule answers it with the first recording, nothing new.
    expect(accepted(await repay(OTTO), 200)).toEqual(first);
    // Otto's key is his own, not bound to Olga's request: his repayment under it is recorded (one shared key would be 422).
    accepted(await repay(OTTO, 'ALP-scope-2'));
    const received = (await t.runtime.eventStore.readStream(`loan-${loanA}`)).filter((e) => e.type === 'RepaymentReceived');
    expect(received.map((e) => [(e.data as { reference: string }).reference, e.actor.sub])).toEqual([
      ['ALP-scope-1', 'officer-olga'], ['ALP-scope-2', 'officer-otto'],
    ]);
  });

  it('a borrower cannot replay another borrower\'s key: the same request is refused on its own merits, its own request runs', async () => {
    const body = { amount: '200.00', channel: 'sandbox' };
    const first = accepted(await t.call(borrower('cust-ka'), 'POST', `/v1/loans/${loanA}/payment-intents`, body, keyed('pay-1')));
    // The very request borrower A sent: B may not act on A's loan (hidden from it: 404), whatever key it carries.
    const replayed = await t.call(borrower('cust-kb'), 'POST', `/v1/loans/${loanA}/payment-intents`, body, keyed('pay-1'));
    refused(replayed, 404, 'NOT_FOUND');
    expect(replayed.body).not.toContain(first.id);
    // B's own payment under the same key is B's intent, on B's loan.
    const own = accepted(await t.call(borrower('cust-kb'), 'POST', `/v1/loans/${loanB}/payment-intents`, body, keyed('pay-1')));
    expect(own.id).not.toBe(first.id);
    expect((await t.runtime.eventStore.readStream(`payment-${own.id}`))[0]).toMatchObject({ data: { loanId: loanB }, actor: { sub: 'user-cust-kb' } });
  });

  it('keeps a subject holding ":" apart from a key holding it: officer-olga with x:apply-2 and officer-olga:x with apply-2 are two requests', async () => {
    const before = await applications();
    const olga = accepted(await apply(STAFF.officer, 'x:apply-2'));
    const other = accepted(await apply({ role: 'officer', sub: 'officer-olga:x' }, 'apply-2'));
    expect(other.id).not.toBe(olga.id);
    expect(await applications()).toBe(before + 2);
    // And the same with a subject holding the escape character itself.
    const percent = accepted(await apply({ role: 'officer', sub: 'officer-olga%3ax' }, 'apply-2'));
    expect(new Set([olga.id, other.id, percent.id]).size).toBe(3);
  });
});
