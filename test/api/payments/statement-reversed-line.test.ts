import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { repaymentsOf } from './payment-fixtures.js';

// QA 10 R5: a bounced (reversed) statement credit seen again in an overlapping statement became an open suspense item nobody could assign.
let t: TestApp;
let loanId: string;
let reference: string;

const HEADER = 'bank_txn_id,date,amount,currency,memo,balance';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const importCsv = (body: string) => t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', body, { 'content-type': 'text/csv' });
interface Imported { matched: number; suspended: number; duplicates: number; position: string; lines: { bankTxnId: string; outcome: string; reason: string | null; loanId: string | null }[] }

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-bounce');
  loanId = await activeLoan(t, 'cust-bounce', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  reference = (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string }).reference;
});
afterAll(() => t.close());

describe('a reversed statement credit seen again', () => {
  it('is a duplicate of the original line (ALREADY_RECORDED), not a suspense item; a new line in the same statement is matched', async () => {
    const first = accepted(await importCsv(csv(`BTX-1,2026-02-10,1000.00,CNY,${reference},1000`))) as unknown as Imported;
    expect(first).toMatchObject({ matched: 1, suspended: 0 });
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BTX-1/reversal`, { reason: 'bounced' }));

    const second = accepted(await importCsv(csv(`BTX-1,2026-02-10,1000.00,CNY,${reference},1000`, `BTX-2,2026-02-12,200.00,CNY,${reference},1200`))) as unknown as Imported;
    expect(second.lines).toContainEqual({ bankTxnId: 'BTX-1', outcome: 'duplicate', loanId, reason: 'ALREADY_RECORDED' });
    expect(second.lines).toContainEqual({ bankTxnId: 'BTX-2', outcome: 'matched', loanId, reason: null });
    expect(second).toMatchObject({ matched: 1, suspended: 0, duplicates: 1 });
    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?status=open&minPosition=${second.position}`)).body) as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).not.toContain('BTX-1');
    // Recorded once, still reversed: nothing new on the loan for BTX-1.
    expect((await repaymentsOf(t, loanId)).map((e) => (e.data as { reference: string }).reference)).toEqual(['BTX-1', 'BTX-2']);
  });
});
