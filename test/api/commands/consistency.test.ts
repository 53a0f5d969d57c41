import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-c');
  loanId = await activeLoan(t, 'cust-c', productId, '2026-01-15', '10000.00');
});
afterAll(() => t.close());

const repay = (reference: string, headers: Record<string, string> = {}, amount = '100.00') =>
  t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount, channel: 'alipay', reference, effectiveDate: '2026-01-20' }, headers);

describe('consistency guards', () => {
  it('applies a repayment retried 50 times concurrently with one reference exactly once, each answer the first result', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => repay('ALP-concurrent')));
    const bodies = answers.map((res) => JSON.parse(res.body) as unknown);
    expect(answers.filter((res) => res.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((res) => res.statusCode === 200)).toHaveLength(49);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.filter((e) => e.type === 'RepaymentReceived')).toHaveLength(1);
    expect((await loadLoan(t.runtime.eventStore, loanId)).payments).toEqual(['2026-01-20 100.00 5 alipay ALP-concurrent']);
  });

  it('runs a command under If-Match only at that revision: 409 on a stale one, 400 on a malformed one', async () => {
    const revision = String(await t.runtime.eventStore.streamRevision(`loan-${loanId}`));
    refused(await repay('ALP-stale', { 'if-match': `"${BigInt(revision) - 1n}"` }), 409, 'CONCURRENCY_CONFLICT');
    refused(await repay('ALP-bad', { 'if-match': 'yesterday' }), 400, 'INVALID_IF_MATCH');
    // Two If-Match headers reach us joined by ", ": ambiguous, so refused.
    refused(await repay('ALP-twice', { 'if-match': '"1", "2"' }), 400, 'INVALID_IF_MATCH');
    const res = await repay('ALP-match', { 'if-match': `"${revision}"` });
    expect(accepted(res).revision).toBe(String(BigInt(revision) + 1n));
    expect(res.headers.etag).toBe(`"${BigInt(revision) + 1n}"`);
  });

  it('runs a command under If-Match: * whatever the revision, since the loan exists (QA 12 Q6, RFC 9110 §13.1.1), and refuses it on a loan that does not (404)', async () => {
    const revision = await t.runtime.eventStore.streamRevision(`loan-${loanId}`);
    expect(accepted(await repay('ALP-star', { 'if-match': '*' })).revision).toBe(String((revision ?? 0n) + 1n));
    const missing = await t.call(STAFF.officer, 'POST', '/v1/loans/no-such-loan/repayments', { amount: '1.00', channel: 'alipay', reference: 'ALP-none', effectiveDate: '2026-01-20' }, { 'if-match': '*' });
    expect(missing.statusCode).toBe(404);
  });

  it('replays an Idempotency-Key with the same body and refuses it with another body (422)', async () => {
    const first = accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { name: 'G H', nationalId: '1234567890', phone: '13800000000' }, { 'idempotency-key': 'reg-1' }));
    const again = accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { nationalId: '1234567890', phone: '13800000000', name: 'G H' }, { 'idempotency-key': 'reg-1' }), 200);
    expect(again).toEqual(first);
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', { name: 'Other', nationalId: '1234567890', phone: '13800000000' }, { 'idempotency-key': 'reg-1' }), 422, 'IDEMPOTENCY_KEY_REUSED');
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', { name: 'G H', nationalId: '1234567890', phone: '13800000000' }, { 'idempotency-key': 'bad key!' }), 400, 'INVALID_IDEMPOTENCY_KEY');
    // The same key of another caller is another key.
    accepted(await t.call({ role: 'officer', sub: 'officer-otto' }, 'POST', '/v1/customers', { name: 'G H', nationalId: '1234567899', phone: '13800000000' }, { 'idempotency-key': 'reg-1' }));
  });

  it('records the actor and the correlation id on every event of a command', async () => {
    await repay('ALP-corr', { 'x-correlation-id': 'corr-repay-1' });
    const [last] = await t.runtime.eventStore.readStream(`loan-${loanId}`, { direction: 'backwards', maxCount: 1 });
    expect(last).toMatchObject({ type: 'RepaymentReceived', correlationId: 'corr-repay-1', actor: { sub: 'officer-olga', role: 'officer' } });
  });
});
