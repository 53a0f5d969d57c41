import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { overpaidLoan, refundDesk, refundsOf } from './payout-fixtures.js';

const OWN = 'cust-payout-4eyes';
/** A second officer: four eyes need two people, not two roles. */
const otto: Caller = { role: 'officer', sub: 'officer-otto' };
let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
});
afterAll(() => t.close());

type Queue = { items: { id: string; reference: string | null; requestedBy: string | null; reason: string }[] };
const queue = async (caller: Caller, position: string) => (await t.call(caller, 'GET', `/v1/queues/payout-approvals?minPosition=${position}`)).json() as Queue;
const start = (loanId: string, body: Record<string, unknown>) => t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, body);

describe('a refund payout needs two people (QA Q14)', () => {
  it('started by one officer it waits, holding its credit; its maker cannot approve it; another officer sends it, and the bank\'s confirmation records the refund', async () => {
    const { loanId } = await overpaidLoan(t, OWN, productId, 'loan-4eyes-1');
    const res = await start(loanId, { channel: 'bank-transfer', amount: '100.00', payee: { account: '6222 0200 1234 5678', name: '李四' } });
    expect(res.statusCode, res.body).toBe(201);
    const started = res.json<{ id: string; status: string; position: string }>();
    expect(started.status).toBe('awaiting_approval');
    expect(await refundDesk(t, loanId)).toMatchObject({ reserved: '100.00', items: [{ id: started.id, status: 'awaiting_approval' }] });
    // Nothing was sent: it cannot be settled yet.
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${started.id}/confirmation`, { bankReference: 'BR-EARLY' }), 409, 'PAYOUT_NOT_APPROVED');
    // It waits in the payout-approvals queue, which leaves out its maker.
    expect((await queue(otto, started.position)).items).toEqual([
      expect.objectContaining({ id: loanId, reference: started.id, requestedBy: STAFF.officer.sub, reason: expect.stringContaining('100.00 CNY by bank-transfer') }),
    ]);
    expect((await queue(STAFF.officer, started.position)).items.filter((item) => item.reference === started.id)).toEqual([]);
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${started.id}/approval`, {}), 422, 'FOUR_EYES_REQUIRED');
    refused(await t.call(STAFF.compliance, 'POST', `/v1/payouts/${started.id}/approval`, {}), 403, 'FORBIDDEN');
    refused(await t.call(otto, 'POST', '/v1/payouts/po-none/approval', {}), 404, 'PAYOUT_NOT_FOUND');
    const approval = await t.call(otto, 'POST', `/v1/payouts/${started.id}/approval`, {});
    expect(approval.statusCode, approval.body).toBe(201);
    const approved = approval.json<{ status: string; position: string }>();
    expect(approved.status).toBe('pending');
    expect((await t.call(otto, 'POST', `/v1/payouts/${started.id}/approval`, {})).statusCode).toBe(200);
    expect((await queue(otto, approved.position)).items.filter((item) => item.reference === started.id)).toEqual([]);
    refused(await t.call(otto, 'POST', `/v1/payouts/${started.id}/rejection`, { reason: 'too late' }), 409, 'PAYOUT_NOT_AWAITING_APPROVAL');
    const confirmed = accepted(await t.call(STAFF.officer, 'POST', `/v1/payouts/${started.id}/confirmation`, { bankReference: 'BR-4EYES-1' }));
    expect((await refundsOf(t, loanId)).map((e) => e.data)).toEqual([expect.objectContaining({ amount: '100.00', reference: 'BR-4EYES-1' })]);
    const view = (await t.call(STAFF.compliance, 'GET', `/v1/payouts/${started.id}`)).json<Record<string, unknown>>();
    expect(view).toMatchObject({ status: 'confirmed', requestedBy: STAFF.officer.sub, approval: { approvedBy: otto.sub }, rejection: null });
    const reconciliation = await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/reconciliation?minPosition=${confirmed.position}`);
    expect(reconciliation.json()).toMatchObject({ items: [] });
  });

  it('a rejected payout sends nothing and frees its credit; it can never be approved after', async () => {
    const { loanId, credit } = await overpaidLoan(t, OWN, productId, 'loan-4eyes-2');
    const started = (await start(loanId, { channel: 'bank-transfer' })).json<{ id: string; amount: string }>();
    expect(started.amount).toBe(credit);
    refused(await start(loanId, { channel: 'bank-transfer', amount: '1.00' }), 422, 'REFUND_EXCEEDS_CREDIT');
    const rejected = accepted(await t.call(STAFF.underwriter, 'POST', `/v1/payouts/${started.id}/rejection`, { reason: 'payee account does not match the borrower' }));
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/payouts/${started.id}/rejection`, { reason: 'again' }), 200);
    refused(await t.call(otto, 'POST', `/v1/payouts/${started.id}/approval`, {}), 409, 'PAYOUT_NOT_AWAITING_APPROVAL');
    refused(await t.call(STAFF.officer, 'POST', `/v1/payouts/${started.id}/cancellation`, { reason: 'x' }), 409, 'PAYOUT_NOT_PENDING');
    expect(await refundDesk(t, loanId)).toMatchObject({ reserved: '0.00', refundable: credit, items: [{ id: started.id, status: 'rejected' }] });
    expect((await queue(otto, rejected.position)).items.filter((item) => item.reference === started.id)).toEqual([]);
    expect(await refundsOf(t, loanId)).toHaveLength(0);
  });
});
