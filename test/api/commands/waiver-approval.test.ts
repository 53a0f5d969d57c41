import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** A second officer: four eyes need two people, not two roles. */
const otto: Caller = { role: 'officer', sub: 'officer-otto' };

type Queue = { items: { id: string; reference: string | null; reason: string; requestedBy: string | null }[] };
type Payoff = { interest: string; total: string };

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Four-eyes waivers', waiverApprovalAbove: '100.00' });
});
afterAll(() => t.close());

const payoff = async (loanId: string, position: string) =>
  (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2026-02-15&minPosition=${position}`)).json() as Payoff;
const queue = async (caller: Caller, position: string) => (await t.call(caller, 'GET', `/v1/queues/waiver-approvals?minPosition=${position}`)).json() as Queue;

describe('POST /v1/loans/:id/waivers above the product\'s waiverApprovalAbove', () => {
  it('waits for a second person: its maker cannot approve it (422), another officer applies it and the ledger follows', async () => {
    await verifiedCustomer(t, 'cust-wa1');
    const loanId = await activeLoan(t, 'cust-wa1', productId, '2026-01-15', '100000.00');
    const before = await payoff(loanId, '0');
    const requested = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '500.00', reason: 'hardship', effectiveDate: '2026-02-15', reference: 'GW-1' }));
    // Nothing is waived yet, and the same request again changes nothing.
    expect(await payoff(loanId, requested.position)).toEqual(before);
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '500.00', reason: 'hardship', effectiveDate: '2026-02-15', reference: 'GW-1' }), 200);
    // It waits in the waiver-approvals queue, without its maker's own requests.
    expect((await queue(otto, requested.position)).items).toEqual([
      expect.objectContaining({ id: loanId, reference: 'GW-1', requestedBy: STAFF.officer.sub, reason: expect.stringContaining('500.00 interest') }),
    ]);
    expect((await queue(STAFF.officer, requested.position)).items).toEqual([]);
    // Asked for one loan (its page, QA 12 W15), the queue names its own requests too, each with its maker.
    const onLoan = async (id: string) => (await t.call(STAFF.officer, 'GET', `/v1/queues/waiver-approvals?loanId=${id}&minPosition=${requested.position}`)).json() as Queue;
    expect((await onLoan(loanId)).items).toEqual([expect.objectContaining({ id: loanId, reference: 'GW-1', requestedBy: STAFF.officer.sub })]);
    expect((await onLoan('no-such-loan')).items).toEqual([]);
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers/GW-1/approve`, {}), 422, 'FOUR_EYES_REQUIRED');
    refused(await t.call(STAFF.compliance, 'POST', `/v1/loans/${loanId}/waivers/GW-1/approve`, {}), 403, 'FORBIDDEN');
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/NOPE/approve`, {}), 404, 'WAIVER_NOT_FOUND');
    const approved = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-1/approve`, {}));
    const after = await payoff(loanId, approved.position);
    expect(Number(before.interest) - Number(after.interest)).toBeCloseTo(500, 2);
    expect((await queue(otto, approved.position)).items).toEqual([]);
    const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.find((e) => e.type === 'ChargeWaived')?.data).toMatchObject({ amount: '500.00', reference: 'GW-1', requestedBy: STAFF.officer.sub, approvedBy: otto.sub });
    accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-1/approve`, {}), 200);
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-1/reject`, { reason: 'too late' }), 409, 'WAIVER_NOT_PENDING');
    const reconciliation = await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/reconciliation?minPosition=${approved.position}`);
    expect(reconciliation.json()).toMatchObject({ items: [] });
    const transactions = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/transactions?minPosition=${approved.position}`)).json().items as { type: string; amount?: string }[];
    expect(transactions.filter((m) => m.type === 'waiver')).toEqual([expect.objectContaining({ amount: '500.00' })]);
  });

  it('a rejected request waives nothing and leaves the queue; at or below the threshold a waiver applies at once', async () => {
    await verifiedCustomer(t, 'cust-wa2');
    const loanId = await activeLoan(t, 'cust-wa2', productId, '2026-01-15', '100000.00');
    const before = await payoff(loanId, '0');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '300.00', reason: 'hardship', effectiveDate: '2026-02-15', reference: 'GW-2' }));
    const rejected = accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/waivers/GW-2/reject`, { reason: 'not documented' }));
    expect(await payoff(loanId, rejected.position)).toEqual(before);
    expect((await queue(otto, rejected.position)).items.filter((item) => item.id === loanId)).toEqual([]);
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-2/approve`, {}), 409, 'WAIVER_NOT_PENDING');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '300.00', reason: 'again', effectiveDate: '2026-02-15', reference: 'GW-2' }), 409, 'WAIVER_ALREADY_DECIDED');
    const small = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '100.00', reason: 'goodwill', effectiveDate: '2026-02-15' }));
    const after = await payoff(loanId, small.position);
    expect(Number(before.interest) - Number(after.interest)).toBeCloseTo(100, 2);
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers/GW-3/reject`, { reason: 'x' }), 404, 'WAIVER_NOT_FOUND');
  });
});
