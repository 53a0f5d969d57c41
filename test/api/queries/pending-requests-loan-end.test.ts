import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from '../commands/journey-steps.js';

/**
 * QA 12 Q9: a waiver or write-off request waiting for a second person leaves its queue when the
 * loan ends (paid off, overpaid, written off): it could only be answered 409 LOAN_NOT_ACTIVE. A
 * pending reversal stays (an ended loan's repayment can still be reversed), and a reversal that
 * reopens the loan puts its waiting requests back.
 */

/** A second officer: four eyes need two people, not two roles. */
const otto: Caller = { role: 'officer', sub: 'officer-otto' };

type Queue = { items: { id: string; reference?: string | null }[] };

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Four-eyes everything', waiverApprovalAbove: '100.00', reversalApprovalAbove: '1000.00' });
});
afterAll(() => t.close());

const queued = async (queue: string, loanId: string, position: string) =>
  ((await t.call(otto, 'GET', `/v1/queues/${queue}?minPosition=${position}`)).json() as Queue).items.filter((item) => item.id === loanId);
const payoffTotal = async (loanId: string, date: string) =>
  ((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=${date}`)).json() as { total: string }).total;
const requestWaiver = async (loanId: string, reference: string) =>
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'interest', amount: '500.00', reason: 'hardship', effectiveDate: '2026-02-15', reference }));
const requestWriteOff = async (loanId: string) =>
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-04-01' }));

describe('pending requests when the loan ends (QA 12 Q9)', () => {
  it('a waiver request leaves waiver-approvals when a payoff closes the loan, and comes back when the payoff is reversed', async () => {
    await verifiedCustomer(t, 'cust-end1');
    const loanId = await activeLoan(t, 'cust-end1', productId, '2026-01-15');
    const requested = await requestWaiver(loanId, 'END-W1');
    expect(await queued('waiver-approvals', loanId, requested.position)).toEqual([expect.objectContaining({ reference: 'END-W1' })]);
    const paid = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`,
      { amount: await payoffTotal(loanId, '2026-03-01'), channel: 'bank_transfer', reference: 'END-PO1', effectiveDate: '2026-03-01' }));
    expect((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${paid.position}`)).json()).toMatchObject({ status: 'closed' });
    expect(await queued('waiver-approvals', loanId, paid.position)).toEqual([]);
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/END-W1/approve`, {}), 409, 'LOAN_NOT_ACTIVE');
    // The payoff's reversal waits for approval on the closed loan: it can still be approved, so it stays queued.
    const reversal = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/END-PO1/reversal`, { reason: 'bounced', effectiveDate: '2026-03-05' }));
    expect(await queued('reversal-approvals', loanId, reversal.position)).toEqual([expect.objectContaining({ reference: 'END-PO1' })]);
    expect(await queued('waiver-approvals', loanId, reversal.position)).toEqual([]);
    const reopened = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/repayments/END-PO1/reversal/approve`, {}));
    expect(await queued('reversal-approvals', loanId, reopened.position)).toEqual([]);
    expect(await queued('waiver-approvals', loanId, reopened.position)).toEqual([expect.objectContaining({ reference: 'END-W1' })]);
    const approved = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/END-W1/approve`, {}));
    expect(await queued('waiver-approvals', loanId, approved.position)).toEqual([]);
  });

  it('a waiver and a write-off request both leave their queues when an overpayment ends the loan', async () => {
    await verifiedCustomer(t, 'cust-end2');
    const loanId = await activeLoan(t, 'cust-end2', productId, '2026-01-15');
    await requestWaiver(loanId, 'END-W2');
    const writeOff = await requestWriteOff(loanId);
    expect(await queued('write-off-approvals', loanId, writeOff.position)).toHaveLength(1);
    expect(await queued('waiver-approvals', loanId, writeOff.position)).toHaveLength(1);
    const over = (Number(await payoffTotal(loanId, '2026-04-01')) + 100).toFixed(2);
    const paid = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`,
      { amount: over, channel: 'bank_transfer', reference: 'END-OVER2', effectiveDate: '2026-04-01', overpayment: true }));
    expect((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${paid.position}`)).json()).toMatchObject({ status: 'overpaid' });
    expect(await queued('write-off-approvals', loanId, paid.position)).toEqual([]);
    expect(await queued('waiver-approvals', loanId, paid.position)).toEqual([]);
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'approve', effectiveDate: '2026-04-01' }), 409, 'LOAN_NOT_ACTIVE');
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/END-W2/approve`, {}), 409, 'LOAN_NOT_ACTIVE');
  });

  it('a waiver request leaves waiver-approvals when the loan is written off', async () => {
    await verifiedCustomer(t, 'cust-end3');
    const loanId = await activeLoan(t, 'cust-end3', productId, '2026-01-15');
    await requestWaiver(loanId, 'END-W3');
    await requestWriteOff(loanId);
    const writtenOff = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'approve', effectiveDate: '2026-04-01' }));
    expect(await queued('write-off-approvals', loanId, writtenOff.position)).toEqual([]);
    expect(await queued('waiver-approvals', loanId, writtenOff.position)).toEqual([]);
    refused(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/END-W3/approve`, {}), 409, 'LOAN_NOT_ACTIVE');
  });
});
