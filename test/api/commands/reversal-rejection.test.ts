import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** A second officer: four eyes need two people, not two roles. */
const otto: Caller = { role: 'officer', sub: 'officer-otto' };
type Queue = { items: { id: string; reference: string | null; requestedBy: string | null }[] };

let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Four-eyes reversals (rejected)', reversalApprovalAbove: '1000.00' });
  await verifiedCustomer(t, 'cust-rrj');
  loanId = await activeLoan(t, 'cust-rrj', productId, '2024-01-15', '3000.00');
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1500.00', channel: 'bank_transfer', reference: 'BIG-1', effectiveDate: '2024-01-20' }));
});
afterAll(() => t.close());

const reversal = (caller: Caller, decision: 'approve' | 'reject', body: object, reference = 'BIG-1') =>
  t.call(caller, 'POST', `/v1/loans/${loanId}/repayments/${reference}/reversal/${decision}`, body);
const queue = async (caller: Caller, position: string) => (await t.call(caller, 'GET', `/v1/queues/reversal-approvals?minPosition=${position}`)).json() as Queue;
const payoff = async (position: string) => (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2024-01-22&minPosition=${position}`)).json() as { principal: string; refundDue: string };

describe('POST /v1/loans/:id/repayments/:reference/reversal/reject', () => {
  it('a checker turns a waiting reversal down: nothing is reversed, the queue lets it go, it can be neither approved nor rejected again; never by its requester', async () => {
    const requested = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BIG-1/reversal`, { reason: 'chargeback', effectiveDate: '2024-01-22' }));
    const before = await payoff(requested.position);
    expect((await queue(otto, requested.position)).items).toEqual([expect.objectContaining({ id: loanId, reference: 'BIG-1', requestedBy: STAFF.officer.sub })]);
    // Segregation of duties: the requester decides neither way; compliance has no say; a reason is required.
    refused(await reversal(STAFF.officer, 'reject', { reason: 'changed my mind' }), 422, 'FOUR_EYES_REQUIRED');
    refused(await reversal(STAFF.compliance, 'reject', { reason: 'no' }), 403, 'FORBIDDEN');
    refused(await reversal(otto, 'reject', {}), 400, 'VALIDATION_FAILED');
    refused(await reversal(otto, 'reject', { reason: 'no', extra: true }), 400, 'VALIDATION_FAILED');
    refused(await reversal(otto, 'reject', { reason: 'no' }, 'NOPE'), 404, 'REPAYMENT_NOT_FOUND');

    const rejected = accepted(await reversal(otto, 'reject', { reason: 'the bank confirmed the transfer' }));
    expect(await payoff(rejected.position)).toEqual(before);
    // Still paid: the 1 500.00 pays principal, nothing is owed back.
    expect(before.refundDue).toBe('0.00');
    expect(Number(before.principal)).toBeLessThan(3000);
    expect((await queue(otto, rejected.position)).items.filter((item) => item.id === loanId)).toEqual([]);
    const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.map((e) => e.type)).not.toContain('RepaymentReversed');
    expect(events.find((e) => e.type === 'RepaymentReversalRejected')?.data).toEqual({ reference: 'BIG-1', reason: 'the bank confirmed the transfer', rejectedBy: otto.sub });
    const transactions = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/transactions?minPosition=${rejected.position}`)).json().items as { type: string }[];
    expect(transactions.some((m) => m.type === 'reversal')).toBe(false);
    refused(await reversal(otto, 'reject', { reason: 'again' }), 409, 'REVERSAL_NOT_REQUESTED');
    refused(await reversal(STAFF.underwriter, 'approve', {}), 409, 'REVERSAL_NOT_REQUESTED');
  });

  it('after a rejection the repayment may be asked to be reversed again, and that request is approved as any other', async () => {
    const again = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BIG-1/reversal`, { reason: 'bounced after all', effectiveDate: '2024-01-22' }));
    expect((await queue(otto, again.position)).items).toEqual([expect.objectContaining({ id: loanId, reference: 'BIG-1' })]);
    const approved = accepted(await reversal(STAFF.underwriter, 'approve', {}));
    expect(await payoff(approved.position)).toMatchObject({ principal: '3000.00' });
    refused(await reversal(otto, 'reject', { reason: 'too late' }), 409, 'REVERSAL_NOT_REQUESTED');
  });
});
