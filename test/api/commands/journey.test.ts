import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payoffQuote } from '../../../src/domain/loan/payoff.js';
import type { LoanState } from '../../../src/domain/loan/state.js';
import { loadLoan } from '../../../src/app/streams.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, PII, PRODUCT } from './journey-steps.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

const customerId = 'cust-journey';
const me = borrower(customerId);

async function loan(loanId: string): Promise<LoanState> {
  return loadLoan(t.runtime.eventStore, loanId);
}

describe('the borrower journey over HTTP', () => {
  let productId: string;
  let loanId: string;

  it('registers, submits KYC and is verified by compliance', async () => {
    productId = await defineProduct(t, { ...PRODUCT, productId: 'consumer-12m' });
    expect(productId).toBe('consumer-12m');
    const registered = accepted(await t.call(me, 'POST', '/v1/customers', { name: PII.name, nationalId: PII.nationalId, phone: PII.phone, email: PII.email }));
    expect(registered).toMatchObject({ id: customerId, revision: '0' });
    expect(BigInt(registered.position)).toBeGreaterThan(0n);
    accepted(await t.call(me, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme Ltd', employmentMonths: 40, bankAccount: PII.bankAccount }));
    const verified = accepted(await t.call(STAFF.compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' }));
    expect(verified.revision).toBe('2');
    const [first] = await t.runtime.eventStore.readStream(`customer-${customerId}`, { maxCount: 1 });
    expect(first?.actor).toEqual({ sub: me.sub, role: 'borrower', customerId });
    expect(first?.data).toMatchObject({ registeredBy: 'self' });
  });

  it('applies, is assessed and approved by an underwriter other than the submitter', async () => {
    const applied = accepted(await t.call(me, 'POST', '/v1/loans', { customerId, productId, principal: '100000.00', term: 12, purpose: 'renovation', submittedOn: '2026-01-15' }));
    loanId = applied.id;
    expect(loanId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/assess`));
    const assessed = (await t.runtime.eventStore.readStream(`loan-${loanId}`)).find((e) => e.type === 'CreditAssessed');
    // The income the scorecard saw is sealed with the customer's key (CreditAssessed v2), so erasure leaves it unreadable.
    const inputs = (assessed?.data as { inputs: { monthlyIncome: string } }).inputs;
    expect(assessed?.data).toMatchObject({ decision: 'approve', inputs: { newInstallment: '8884.88', employmentMonths: 40, existingLoans: 0 } });
    expect(await t.runtime.vault.open(customerId, inputs.monthlyIncome)).toBe('30000.00');
    const approved = accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/approve`, { note: 'fine', effectiveDate: '2026-01-15' }));
    expect(approved.revision).toBe('2');
    expect((await loan(loanId)).status).toBe('approved');
  });

  it('is disbursed and repaid through each channel, then paid off to the cent', async () => {
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { effectiveDate: '2026-01-15', channel: 'bank_transfer' }));
    const channels = ['online', 'bank_transfer', 'alipay', 'wechat'] as const;
    for (const [i, channel] of channels.entries()) {
      const month = String(i + 2).padStart(2, '0');
      accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '8884.88', channel, reference: `${channel}-${month}`, effectiveDate: `2026-${month}-15` }));
    }
    const state = await loan(loanId);
    expect(state.installments.slice(0, 4).every((row) => row.settled)).toBe(true);
    expect(state.principalOutstanding).toBe('67984.22');
    // Payoff on a due date: the remaining principal plus that period's interest (1 % of the balance).
    expect(payoffQuote(state, '2026-06-15')).toMatchObject({ principal: '67984.22', interest: '679.84', total: '68664.06' });
    const last = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '68664.06', channel: 'alipay', reference: 'payoff', effectiveDate: '2026-06-15' }));
    const closed = await loan(loanId);
    expect(closed.status).toBe('closed');
    expect(closed.principalOutstanding).toBe('0.00');
    await t.caughtUp(last.position);
    const summary = await t.runtime.readStore.get<{ id: string; status: string; outstanding: { total: string } }>('loan_summary', loanId);
    expect(summary).toMatchObject({ status: 'closed', outstanding: { total: '0.00' } });
  });

  it('leaves no clear PII in any SQLite file, nor in the log lines', () => {
    const files = readdirSync(t.dataDir).filter((f) => /\.db(-wal)?$/.test(f));
    expect(files).toContain('lendcore.db');
    for (const file of files) {
      const bytes = readFileSync(path.join(t.dataDir, file));
      for (const value of Object.values(PII)) {
        expect(bytes.includes(Buffer.from(value, 'utf8')), `${value} in ${file}`).toBe(false);
      }
    }
    const logs = t.logLines.join('\n');
    for (const value of Object.values(PII)) expect(logs).not.toContain(value);
  });
});
