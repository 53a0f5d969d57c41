import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { repaymentsOf } from './payment-fixtures.js';

let t: TestApp;
let loanX: string;
let loanY: string;
let refX: string;
let refY: string;

const HEADER = 'bank_txn_id,date,amount,currency,memo,balance';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const importCsv = (body: string) => t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', body, { 'content-type': 'text/csv' });
interface Imported { matched: number; suspended: number; duplicates: number; position: string; lines: { bankTxnId: string; outcome: string; reason: string | null; loanId: string | null }[] }

/** The loans on which `reference` is a recorded repayment, once per recording. */
async function recordedOn(reference: string): Promise<string[]> {
  const on: string[] = [];
  for (const loanId of [loanX, loanY]) {
    for (const e of await repaymentsOf(t, loanId)) if ((e.data as { reference: string }).reference === reference) on.push(loanId);
  }
  return on;
}

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-bankid-x');
  await verifiedCustomer(t, 'cust-bankid-y');
  loanX = await activeLoan(t, 'cust-bankid-x', productId, '2026-01-15', '10000.00');
  loanY = await activeLoan(t, 'cust-bankid-y', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  const reference = async (loanId: string) => (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string }).reference;
  refX = await reference(loanX);
  refY = await reference(loanY);
});
afterAll(() => t.close());

describe('a bank transaction id is one credit, whatever the statements say (QA7 F13)', () => {
  it('refuses a statement carrying one bank id with two amounts (422), recording nothing', async () => {
    const res = await importCsv(csv(`T-10,2026-02-15,100.00,CNY,${refX},1000`, `T-11,2026-02-15,60.00,CNY,${refX},1060`, `T-10,2026-02-15,900.00,CNY,${refX},1960`));
    refused(res, 422, 'STATEMENT_LINE_CONFLICT');
    expect((JSON.parse(res.body) as { detail: string }).detail).toContain('T-10');
    expect(await recordedOn('T-10')).toEqual([]);
    expect(await recordedOn('T-11')).toEqual([]);
  });

  it('a bank id a second statement names for another loan: recorded on the first loan only, the line suspended for an officer, who cannot put it on the other loan', async () => {
    accepted(await importCsv(csv(`T-15,2026-02-16,75.00,CNY,${refX},1000`)));
    const second = accepted(await importCsv(csv(`T-15,2026-02-16,75.00,CNY,${refY},1000`, `T-16,2026-02-16,20.00,CNY,${refY},1020`))) as unknown as Imported;
    expect(second).toMatchObject({ matched: 1, suspended: 1 });
    expect(second.lines).toContainEqual({ bankTxnId: 'T-15', outcome: 'suspended', loanId: null, reason: 'BANK_TXN_ON_OTHER_LOAN' });
    expect(await recordedOn('T-15')).toEqual([loanX]);
    await t.caughtUp(second.position);
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/T-15/assign', { loanId: loanY }), 409, 'BANK_TXN_ON_OTHER_LOAN');
    // Settled on the loan it is on: the queue entry closes, nothing new is recorded.
    accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/T-15/assign', { loanId: loanX }));
    expect(await recordedOn('T-15')).toEqual([loanX]);
  });

  it('a bank id a second statement carries with another amount for the same loan is suspended, the first amount kept', async () => {
    accepted(await importCsv(csv(`T-20,2026-02-17,40.00,CNY,${refX},1000`)));
    const second = accepted(await importCsv(csv(`T-20,2026-02-17,45.00,CNY,${refX},1000`, `T-21,2026-02-17,1.00,CNY,${refX},1001`))) as unknown as Imported;
    // The loan itself refuses its reference with another amount (asked first).
    expect(second.lines).toContainEqual({ bankTxnId: 'T-20', outcome: 'suspended', loanId: null, reason: 'DUPLICATE_REFERENCE' });
    expect((await repaymentsOf(t, loanX)).filter((e) => (e.data as { reference: string }).reference === 'T-20').map((e) => (e.data as { amount: string }).amount)).toEqual(['40.00']);
  });

  it('a bank transfer keyed by staff with a bank id a statement put on another loan is refused (409), and one keyed first claims its id against later statements (QA 8 N12)', async () => {
    const keyed = (loanId: string, reference: string, amount: string) =>
      t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount, channel: 'bank_transfer', reference, effectiveDate: '2026-02-18' });
    accepted(await importCsv(csv(`T-30,2026-02-18,33.02,CNY,${refX},1000`)));
    refused(await keyed(loanY, 'T-30', '33.02'), 409, 'BANK_TXN_ON_OTHER_LOAN');
    expect(await recordedOn('T-30')).toEqual([loanX]);
    // Keyed on the loan the statement put it on: the same credit, answered as a replay of it.
    expect((await keyed(loanX, 'T-30', '33.02')).statusCode).toBe(200);
    expect(await recordedOn('T-30')).toEqual([loanX]);
    // Keyed first on Y, then a statement names X: the line is suspended, the credit stays on Y once.
    accepted(await keyed(loanY, 'T-31', '44.00'));
    const later = accepted(await importCsv(csv(`T-31,2026-02-18,44.00,CNY,${refX},1044`))) as unknown as Imported;
    expect(later.lines).toContainEqual({ bankTxnId: 'T-31', outcome: 'suspended', loanId: null, reason: 'BANK_TXN_ON_OTHER_LOAN' });
    expect(await recordedOn('T-31')).toEqual([loanY]);
  });
});
