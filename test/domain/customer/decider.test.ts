import { describe, expect, it } from 'vitest';
import { customerDecider } from '../../../src/domain/customer/decider.js';
import type { CustomerEvent } from '../../../src/domain/customer/events.js';
import { given } from '../decider-spec.js';

const profile = { name: 'enc:name', nationalId: 'enc:id', phone: 'enc:phone', email: null };
const registered: CustomerEvent = { type: 'CustomerRegistered', data: { customerId: 'c1', profile, registeredBy: 'self' } };
// Income and employer reach the decider sealed, as the bank account does (know-your-customer.ts checks the income in clear first).
const kyc = { monthlyIncome: 'enc:income', employer: 'enc:employer', employmentMonths: 24, bankAccount: 'enc:bank', submittedAt: '2026-01-05' };
const submitted: CustomerEvent = { type: 'KycSubmitted', data: kyc };
const verified: CustomerEvent = { type: 'KycVerified', data: { reason: null, decidedBy: 'u1', verifiedAt: '2026-01-06' } };
const erased: CustomerEvent = { type: 'CustomerErased', data: { reason: 'PIPL request', erasedBy: 'admin' } };
const spec = (events: CustomerEvent[] = []) => given(customerDecider, events);

describe('customer decider', () => {
  it('registers a new customer', () => {
    const state = spec().when({ type: 'Register', data: registered.data }).then([registered]);
    expect(state.customerId).toBe('c1');
    expect(state.kycStatus).toBe('none');
  });

  it('refuses to register twice', () => {
    spec([registered]).when({ type: 'Register', data: registered.data }).thenThrows('CUSTOMER_EXISTS', 'conflict');
  });

  it('refuses commands for a missing customer', () => {
    spec().when({ type: 'SubmitKyc', data: kyc }).thenThrows('CUSTOMER_NOT_FOUND', 'not_found');
    spec().when({ type: 'Flag', data: { reason: 'x' } }).thenThrows('CUSTOMER_NOT_FOUND', 'not_found');
    spec().when({ type: 'Erase', data: { reason: 'x', erasedBy: 'a' } }).thenThrows('CUSTOMER_NOT_FOUND', 'not_found');
  });

  it('records KYC and exposes the sealed income and the employment', () => {
    const state = spec([registered]).when({ type: 'SubmitKyc', data: kyc }).then([submitted]);
    expect(state).toMatchObject({ kycStatus: 'submitted', monthlyIncome: 'enc:income', employmentMonths: 24 });
  });

  // A malformed income (INVALID_AMOUNT, NEGATIVE_AMOUNT) is refused where it is still in clear:
  // test/app/know-your-customer.test.ts.
  it('refuses a malformed employment', () => {
    spec([registered]).when({ type: 'SubmitKyc', data: { ...kyc, employmentMonths: 1.5 } }).thenThrows('INVALID_INPUT', 'invalid');
  });

  it('verifies submitted KYC and records when', () => {
    const state = spec([registered, submitted])
      .when({ type: 'DecideKyc', data: { decision: 'verified', reason: null, decidedBy: 'u1', decidedAt: '2026-01-06' } })
      .then([verified]);
    expect(state).toMatchObject({ kycStatus: 'verified', kycVerifiedAt: '2026-01-06' });
  });

  it('rejects submitted KYC with a reason, and lets the customer resubmit', () => {
    const rejected: CustomerEvent = { type: 'KycRejected', data: { reason: 'blurry id', decidedBy: 'u1' } };
    const state = spec([registered, submitted])
      .when({ type: 'DecideKyc', data: { decision: 'rejected', reason: 'blurry id', decidedBy: 'u1', decidedAt: '2026-01-06' } })
      .then([rejected]);
    expect(state.kycStatus).toBe('rejected');
    spec([registered, submitted, rejected]).when({ type: 'SubmitKyc', data: kyc }).then([submitted]);
  });

  it('refuses verification by whoever registered the customer or submitted its KYC (maker-checker)', () => {
    const byOfficer: CustomerEvent = { type: 'CustomerRegistered', data: { customerId: 'c1', profile, registeredBy: 'officer', registrar: 'olga' } };
    const submittedByUlf: CustomerEvent = { type: 'KycSubmitted', data: { ...kyc, submittedBy: 'ulf' } };
    const decide = (decidedBy: string) => ({ type: 'DecideKyc' as const, data: { decision: 'verified' as const, reason: null, decidedBy, decidedAt: '2026-01-06' } });
    spec([byOfficer, submittedByUlf]).when(decide('olga')).thenThrows('KYC_FOUR_EYES', 'rule');
    spec([byOfficer, submittedByUlf]).when(decide('ulf')).thenThrows('KYC_FOUR_EYES', 'rule');
    spec([byOfficer, submittedByUlf]).when(decide('chen')).then([{ type: 'KycVerified', data: { reason: null, decidedBy: 'chen', verifiedAt: '2026-01-06' } }]);
  });

  it('lets a maker reject (refusing is no conflict of interest), and lets anyone verify events recorded before maker-checker', () => {
    const submittedByUlf: CustomerEvent = { type: 'KycSubmitted', data: { ...kyc, submittedBy: 'ulf' } };
    spec([registered, submittedByUlf])
      .when({ type: 'DecideKyc', data: { decision: 'rejected', reason: 'blurry id', decidedBy: 'ulf', decidedAt: '2026-01-06' } })
      .then([{ type: 'KycRejected', data: { reason: 'blurry id', decidedBy: 'ulf' } }]);
    spec([registered, submitted])
      .when({ type: 'DecideKyc', data: { decision: 'verified', reason: null, decidedBy: 'u1', decidedAt: '2026-01-06' } })
      .then([verified]);
  });

  it('needs a reason to reject', () => {
    spec([registered, submitted])
      .when({ type: 'DecideKyc', data: { decision: 'rejected', reason: null, decidedBy: 'u1', decidedAt: '2026-01-06' } })
      .thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('refuses a decision before submission or after one was made', () => {
    const decide = { type: 'DecideKyc' as const, data: { decision: 'verified' as const, reason: null, decidedBy: 'u1', decidedAt: '2026-01-06' } };
    spec([registered]).when(decide).thenThrows('KYC_NOT_SUBMITTED', 'conflict');
    spec([registered, submitted, verified]).when(decide).thenThrows('KYC_ALREADY_DECIDED', 'conflict');
    spec([registered, submitted, verified]).when({ type: 'SubmitKyc', data: kyc }).thenThrows('KYC_ALREADY_DECIDED', 'conflict');
  });

  it('flags an AML hit once in the state', () => {
    const flagged: CustomerEvent = { type: 'CustomerFlagged', data: { flag: 'aml', reason: 'list hit' } };
    const state = spec([registered, flagged]).when({ type: 'Flag', data: { reason: 'list hit' } }).then([flagged]);
    expect(state.flags).toEqual(['aml']);
  });

  it('erases once; erasing again is a no-op', () => {
    const state = spec([registered]).when({ type: 'Erase', data: erased.data }).then([erased]);
    expect(state.erased).toBe(true);
    spec([registered, erased]).when({ type: 'Erase', data: erased.data }).then([]);
  });

  it('refuses changes to an erased customer', () => {
    spec([registered, erased]).when({ type: 'SubmitKyc', data: kyc }).thenThrows('CUSTOMER_ERASED', 'conflict');
    spec([registered, erased]).when({ type: 'Flag', data: { reason: 'x' } }).thenThrows('CUSTOMER_ERASED', 'conflict');
  });
});
