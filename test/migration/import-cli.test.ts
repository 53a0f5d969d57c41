import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { runCloseOfBusiness } from '../../src/eod/close-of-business.js';
import { migratedCustomerId, migratedLoanId } from '../../src/migration/stream-ids.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo } from '../cli/cli-io.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';

const SAMPLE = path.resolve('samples/legacy-book');
const loanId = (legacyId: string) => migratedLoanId('huaxia-lms', legacyId);

let t: TestApp;
let scratch: string;
beforeAll(async () => {
  t = await openTestApp();
  scratch = mkdtempSync(path.join(tmpdir(), 'import-test-'));
});
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

const run = async (dataDir: string, ...argv: string[]) => {
  const io = captureIo({ LENDCORE_DATA_DIR: dataDir });
  return { code: await main(argv, io), io };
};

async function headOf(dataDir: string): Promise<bigint> {
  const store = await openEventStore(loadConfig({ LENDCORE_DATA_DIR: dataDir }));
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

interface LoanView { status: string; daysPastDue: number; outstanding: { principal: string; interest: string; fees: string; penalties: string; total: string } }

async function loanView(legacyId: string): Promise<LoanView> {
  const response = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId(legacyId)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<LoanView>();
}

/** A copy of the sample with one file changed by `edit`. */
function tampered(name: string, file: string, edit: (text: string) => string): string {
  const dir = path.join(scratch, name);
  cpSync(SAMPLE, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

describe('lendcore import', () => {
  it('a directory that does not exist is bad usage naming it, not "invalid rows"; nothing is opened (QA)', async () => {
    const dataDir = path.join(scratch, 'data-missing-book');
    const missing = path.join(scratch, 'no-such-book');
    const { code, io } = await run(dataDir, 'import', missing);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain(`${missing} does not exist`);
    expect(io.stderr.join('\n')).not.toContain('invalid rows');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports the sample book: every loan reconciles to the cent, the ledger reconciles, a second run imports nothing', async () => {
    const first = await run(t.dataDir, 'import', SAMPLE);
    expect(first.io.stderr).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.io.stdout[0]).toBe('import from huaxia-lms as of 2026-10-31: products 3 imported, 0 already there; customers 12 imported, 0 already there; loans 20 imported, 0 already there');
    const loanLines = first.io.stdout.filter((line) => /^LN-/.test(line));
    expect(loanLines).toHaveLength(20);
    for (const line of loanLines) expect(line).toMatch(/ ok$/);
    expect(first.io.stdout.at(-1)).toMatch(/^TOTAL\s+659835\.22 → 659835\.22\s+39208\.62 → 39208\.62\s+0\.00 → 0\.00\s+2418\.08 → 2418\.08\s+ok$/);

    const head = await t.runtime.eventStore.headPosition();
    await t.caughtUp(head);
    const reconciliation = await t.call(STAFF.admin, 'GET', '/v1/reports/ledger/reconciliation');
    expect(reconciliation.statusCode, reconciliation.body).toBe(200);
    expect(reconciliation.json<{ loansChecked: number; items: unknown[] }>()).toMatchObject({ loansChecked: 20, items: [] });
    // The opening balances reach the general ledger on the cut-over date, balanced.
    const trial = await t.call(STAFF.admin, 'GET', '/v1/reports/ledger/trial-balance?asOf=2026-10-31');
    expect(trial.statusCode, trial.body).toBe(200);
    const tb = trial.json<{ rows: { account: string; balance: string }[]; totals: { balanced: boolean }[] }>();
    expect(tb.totals).toEqual([expect.objectContaining({ currency: 'CNY', balanced: true })]);
    expect(tb.rows.find((r) => r.account === 'loan_portfolio')?.balance).toBe('659835.22');
    // Owed 2 418.08 of penalties (the control total), booked 1 827.63: LN-2025-0019's 590.45, 192 days past due at the
    // cut-over, is non-performing, so its penalties are off the books (figures.ts penaltiesBooked).
    expect(tb.rows.find((r) => r.account === 'penalty_receivable')?.balance).toBe('1827.63');
    // Migrated loans wait in no application queue.
    const queue = await t.call(STAFF.underwriter, 'GET', '/v1/queues/applications');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json<{ items: unknown[] }>().items).toEqual([]);
    const verify = await run(t.dataDir, 'verify');
    expect(verify.code, verify.io.stderr.join('\n')).toBe(0);

    const second = await run(t.dataDir, 'import', SAMPLE);
    expect(second.code).toBe(0);
    expect(second.io.stdout[0]).toBe('import from huaxia-lms as of 2026-10-31: products 0 imported, 3 already there; customers 0 imported, 12 already there; loans 0 imported, 20 already there');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('a migrated overdue loan shows its days past due, takes penalties after the cut-over and can be repaid', async () => {
    const overdue = await loanView('LN-2025-0002');
    // Installment due 2026-09-10 unpaid at the cut-over 2026-10-31: 575.02 of penalties migrated, and the summary
    // shows with them those owed by today that no close has charged (QA 10 R1): what the payoff counts.
    const payoffPenalties = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId('LN-2025-0002')}/payoff`)).json<{ penalties: string }>().penalties;
    expect(Number(payoffPenalties)).toBeGreaterThanOrEqual(575.02);
    expect(overdue).toMatchObject({ status: 'overdue', daysPastDue: 51, outstanding: { principal: '69065.95', interest: '5686.91', penalties: payoffPenalties } });
    expect(await loanView('LN-2025-0003')).toMatchObject({ status: 'closed', daysPastDue: 0, outstanding: { total: '0.00' } });

    // LN-2026-0008's installment of 2026-10-30 was still within its 3 days' grace at the cut-over: close of business charges it.
    await runCloseOfBusiness({ eventStore: t.runtime.eventStore, readStore: t.runtime.readStore, date: '2026-11-04', businessDate: '2026-11-04', actor: { sub: 'test-eod', role: 'system' } });
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const charged = await loanView('LN-2026-0008');
    expect(charged.outstanding.penalties).not.toBe('0.00');
    expect((await loanView('LN-2025-0002')).outstanding.penalties).toBe(payoffPenalties); // one penalty per installment: none twice

    const paid = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId('LN-2025-0002')}/repayments`, { amount: '10000.00', channel: 'bank_transfer', reference: 'after-cutover-1' });
    expect(paid.statusCode, paid.body).toBe(201);
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    const after = await loanView('LN-2025-0002');
    // The payment first records the penalties owed by its date that no close charged since 11-04 (later rows past
    // their grace: QA 9 Q5), then pays the oldest row's penalty first: what is left owed is those new penalties at most.
    // The summary already showed them (QA 10 R1), so it falls by the payment exactly.
    const log = await t.runtime.eventStore.readStream(`loan-${loanId('LN-2025-0002')}`);
    const owedByToday = log.filter((e) => e.type === 'PenaltyCharged' && (e.data as { reason?: string }).reason === 'RepaymentReceived')
      .reduce((sum, e) => sum + Number((e.data as { amount: string }).amount), 0);
    expect(Number(after.outstanding.penalties)).toBeLessThanOrEqual(owedByToday + 0.001);
    expect(Number(after.outstanding.total)).toBeCloseTo(Number(overdue.outstanding.total) - 10000, 2);
    const reconciliation = await t.call(STAFF.admin, 'GET', '/v1/reports/ledger/reconciliation');
    expect(reconciliation.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('the first month-end after the cut-over books a performing migrated loan\'s interest as income, none suspended (qa18 D3)', async () => {
    // LN-2026-0001 paid rows 1–7 on their due dates in the legacy book; row 8 (due 11-15) is unpaid, so the
    // close of 11-19 charges its penalty. That penalty dated every legacy row as settled on 11-19, so row 1
    // (due 04-15) read as owed more than 90 days from 07-15 to 11-18, and 176.39 of 11-01…11-18 was suspended.
    // By hand: row 8's 312.57 over 10-15 → 11-15 (31 days), 15 days after the cut-over → 151.24; row 9's
    // 251.54 over 11-15 → 12-15 (30 days), 11-16…11-30 (15 days) → 125.77; 277.01 of income in all, booked
    // on row 8's due date and at the month-end.
    await runCloseOfBusiness({ eventStore: t.runtime.eventStore, readStore: t.runtime.readStore, date: '2026-11-30', businessDate: '2026-11-30', actor: { sub: 'test-eod', role: 'system' } });
    const log = await t.runtime.eventStore.readStream(`loan-${loanId('LN-2026-0001')}`);
    const accrued = log.filter((e) => e.type === 'InterestAccrued').map((e) => e.data as { from: string; to: string; amount: string; suspended?: unknown });
    expect(accrued).toEqual([
      { date: '2026-11-15', from: '2026-10-31', to: '2026-11-15', amount: '151.24' },
      { date: '2026-11-30', from: '2026-11-15', to: '2026-11-30', amount: '125.77' },
    ]);
    expect(log.some((e) => e.type === 'PenaltyCharged')).toBe(true);
  });

  const refusals: [string, string, (text: string) => string, RegExp][] = [
    ['control totals off by 0.01', 'control.csv', (s) => s.replace(',659835.22,', ',659835.23,'), /control totals do not match[\s\S]*control\.csv, line 2, column outstanding_principal: control total 659835\.23, but the rows add up to 659835\.22/],
    ['a bad date', 'schedule.csv', (s) => s.replace('LN-2026-0001,3,2026-06-15', 'LN-2026-0001,3,2026-06-31'), /schedule\.csv, line 4, column due_date: expected a calendar date YYYY-MM-DD in the years 1900–9999 \(got "2026-06-31"\)/],
    ['a duplicate legacy id', 'customers.csv', (s) => s.replace('C002,李娜', 'C001,李娜'), /customers\.csv, line 3, column legacy_customer_id: duplicate legacy id C001 \(first on line 2\)/],
    ['an unknown product', 'loans.csv', (s) => s.replace('LN-2026-0020,C004,0190e000-0000-7000-8000-00000000a001', 'LN-2026-0020,C004,no-such-product'), /loans\.csv, line 21, column product_id: unknown product no-such-product/],
  ];
  it.each(refusals)('refuses a book with %s, exit code 2, and writes nothing', async (name, file, edit, message) => {
    const dir = tampered(name.replace(/\W+/g, '-'), file, edit);
    const dataDir = mkdtempSync(path.join(scratch, 'data-'));
    const refused = await run(dataDir, 'import', dir);
    expect(refused.code).toBe(2);
    expect(refused.io.stdout).toEqual([]);
    expect(refused.io.stderr.join('\n')).toMatch(message);
    expect(refused.io.stderr.join('\n')).toMatch(/nothing was imported/);
    expect(await headOf(dataDir)).toBe(0n);
  });

  it('resumes a run that stopped midway: a customer registered without its KYC gets only the missing steps', async () => {
    // Its own book: the sample's national ids are already taken in the shared app by the first import.
    const fresh = await openTestApp();
    try {
      const dir = tampered('resume', 'control.csv', (text) => text.replace('huaxia-lms,', 'resume-lms,'));
      const customerId = migratedCustomerId('resume-lms', 'C001');
      const registered = await fresh.call(STAFF.officer, 'POST', '/v1/customers', { customerId, name: '王伟', nationalId: '110101198503071234', phone: '13800138001' });
      expect(registered.statusCode, registered.body).toBe(201);
      const resumed = await run(fresh.dataDir, 'import', dir);
      expect(resumed.code, resumed.io.stderr.join('\n')).toBe(0);
      expect(resumed.io.stdout[0]).toBe('import from resume-lms as of 2026-10-31: products 3 imported, 0 already there; customers 11 imported, 1 already there; loans 20 imported, 0 already there');
      await fresh.caughtUp(await fresh.runtime.eventStore.headPosition());
      const customer = await fresh.call(STAFF.officer, 'GET', `/v1/customers/${customerId}`);
      expect(customer.json<{ kycStatus: string }>().kycStatus).toBe('verified');
    } finally {
      await fresh.close();
    }
  });
});
