import { describe, expect, it } from 'vitest';
import { CUSTOMER_ACCOUNT, type CustomerAccountDoc } from '../../../src/projections/models/customer-account/documents.js';
import { customerAccountProjection } from '../../../src/projections/models/customer-account/customer-account.js';
import { EventLog, project } from './fake-context.js';
import { LoanScenario } from './loan-scenario.js';

const PROFILE = { name: 'enc:name', nationalId: 'enc:id', phone: 'enc:phone', email: null };

function register(log: EventLog, id = 'C1') {
  return log.append(`customer-${id}`, 'CustomerRegistered', { customerId: id, profile: PROFILE, registeredBy: 'self' }, '2024-01-02T09:00:00Z');
}

describe('customer-account projection', () => {
  it('keeps the profile sealed and follows KYC, flags and erasure', async () => {
    const log = new EventLog();
    register(log);
    // Income and employer arrive sealed (KycSubmitted v2), as the bank account does.
    log.append('customer-C1', 'KycSubmitted', { monthlyIncome: 'enc:income', employer: 'enc:employer', employmentMonths: 24, bankAccount: 'enc:acct', submittedAt: '2024-01-03' }, '2024-01-03T09:00:00Z');
    log.append('customer-C1', 'KycVerified', { reason: null, decidedBy: 'off-2', verifiedAt: '2024-01-04' }, '2024-01-04T09:00:00Z');
    log.append('customer-C1', 'CustomerFlagged', { flag: 'aml', reason: 'structuring' }, '2024-01-05T09:00:00Z');
    let doc = (await project(customerAccountProjection, log.events)).doc<CustomerAccountDoc>(CUSTOMER_ACCOUNT, 'C1');
    expect(doc).toMatchObject({
      profile: PROFILE, registeredBy: 'self', registeredOn: '2024-01-02', kycStatus: 'verified',
      kyc: { bankAccount: 'enc:acct', monthlyIncome: 'enc:income', employer: 'enc:employer', employmentMonths: 24 }, kycDecision: { decidedBy: 'off-2', on: '2024-01-04' },
      flags: [{ flag: 'aml', reason: 'structuring', on: '2024-01-05' }], erased: false,
    });
    log.append('customer-C1', 'CustomerErased', { reason: 'PIPL request', erasedBy: 'admin-1' }, '2024-02-01T09:00:00Z');
    doc = (await project(customerAccountProjection, log.events)).doc<CustomerAccountDoc>(CUSTOMER_ACCOUNT, 'C1');
    // Sealed values stay (their key is gone); income and employer go, since a v1 event recorded them in clear.
    expect(doc).toMatchObject({ erased: true, erasedOn: '2024-02-01', profile: PROFILE, kyc: { bankAccount: 'enc:acct', monthlyIncome: null, employer: null, employmentMonths: 24 } });
  });

  it('records a rejected KYC decision with its reason', async () => {
    const log = new EventLog();
    register(log);
    log.append('customer-C1', 'KycRejected', { reason: 'document mismatch', decidedBy: 'off-2' }, '2024-01-04T09:00:00Z');
    const doc = (await project(customerAccountProjection, log.events)).doc<CustomerAccountDoc>(CUSTOMER_ACCOUNT, 'C1');
    expect(doc).toMatchObject({ kycStatus: 'rejected', kycDecision: { reason: 'document mismatch' } });
  });

  it('shows a line per loan and per-currency totals that follow repayments', async () => {
    const log = new EventLog();
    register(log);
    const a = new LoanScenario(log, 'A', 'C1');
    const b = new LoanScenario(log, 'B', 'C1');
    a.submit(); a.approve(); a.disburse();
    b.submit('5000.00'); b.approve('5000.00');
    log.append('loan-B', 'LoanRejected', { reason: 'policy', rejectedBy: 'uw-1' }, '2024-01-13T00:00:00Z');
    a.repay({ interest: '30.00', principal: '990.07' }, '2024-02-15', 'alipay', 'R1', [{ number: 1, penalty: '0.00', fee: '0.00', interest: '30.00', principal: '990.07' }]);
    const doc = (await project(customerAccountProjection, log.events)).doc<CustomerAccountDoc>(CUSTOMER_ACCOUNT, 'C1');
    expect(doc.loans).toEqual([
      { loanId: 'A', status: 'active', currency: 'CNY', principal: '3000.00', outstanding: '2040.13', nextDue: { date: '2024-03-15', amount: '1020.07' } },
      { loanId: 'B', status: 'rejected', currency: 'CNY', principal: '5000.00', outstanding: '0.00', nextDue: null },
    ]);
    expect(doc.totals).toEqual([{ currency: 'CNY', loans: 2, open: 1, principal: '8000.00', outstanding: '2040.13' }]);
  });

  it('stops on a customer event for a customer never registered', async () => {
    const log = new EventLog();
    log.append('customer-C9', 'KycVerified', { reason: null, decidedBy: 'x', verifiedAt: '2024-01-01' }, '2024-01-01T00:00:00Z');
    await expect(project(customerAccountProjection, log.events)).rejects.toThrow(/customer C9 was never registered/);
  });

  it('stops on a loan of a customer never registered, and on a loan never applied for', async () => {
    const log = new EventLog();
    new LoanScenario(log, 'A', 'C9').submit();
    await expect(project(customerAccountProjection, log.events)).rejects.toThrow(/customer C9 of loan A was never registered/);
    const other = new EventLog();
    new LoanScenario(other, 'ghost', 'C1').approve();
    await expect(project(customerAccountProjection, other.events)).rejects.toThrow(/loan ghost has no application/);
  });
});
