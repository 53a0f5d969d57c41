import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer } from '../../src/app/customers/register-customer.js';
import { decideKyc, submitKyc } from '../../src/app/customers/know-your-customer.js';
import { applyForLoan } from '../../src/app/loans/apply-for-loan.js';
import { assessLoan } from '../../src/app/loans/assess-loan.js';
import { receiveRepayment } from '../../src/app/loans/collect-payment.js';
import { approveLoan } from '../../src/app/loans/decide-application.js';
import { disburseLoan } from '../../src/app/loans/disburse-loan.js';
import { defineProduct } from '../../src/app/products/manage-product.js';
import type { AppServices, CommandMeta } from '../../src/app/services.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const TERMS: ProductTerms = {
  name: 'Monthly 12', currency: 'CNY', principal: { min: '1000.00', max: '200000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly',
  annualRate: '12', interestMethod: 'declining', amortization: 'equal-installment', interestCalculation: 'period', dayCount: 'ACT/365',
  graceOnPrincipal: 0, graceOnInterest: 0, inMultiplesOf: null, roundingMode: 'HALF_EVEN', fees: [], penalty: null,
  allocationOrder: 'penalty-fee-interest-principal', aprCap: null, writeOffDpd: 90,
};

const meta = (sub: string, role: CommandMeta['actor']['role']): CommandMeta => ({ actor: { sub, role }, correlationId: `test-${sub}` });
const officer = meta('olga', 'officer');
const underwriter = meta('uma', 'underwriter');

let t: TestApp;
let services: AppServices;
beforeAll(async () => {
  t = await openTestApp();
  // The services are the same functions the routes and the demo call; the clock pins "today".
  services = { ...t.runtime, clock: { now: () => new Date('2026-03-01T09:00:00Z') } };
});
afterAll(() => t.close());

async function assessed(loanId: string) {
  const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
  return events.filter((e) => e.type === 'CreditAssessed').at(-1)?.data as { decision: string; inputs: Record<string, unknown> };
}

describe('assessLoan gathers the scorecard inputs', () => {
  it('takes income and employment from KYC, KYC age from the verification, debt from the other loans\' next installments', async () => {
    const product = await defineProduct(services, meta('ada', 'admin'), TERMS, 'prod-a');
    const customer = await registerCustomer(services, officer, { customerId: 'cust-a', name: 'A', nationalId: '1234567890', phone: '13800000000' });
    await submitKyc(services, officer, customer.id, { monthlyIncome: '20000.00', employer: 'Acme', employmentMonths: 12, bankAccount: '12345678' });
    await decideKyc({ ...services, clock: { now: () => new Date('2026-01-01T09:00:00Z') } }, meta('chen', 'compliance'), customer.id, { decision: 'verified' });

    const first = await applyForLoan(services, officer, { loanId: 'loan-a1', customerId: customer.id, productId: product.id, principal: '100000.00', term: 12, purpose: 'car', submittedOn: '2026-01-10' });
    await assessLoan(services, officer, first.id);
    const firstInputs = (await assessed(first.id)).inputs;
    expect(firstInputs).toMatchObject({ existingMonthlyDebt: '0.00', newInstallment: '8884.88', employmentMonths: 12, existingLoans: 0, worstDaysPastDue: 0, kycAgeDays: 59 });
    // The income the scorecard saw is recorded sealed with the customer's key (CreditAssessed v2), so erasure leaves it unreadable.
    expect(firstInputs.monthlyIncome).toMatch(/^v1\./);
    expect(await services.vault.open(customer.id, String(firstInputs.monthlyIncome))).toBe('20000.00');
    await approveLoan(services, underwriter, first.id, { effectiveDate: '2026-01-10' });
    await disburseLoan(services, officer, first.id, { effectiveDate: '2026-01-10', channel: 'online' });
    const paid = await receiveRepayment(services, officer, first.id, { amount: '8884.88', channel: 'online', reference: 'row-1', effectiveDate: '2026-02-10' });
    await t.caughtUp(paid.position);

    const second = await applyForLoan(services, officer, { loanId: 'loan-a2', customerId: customer.id, productId: product.id, principal: '10000.00', term: 12, purpose: 'sofa' });
    await assessLoan(services, officer, second.id);
    const { inputs } = await assessed(second.id);
    expect(inputs).toMatchObject({ existingMonthlyDebt: '8884.88', newInstallment: '888.49', existingLoans: 1 });
    expect(inputs.debtToIncome).toBe('48.87');
  });

  it('refuses to assess a customer without KYC (KYC_NOT_SUBMITTED)', async () => {
    await registerCustomer(services, officer, { customerId: 'cust-n', name: 'N', nationalId: '1234567891', phone: '13800000000' });
    const loan = await applyForLoan(services, officer, { customerId: 'cust-n', productId: 'prod-a', principal: '5000.00', term: 6, purpose: 'x' });
    await expect(assessLoan(services, officer, loan.id)).rejects.toMatchObject({ code: 'KYC_NOT_SUBMITTED' });
  });

  it('scores a KYC compliance has not verified under its own reason, not as verified 0 days ago (QA 12 W4)', async () => {
    await registerCustomer(services, officer, { customerId: 'cust-s', name: 'S', nationalId: '1234567892', phone: '13800000000' });
    await submitKyc(services, officer, 'cust-s', { monthlyIncome: '15000.00', employer: 'Acme', employmentMonths: 24, bankAccount: '12345678' });
    const loan = await applyForLoan(services, officer, { customerId: 'cust-s', productId: 'prod-a', principal: '5000.00', term: 6, purpose: 'x' });
    await assessLoan(services, officer, loan.id);
    const events = await t.runtime.eventStore.readStream(`loan-${loan.id}`);
    const data = events.find((e) => e.type === 'CreditAssessed')?.data as { inputs: Record<string, unknown>; reasons: { code: string; message: string; points: number }[] };
    expect(data.inputs.kycAgeDays).toBeNull();
    expect(data.reasons.find((r) => r.code.startsWith('KYC_'))).toEqual({ code: 'KYC_UNVERIFIED', message: 'KYC not verified yet: income and employment are the borrower\'s own statement', points: -10 });
  });
});
