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
import { businessDateAt } from '../../src/app/business-date.js';
import { runLoanCommand } from '../../src/app/loans/run-loan-command.js';

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
  return events.filter((e) => e.type === 'CreditAssessed').at(-1)?.data as { decision: string; inputs: Record<string, unknown>; date: string };
}

/** The business date (Asia/Shanghai) of the loan's CreditAssessed business time. */
async function assessedAt(loanId: string) {
  const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
  return businessDateAt(new Date(events.find((e) => e.type === 'CreditAssessed')?.occurredAt ?? ''), 'Asia/Shanghai');
}

describe('assessLoan gathers the scorecard inputs', () => {
  it('takes income and employment from KYC, KYC age from the verification, debt from the other loans\' next installments', async () => {
    const product = await defineProduct(services, meta('ada', 'admin'), TERMS, 'prod-a');
    const customer = await registerCustomer(services, officer, { customerId: 'cust-a', name: 'A', nationalId: '1234567890', phone: '13800000000' });
    await submitKyc(services, officer, customer.id, { monthlyIncome: '20000.00', employer: 'Acme', employmentMonths: 12, bankAccount: '12345678' });
    await decideKyc({ ...services, clock: { now: () => new Date('2026-01-01T09:00:00Z') } }, meta('chen', 'compliance'), customer.id, { decision: 'verified' });

    // Keyed in late on 2026-03-01 for 2026-01-10: assessed as of 01-10, the KYC (verified 01-01) 9 days old then.
    const first = await applyForLoan(services, officer, { loanId: 'loan-a1', customerId: customer.id, productId: product.id, principal: '100000.00', term: 12, purpose: 'car', submittedOn: '2026-01-10' });
    await assessLoan(services, officer, first.id);
    expect((await assessed(first.id)).inputs).toMatchObject({
      monthlyIncome: '20000.00', existingMonthlyDebt: '0.00', newInstallment: '8884.88', employmentMonths: 12, existingLoans: 0, worstDaysPastDue: 0, kycAgeDays: 9,
    });
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

/**
 * The assessment of a loan keyed in late was stamped today, after the approval and the disbursement
 * dated back to the application (the loan read as assessed after it was paid out, and its summary
 * aged to today). It is dated the business date its facts speak for: the application's for a loan
 * keyed in late, today for an application made live; never after today, never before the application.
 */
describe('assessLoan dates the assessment by the facts it speaks for', () => {
  it('dates a loan keyed in late on 2026-03-01 for 2026-01-20 on 01-20 (the event\'s date and business time), before its approval and disbursement that day', async () => {
    const loan = await applyForLoan(services, officer, { loanId: 'loan-k1', customerId: 'cust-a', productId: 'prod-a', principal: '10000.00', term: 12, purpose: 'keyed in', submittedOn: '2026-01-20' });
    await assessLoan(services, officer, loan.id);
    expect(await assessed(loan.id)).toMatchObject({ date: '2026-01-20', inputs: { kycAgeDays: 19 } });
    expect(await assessedAt(loan.id)).toBe('2026-01-20');
    await approveLoan(services, underwriter, loan.id, { effectiveDate: '2026-01-20' });
    await disburseLoan(services, officer, loan.id, { effectiveDate: '2026-01-20', channel: 'online' });
  });

  it('dates an application made live today on today, 2026-03-01', async () => {
    const loan = await applyForLoan(services, officer, { loanId: 'loan-k2', customerId: 'cust-a', productId: 'prod-a', principal: '10000.00', term: 12, purpose: 'live' });
    await assessLoan(services, officer, loan.id);
    expect(await assessed(loan.id)).toMatchObject({ date: '2026-03-01', inputs: { kycAgeDays: 59 } });
    expect(await assessedAt(loan.id)).toBe('2026-03-01');
  });

  it('refuses an assessment dated after the business date (DATE_AFTER_BUSINESS_DATE) or before the application (ASSESSMENT_BEFORE_SUBMISSION), recording nothing', async () => {
    const loan = await applyForLoan(services, officer, { loanId: 'loan-k3', customerId: 'cust-a', productId: 'prod-a', principal: '10000.00', term: 12, purpose: 'x', submittedOn: '2026-02-01' });
    const result = { score: 700, grade: 'B' as const, decision: 'approve' as const, reasons: [], scorecardVersion: 'v1', inputs: {} };
    const record = async (date: string) => runLoanCommand(services, officer, loan.id, { type: 'RecordAssessment', data: { assessment: result, date } }, `${date}T01:00:00Z`);
    await expect(record('2026-03-02'))
      .rejects.toMatchObject({ code: 'DATE_AFTER_BUSINESS_DATE' });
    await expect(record('2026-01-31'))
      .rejects.toMatchObject({ code: 'ASSESSMENT_BEFORE_SUBMISSION' });
    expect((await t.runtime.eventStore.readStream('loan-loan-k3')).map((e) => e.type)).toEqual(['LoanApplicationSubmitted']);
  });
});
