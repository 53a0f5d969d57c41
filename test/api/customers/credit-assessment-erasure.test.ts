import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, nationalIdOf, PII } from '../commands/journey-steps.js';
import { filesHolding, holding, rowsOf } from './erasure-evidence.js';

// PIPL art. 4, 47: the income the scorecard saw is the borrower's personal information, and a loan's
// events stay after erasure. CreditAssessed held it in clear (inputs.monthlyIncome, the income reason).
const INCOME = '27654.32';

interface Assessed { inputs: Record<string, unknown>; reasons: { code: string; message: string }[]; score: number; decision: string }

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
});
afterAll(() => t.close());

/** A customer with KYC declaring `monthlyIncome` and a loan application of theirs; returns the loan id. */
async function applicant(customerId: string, monthlyIncome: string): Promise<string> {
  accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId, name: PII.name, nationalId: nationalIdOf(customerId), phone: PII.phone }));
  accepted(await t.call(STAFF.officer, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome, employer: 'Acme Ltd', employmentMonths: 40, bankAccount: PII.bankAccount }));
  return accepted(await t.call(STAFF.officer, 'POST', '/v1/loans', { customerId, productId, principal: '50000.00', term: 12, purpose: 'renovation' })).id;
}

/** Rejects the application (erasure refuses a customer with an open loan) and erases the customer. */
async function rejectAndErase(loanId: string, customerId: string): Promise<void> {
  accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/reject`, { reason: 'debt too high' }));
  const { position } = accepted(await t.call(STAFF.compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: 'PIPL art. 47 request' }));
  await t.caughtUp(position);
}

async function assessmentSeenBy(caller: Caller, loanId: string): Promise<Assessed> {
  const res = await t.call(caller, 'GET', `/v1/loans/${loanId}/history`);
  expect(res.statusCode, res.body).toBe(200);
  const { events } = res.json() as { events: { type: string; data: Assessed }[] };
  const assessed = events.findLast((e) => e.type === 'CreditAssessed')?.data;
  expect(assessed).toBeDefined();
  return assessed!;
}

/** What staff (the admin reads everything) can read of the loan over HTTP: summary, history, state, the loan list, the approvals queue, the account centre. */
async function answersAbout(loanId: string, customerId: string): Promise<string[]> {
  const urls = [
    `/v1/loans/${loanId}`, `/v1/loans/${loanId}/history`, `/v1/loans/${loanId}/state?revision=1`, '/v1/loans', '/v1/queues/approvals', `/v1/customers/${customerId}`,
  ];
  return Promise.all(urls.map(async (url) => {
    const res = await t.call(STAFF.admin, 'GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return `${url}: ${res.body}`;
  }));
}

describe('the income a credit assessment saw is sealed with the customer\'s key (CreditAssessed v2)', () => {
  it('shows it to staff on the assessment until erasure; after it neither the log, the read models, the data dir nor any answer holds it', async () => {
    const customerId = 'cust-credit-sealed';
    const loanId = await applicant(customerId, INCOME);
    await t.caughtUp(accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/assess`)).position);

    const [event] = (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'CreditAssessed');
    expect(event?.schemaVersion).toBe(2);
    const recorded = event?.data as Assessed;
    expect(await t.runtime.vault.open(customerId, String(recorded.inputs.monthlyIncome))).toBe(INCOME);
    for (const caller of [STAFF.underwriter, STAFF.compliance]) {
      const before = await assessmentSeenBy(caller, loanId);
      expect(before.inputs.monthlyIncome, caller.role).toBe(INCOME);
      // The income band's reason is kept, without the amount: the decision stays explainable.
      expect(before.reasons.find((r) => r.code.startsWith('INCOME_'))?.message).toBe('Monthly income > 20000');
      expect(JSON.stringify(before.reasons)).not.toContain(INCOME);
    }
    // Sealed before the command was built: not even the live log or read models ever held it in clear.
    expect(filesHolding(t.dataDir, INCOME)).toEqual([]);

    await rejectAndErase(loanId, customerId);

    const log = rowsOf(path.join(t.dataDir, 'lendcore.db'));
    const readModels = rowsOf(path.join(t.dataDir, 'readmodels.db'));
    expect(holding(log, loanId).length).toBeGreaterThan(0);
    expect(holding(readModels, loanId).length).toBeGreaterThan(0);
    expect(holding(log, `loan-${loanId}`).some((row) => row.includes('CreditAssessed'))).toBe(true);
    const answers = await answersAbout(loanId, customerId);
    expect(holding(log, INCOME), 'log rows').toEqual([]);
    expect(holding(readModels, INCOME), 'read-model rows').toEqual([]);
    expect(holding(answers, INCOME), 'answers').toEqual([]);
    expect(holding(t.logLines, INCOME), 'log lines').toEqual([]);
    expect(filesHolding(t.dataDir, INCOME), 'files').toEqual([]);
    // The lender's own record of its decision stays readable.
    const after = await assessmentSeenBy(STAFF.compliance, loanId);
    expect(after.inputs.monthlyIncome).toBe('[erased]');
    expect(after).toMatchObject({ score: recorded.score, decision: recorded.decision, reasons: recorded.reasons });
    expect(after.inputs.debtToIncome).toBe(recorded.inputs.debtToIncome);
  });
});

describe('a credit assessment recorded before the income was sealed (CreditAssessed v1)', () => {
  it('reads the income through the vault until erasure, names it in no reason; erasure empties every answer and read model, and the log keeps the clear text', async () => {
    const customerId = 'cust-credit-v1';
    const legacyIncome = '34567.89';
    const loanId = await applicant(customerId, '15000.00');
    const { position } = await t.runtime.eventStore.append(`loan-${loanId}`, [{
      type: 'CreditAssessed', schemaVersion: 1,
      data: {
        score: 700, grade: 'A', decision: 'approve', scorecardVersion: 'default-2026-11',
        reasons: [{ code: 'INCOME_HIGH', message: `Monthly income ${legacyIncome} > 20000`, points: 50 }, { code: 'DTI_LOW', message: 'DTI 12.8 % ≤ 30 %', points: 40 }],
        inputs: { monthlyIncome: legacyIncome, existingMonthlyDebt: '0.00', newInstallment: '4442.44', debtToIncome: '12.85', employmentMonths: 40, existingLoans: 0, worstDaysPastDue: 0, kycAgeDays: null },
      },
      occurredAt: '2026-01-05T09:00:00.000Z', actor: STAFF.officer, correlationId: 'legacy-assessment',
    }], 0n);
    await t.caughtUp(position);

    const before = await assessmentSeenBy(STAFF.underwriter, loanId);
    expect(before.inputs.monthlyIncome).toBe(legacyIncome);
    expect(before.reasons.map((r) => r.message)).toEqual(['Monthly income > 20000', 'DTI 12.8 % ≤ 30 %']);

    await rejectAndErase(loanId, customerId);

    const answers = await answersAbout(loanId, customerId);
    expect(holding(answers, legacyIncome), 'answers').toEqual([]);
    expect(holding(rowsOf(path.join(t.dataDir, 'readmodels.db')), legacyIncome), 'read-model rows').toEqual([]);
    // An event is never rewritten: the v1 event keeps what it recorded (README, erasure of values recorded in clear).
    expect(holding(rowsOf(path.join(t.dataDir, 'lendcore.db')), legacyIncome)).toHaveLength(1);
    expect((await assessmentSeenBy(STAFF.compliance, loanId)).inputs.monthlyIncome).toBe('[erased]');
  });
});
