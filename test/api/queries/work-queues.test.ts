import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { findingBook } from './finding-book.js';
import { businessDay, call, command, read, useBusinessClock } from './journey.js';

interface QueuePage { items: { id: string; customerId: string; loanId: string | null; reason: string; reasonCode?: string; reasonParams?: Record<string, string>; waitingSince: string; submittedBy: string | null }[]; nextCursor: string | null }

let t: TestApp;
beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await t.caughtUp(await findingBook(t));
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const ids = (page: QueuePage) => page.items.map((i) => i.id);

describe('work queues', () => {
  it('lists KYC waiting for a decision with the reason', async () => {
    const page = await read<QueuePage>(t, STAFF.compliance, '/v1/queues/kyc-review');
    expect(ids(page)).toEqual(['c4']);
    // The item names no employer: it is personal information sealed with the customer's key, and a queue row would outlive the key.
    expect(page.items[0]).toMatchObject({ customerId: 'c4', loanId: null, reason: 'KYC submitted, awaiting a decision', reasonCode: 'kyc-submitted', reasonParams: {} });
  });

  it('lists applications to assess, to approve and to disburse, each in its own queue', async () => {
    expect(ids(await read<QueuePage>(t, STAFF.underwriter, '/v1/queues/applications'))).toEqual(['l3']);
    const approvals = await read<QueuePage>(t, STAFF.underwriter, '/v1/queues/approvals');
    expect(ids(approvals)).toEqual(['l4']);
    expect(approvals.items[0]).toMatchObject({ customerId: 'c3', submittedBy: 'officer-olga', reason: expect.stringContaining('grade') });
    const disbursements = await read<QueuePage>(t, STAFF.officer, '/v1/queues/disbursements');
    expect(ids(disbursements)).toEqual(['l5']);
    expect(disbursements.items[0]).toMatchObject({ reason: 'approved, awaiting disbursement', reasonCode: 'approved', reasonParams: {}, principal: '1500.00', currency: 'CNY' });
  });

  it("leaves the caller's own submissions out of the approvals queue", async () => {
    const sameUserAsUnderwriter = { role: 'underwriter' as const, sub: 'officer-olga' };
    expect(ids(await read<QueuePage>(t, sameUserAsUnderwriter, '/v1/queues/approvals'))).toEqual([]);
  });

  it('answers oldest first and pages with a cursor', async () => {
    businessDay('2026-02-21');
    await command(t, STAFF.officer, 'POST', '/v1/loans', { loanId: 'l6', customerId: 'c2', productId: 'personal-12', principal: '1000.00', term: 3, purpose: 'bike' });
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const first = await read<QueuePage>(t, STAFF.officer, '/v1/queues/applications?limit=1');
    expect(ids(first)).toEqual(['l3']);
    const second = await read<QueuePage>(t, STAFF.officer, `/v1/queues/applications?limit=1&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual(['l6']);
    expect(second.nextCursor).toBeNull();
    expect((await call(t, STAFF.officer, 'GET', '/v1/queues/applications?cursor=junk')).statusCode).toBe(400);
  });

  it('moves a loan out of a queue when it is decided, and queues a write-off for a second person', async () => {
    businessDay('2026-05-20');
    await command(t, STAFF.officer, 'POST', '/v1/loans/l5/disburse', { effectiveDate: '2026-05-20', channel: 'bank_transfer' });
    // Days past due count to the last close (the loan view's number): close the book up to yesterday.
    await command(t, STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-05-19' });
    await command(t, STAFF.officer, 'POST', '/v1/loans/l2/write-off', { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-05-20' });
    const head = await t.runtime.eventStore.headPosition();
    expect(ids(await read<QueuePage>(t, STAFF.officer, `/v1/queues/disbursements?minPosition=${head}`))).toEqual([]);
    const writeOffs = await read<QueuePage>(t, STAFF.underwriter, '/v1/queues/write-off-approvals');
    expect(ids(writeOffs)).toEqual(['l2']);
    expect(writeOffs.items[0]?.reason).toContain('borrower unreachable');
    // QA 11 S4: a code and parameters the console words in its language.
    expect(writeOffs.items[0]).toMatchObject({ reasonCode: 'write-off-requested', reasonParams: { reason: 'borrower unreachable' } });
    expect(ids(await read<QueuePage>(t, STAFF.officer, '/v1/queues/write-off-approvals'))).toEqual([]);
    await command(t, STAFF.underwriter, 'POST', '/v1/loans/l2/write-off', { action: 'approve', effectiveDate: '2026-05-20' });
    const after = await t.runtime.eventStore.headPosition();
    expect(ids(await read<QueuePage>(t, STAFF.underwriter, `/v1/queues/write-off-approvals?minPosition=${after}`))).toEqual([]);
  });
});
