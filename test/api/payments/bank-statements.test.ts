import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';
import { repaymentsOf } from './payment-fixtures.js';

let t: TestApp;
let loanA: string;
let loanB: string;
let refA: string;
let refB: string;

const HEADER = 'bank_txn_id,date,amount,currency,memo,balance';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const importCsv = (body: string, caller = STAFF.officer) => t.call(caller, 'POST', '/v1/payments/bank-statements', body, { 'content-type': 'text/csv' });
const references = async (loanId: string) => (await repaymentsOf(t, loanId)).map((e) => e.data as { reference: string; amount: string; channel: string });

interface Imported { statementId: string; imported: boolean; matched: number; suspended: number; duplicates: number; skippedDebits: number; position: string; lines: { bankTxnId: string; outcome: string; reason: string | null; loanId: string | null }[] }

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-bank-a');
  await verifiedCustomer(t, 'cust-bank-b');
  loanA = await activeLoan(t, 'cust-bank-a', productId, '2026-01-15', '10000.00');
  loanB = await activeLoan(t, 'cust-bank-b', productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  refA = (JSON.parse((await t.call(borrower('cust-bank-a'), 'GET', `/v1/loans/${loanA}/repayment-reference`)).body) as { reference: string }).reference;
  refB = (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanB}/repayment-reference`)).body) as { reference: string }).reference;
});
afterAll(() => t.close());

describe('bank transfers and statement reconciliation', () => {
  it('gives each loan a stable check-digit reference, hidden from other borrowers', async () => {
    expect(refA).toMatch(/^LC[0-9A-Z]{11}$/);
    expect(refA).not.toBe(refB);
    const again = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanA}/repayment-reference`)).body) as { reference: string };
    expect(again.reference).toBe(refA);
    refused(await t.call(borrower('cust-bank-b'), 'GET', `/v1/loans/${loanA}/repayment-reference`), 404, 'NOT_FOUND');
    refused(await t.call(STAFF.officer, 'GET', '/v1/loans/no-such-loan/repayment-reference'), 404, 'NOT_FOUND');
  });

  it('records matched lines once, queues the rest, and records nothing when the statement comes again', async () => {
    const mistyped = `${refA.slice(0, 5)}${refA[5] === 'Z' ? 'Y' : 'Z'}${refA.slice(6)}`;
    const statement = csv(
      `BK-1,2026-02-15,500.00,CNY,"Repayment ${refA}, thanks",1000`,
      `BK-2,2026-02-16,300.00,CNY,loan ${refB.toLowerCase()},1300`,
      'BK-3,2026-02-16,100.00,CNY,no reference here,1400',
      `BK-4,2026-02-17,50.00,CNY,${mistyped},1450`,
      `BK-1,2026-02-15,500.00,CNY,"Repayment ${refA}, thanks",1000`,
      'BK-5,2026-02-17,-20.00,CNY,bank fee,1430',
      `BK-6,2026-02-18,70.00,USD,${refA},1500`,
      `BK-7,2026-02-18,40.00,CNY,${refA} ${refB},1540`,
    );
    const first = accepted(await importCsv(statement)) as unknown as Imported;
    expect(first).toMatchObject({ imported: true, matched: 2, suspended: 4, duplicates: 1, skippedDebits: 1 });
    const reasons = Object.fromEntries(first.lines.map((l) => [l.bankTxnId + (l.outcome === 'duplicate' ? '-dup' : ''), l.reason ?? l.loanId]));
    expect(reasons).toEqual({
      'BK-1': loanA, 'BK-2': loanB, 'BK-3': 'NO_REFERENCE', 'BK-4': 'NO_REFERENCE', 'BK-1-dup': 'DUPLICATE_LINE', 'BK-6': 'CURRENCY_MISMATCH', 'BK-7': 'AMBIGUOUS_REFERENCE',
    });
    expect((await references(loanA)).filter((r) => r.reference === 'BK-1')).toEqual([expect.objectContaining({ amount: '500.00', channel: 'bank_transfer' })]);
    expect((await references(loanB)).filter((r) => r.reference === 'BK-2')).toHaveLength(1);

    const again = accepted(await importCsv(statement), 200) as unknown as Imported;
    expect(again).toMatchObject({ statementId: first.statementId, imported: false, matched: 2, suspended: 4 });
    // An overlapping statement: BK-1 again (already recorded) and one new line.
    const overlap = accepted(await importCsv(csv(`BK-1,2026-02-15,500.00,CNY,"Repayment ${refA}, thanks",1000`, `BK-8,2026-03-15,250.00,CNY,${refA},1250`))) as unknown as Imported;
    // BK-1 was recorded by the first statement: nothing new, and the answer says so (QA7 F13: it read `matched`).
    expect(overlap).toMatchObject({ imported: true, matched: 1, suspended: 0, duplicates: 1 });
    expect(overlap.lines).toContainEqual({ bankTxnId: 'BK-1', outcome: 'duplicate', loanId: loanA, reason: 'ALREADY_RECORDED' });
    expect((await references(loanA)).map((r) => r.reference).filter((r) => r.startsWith('BK-')).sort()).toEqual(['BK-1', 'BK-8']);

    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${overlap.position}`)).body) as { items: { id: string; reason: string; amount: string }[] };
    expect(queue.items.map((i) => [i.id, i.reason])).toEqual([['BK-3', 'NO_REFERENCE'], ['BK-4', 'NO_REFERENCE'], ['BK-6', 'CURRENCY_MISMATCH'], ['BK-7', 'AMBIGUOUS_REFERENCE']]);
  });

  it('lets an officer assign a suspended line to a loan, once', async () => {
    const assigned = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-3/assign', { loanId: loanB }));
    expect((await references(loanB)).filter((r) => r.reference === 'BK-3')).toEqual([expect.objectContaining({ amount: '100.00', channel: 'bank_transfer' })]);
    accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-3/assign', { loanId: loanB }), 200);
    expect((await references(loanB)).filter((r) => r.reference === 'BK-3')).toHaveLength(1);
    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${assigned.position}`)).body) as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toEqual(['BK-4', 'BK-6', 'BK-7']);
    const done = JSON.parse((await t.call(STAFF.compliance, 'GET', '/v1/payments/suspense?status=assigned')).body) as { items: { id: string; loanId: string }[] };
    expect(done.items).toEqual([expect.objectContaining({ id: 'BK-3', loanId: loanB })]);

    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-3/assign', { loanId: loanA }), 409, 'SUSPENSE_LINE_ASSIGNED');
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-6/assign', { loanId: loanA }), 422, 'CURRENCY_MISMATCH');
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-404/assign', { loanId: loanA }), 404, 'SUSPENSE_LINE_NOT_FOUND');
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/BK-4/assign', { loanId: 'no-such-loan' }), 404, 'LOAN_NOT_FOUND');
  });

  it('imports an MT940 statement the same way (bank reference as txn id, :86: details as memo)', async () => {
    const mt940 = [
      ':20:STMT-0401', ':25:6222020200112345678', ':28C:00041/1', ':60F:C260401CNY1000,00',
      ':61:2604020402C120,50NTRFREF1//MT-1', `:86:Repayment ${refB}`,
      ':61:2604020402D10,00NCHGNONREF//MT-2', ':86:bank charge',
      ':61:2604030403C80,00NTRFNONREF//MT-3', ':86:unknown payer',
      ':62F:C260403CNY1190,50', '',
    ].join('\n');
    const imported = JSON.parse((await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements?format=mt940', mt940, { 'content-type': 'text/plain' })).body) as Imported;
    expect(imported).toMatchObject({ imported: true, matched: 1, suspended: 1, skippedDebits: 1 });
    expect((await references(loanB)).filter((r) => r.reference === 'MT-1')).toEqual([expect.objectContaining({ amount: '120.50', channel: 'bank_transfer' })]);
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements?format=mt940', 'not an mt940 file', { 'content-type': 'text/plain' }), 400, 'STATEMENT_INVALID');
  });

  it('refuses a malformed statement and callers who are not officers', async () => {
    refused(await importCsv('date,amount,currency,memo\n2026-02-15,1.00,CNY,x'), 400, 'STATEMENT_INVALID');
    refused(await importCsv(csv('BK-9,2026-02-30,1.00,CNY,x,0')), 400, 'STATEMENT_INVALID');
    const ancient = await importCsv(csv('BK-9,1899-12-31,1.00,CNY,x,0'));
    refused(ancient, 400, 'STATEMENT_INVALID');
    expect(JSON.parse(ancient.body).detail).toContain('date "1899-12-31" is outside the years 1900–9999');
    refused(await importCsv(csv('BK-9,2026-02-15,1.0.0,CNY,x,0')), 400, 'STATEMENT_INVALID');
    refused(await importCsv(csv('BK-9,2026-02-15,1.00,CNY,"unterminated,0')), 400, 'STATEMENT_INVALID');
    refused(await importCsv(csv(`BK-9,2026-02-15,1.00,CNY,${refA},0`), borrower('cust-bank-a')), 403, 'FORBIDDEN');
    refused(await t.call(borrower('cust-bank-a'), 'GET', '/v1/payments/suspense'), 403, 'FORBIDDEN');
  });
});
