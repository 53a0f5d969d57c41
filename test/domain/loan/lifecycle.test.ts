import { describe, expect, it } from 'vitest';
import { decideLoan, loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import type { LoanEvent } from '../../../src/domain/loan/events.js';
import { given } from '../decider-spec.js';
import { approveCommand, assessment, eventsUntil, submitCommand, terms } from './fixtures.js';

const spec = (events: LoanEvent[] = []) => given(loanDecider, events);
const approve = (data: Partial<Extract<LoanCommand, { type: 'Approve' }>['data']>): LoanCommand => ({
  type: 'Approve', data: { ...approveCommand.data as Extract<LoanCommand, { type: 'Approve' }>['data'], ...data },
});
const disburse: LoanCommand = { type: 'Disburse', data: { effectiveDate: '2026-01-15', channel: 'bank_transfer' } };

describe('loan application', () => {
  it('submits with the product terms as they stood', () => {
    const state = spec().when(submitCommand()).then([{
      type: 'LoanApplicationSubmitted',
      data: { loanId: 'l1', customerId: 'c1', productId: 'p1', productVersion: 1, terms, principal: '100000.00', term: 12, purpose: 'car', submittedBy: 'officer-1', submittedOn: '2026-01-05' },
    }]);
    expect(state).toMatchObject({ status: 'submitted', currency: 'CNY', principalRequested: '100000.00', submittedOn: '2026-01-05' });
  });

  it('refuses what the product or customer does not allow', () => {
    spec(eventsUntil('submitted')).when(submitCommand()).thenThrows('LOAN_EXISTS', 'conflict');
    spec().when(submitCommand({ customer: { exists: false, kycStatus: 'none', erased: false } })).thenThrows('CUSTOMER_NOT_FOUND', 'not_found');
    spec().when(submitCommand({ customer: { exists: true, kycStatus: 'none', erased: true } })).thenThrows('CUSTOMER_ERASED', 'conflict');
    spec().when(submitCommand({ product: { productId: 'p1', version: 1, terms, retired: true } })).thenThrows('PRODUCT_RETIRED', 'rule');
    spec().when(submitCommand({ principal: '999.99' })).thenThrows('AMOUNT_OUT_OF_RANGE', 'rule');
    spec().when(submitCommand({ principal: '200000.01' })).thenThrows('AMOUNT_OUT_OF_RANGE', 'rule');
    spec().when(submitCommand({ principal: '1000.001' })).thenThrows('AMOUNT_TOO_PRECISE', 'invalid');
    spec().when(submitCommand({ term: 2 })).thenThrows('TERM_OUT_OF_RANGE', 'rule');
    spec().when(submitCommand({ term: 37 })).thenThrows('TERM_OUT_OF_RANGE', 'rule');
  });

  it('records the credit assessment', () => {
    const state = spec(eventsUntil('submitted')).when(assessment).then([{ type: 'CreditAssessed', data: (assessment.data as { assessment: never }).assessment }]);
    expect(state.assessment).toEqual({ score: 720, grade: 'B', decision: 'approve' });
    spec().when(assessment).thenThrows('LOAN_NOT_FOUND', 'not_found');
    spec(eventsUntil('approved')).when(assessment).thenThrows('LOAN_NOT_PENDING', 'conflict');
  });
});

describe('approval', () => {
  it('approves the requested amount, or less', () => {
    spec(eventsUntil('assessed')).when(approveCommand).then([{ type: 'LoanApproved', data: { approvedPrincipal: '100000.00', approver: 'uw-1', note: null, date: '2026-01-10' } }]);
    const state = spec(eventsUntil('assessed')).when(approve({ approvedPrincipal: '80000.00' }))
      .then([{ type: 'LoanApproved', data: { approvedPrincipal: '80000.00', approver: 'uw-1', note: null, date: '2026-01-10' } }]);
    expect(state).toMatchObject({ status: 'approved', principalApproved: '80000.00', approvedOn: '2026-01-10' });
  });

  it('enforces assessment, KYC, role, four eyes and amount', () => {
    spec(eventsUntil('submitted')).when(approveCommand).thenThrows('LOAN_NOT_ASSESSED', 'conflict');
    spec(eventsUntil('assessed')).when(approve({ kycVerified: false })).thenThrows('KYC_NOT_VERIFIED', 'rule');
    spec(eventsUntil('assessed')).when(approve({ approverRole: 'officer' })).thenThrows('ROLE_NOT_ALLOWED', 'rule');
    spec(eventsUntil('assessed')).when(approve({ approver: 'officer-1' })).thenThrows('FOUR_EYES_REQUIRED', 'rule');
    spec(eventsUntil('assessed')).when(approve({ approvedPrincipal: '100000.01' })).thenThrows('AMOUNT_OUT_OF_RANGE', 'rule');
    spec(eventsUntil('assessed')).when(approve({ approvedPrincipal: '500.00' })).thenThrows('AMOUNT_OUT_OF_RANGE', 'rule');
    spec(eventsUntil('approved')).when(approveCommand).thenThrows('LOAN_NOT_PENDING', 'conflict');
  });

  it('is dated on or after the application (Fineract: approval date cannot be before submitted on date)', () => {
    const error = spec(eventsUntil('assessed')).when(approve({ date: '2026-01-04' })).thenThrows('APPROVAL_BEFORE_SUBMISSION', 'rule');
    expect(error.message).toBe('Cannot approve on 2026-01-04, before the application was submitted on 2026-01-05');
    expect(error.details).toEqual({ approvedOn: '2026-01-04', submittedOn: '2026-01-05' });
    spec(eventsUntil('assessed')).when(approve({ date: '2026-01-05' })).then([{ type: 'LoanApproved', data: { approvedPrincipal: '100000.00', approver: 'uw-1', note: null, date: '2026-01-05' } }]);
  });

  it('does not date-check an application recorded before its date was kept', () => {
    const [submitted, ...rest] = eventsUntil('assessed');
    const legacy = { ...submitted, data: { ...submitted?.data, submittedOn: undefined } } as LoanEvent;
    spec([legacy, ...rest]).when(approve({ date: '2020-01-01' })).then([{ type: 'LoanApproved', data: { approvedPrincipal: '100000.00', approver: 'uw-1', note: null, date: '2020-01-01' } }]);
  });

  it('refuses to approve a loan the scorecard declined', () => {
    const declined = [...eventsUntil('submitted'), { type: 'CreditAssessed', data: { score: 300, grade: 'E', decision: 'decline', reasons: [], scorecardVersion: 'v1', inputs: { monthlyIncome: 'enc:income' } } } as LoanEvent];
    spec(declined).when(approveCommand).thenThrows('CREDIT_DECLINED', 'rule');
  });

  it('rejects or withdraws a pending application, not a decided one', () => {
    const reject: LoanCommand = { type: 'Reject', data: { reason: 'income', by: 'uw-1' } };
    const withdraw: LoanCommand = { type: 'Withdraw', data: { reason: 'changed mind' } };
    expect(spec(eventsUntil('assessed')).when(reject).then([{ type: 'LoanRejected', data: { reason: 'income', rejectedBy: 'uw-1' } }]).status).toBe('rejected');
    expect(spec(eventsUntil('approved')).when(withdraw).then([{ type: 'LoanApplicationWithdrawn', data: { reason: 'changed mind' } }]).status).toBe('withdrawn');
    spec(eventsUntil('approved')).when(reject).thenThrows('LOAN_NOT_PENDING', 'conflict');
    spec(eventsUntil('disbursed')).when(withdraw).thenThrows('LOAN_NOT_PENDING', 'conflict');
  });
});

describe('disbursement', () => {
  it('builds the schedule, the APR and activates the loan', () => {
    const [event] = loanDecider.decide(disburse, eventsUntil('approved').reduce(loanDecider.evolve, loanDecider.initialState()));
    expect(event?.type).toBe('LoanDisbursed');
    const data = (event as Extract<LoanEvent, { type: 'LoanDisbursed' }>).data;
    expect(data).toMatchObject({ amount: '100000.00', netAmount: '100000.00', date: '2026-01-15', apr: '12.00' });
    expect(data.schedule).toHaveLength(12);
    expect(data.schedule[0]).toMatchObject({ dueDate: '2026-02-15', principal: '7884.88', interest: '1000.00' });
    expect(data.schedule[11]).toMatchObject({ principal: '8796.88', interest: '87.97', balance: '0.00' });
  });

  it('says the loan was keyed in late when a close on or after its date had already run (keyedInAfter), and not otherwise', () => {
    const approved = eventsUntil('approved').reduce(loanDecider.evolve, loanDecider.initialState());
    const keyedIn = (lastClose: string | null | undefined) => (decideLoan(disburse, approved, { lastClose })[0] as Extract<LoanEvent, { type: 'LoanDisbursed' }>).data.keyedInAfter;
    expect(keyedIn('2026-03-31'), 'closes through 03-31 ran without it').toBe('2026-03-31');
    expect(keyedIn('2026-01-15'), 'the close of its own date ran without it').toBe('2026-01-15');
    expect(keyedIn('2026-01-14'), 'recorded before any close reached its date').toBeUndefined();
    expect(keyedIn(null), 'no close has run').toBeUndefined();
    expect(keyedIn(undefined)).toBeUndefined();
    const state = [...eventsUntil('approved'), ...decideLoan(disburse, approved, { lastClose: '2026-03-31' })].reduce(loanDecider.evolve, loanDecider.initialState());
    expect(state.disbursement?.keyedInAfter).toBe('2026-03-31');
  });

  it('deducts origination fees from the cash paid out', () => {
    const withFee = { ...terms, fees: [{ kind: 'origination' as const, type: 'percent' as const, value: '1' }] };
    const state = eventsUntil('disbursed', withFee).reduce(loanDecider.evolve, loanDecider.initialState());
    expect(state.disbursement).toMatchObject({ amount: '100000.00', netAmount: '99000.00' });
    expect(state.status).toBe('active');
  });

  it('refuses fees that leave nothing to pay out', () => {
    const allFees = { ...terms, fees: [{ kind: 'origination' as const, type: 'fixed' as const, value: '100000.00' }] };
    spec(eventsUntil('approved', allFees)).when(disburse).thenThrows('FEES_EXCEED_PRINCIPAL', 'rule');
  });

  it('refuses an APR above the product cap', () => {
    const capped = { ...terms, aprCap: '11.99' };
    spec(eventsUntil('approved', capped)).when(disburse).thenThrows('APR_CAP_EXCEEDED', 'rule');
  });

  it('keeps the approval date and refuses a disbursement dated before it (422)', () => {
    const approved = eventsUntil('approved');
    expect(approved.at(-1)).toMatchObject({ type: 'LoanApproved', data: { date: '2026-01-10' } });
    const error = spec(approved).when({ type: 'Disburse', data: { effectiveDate: '2026-01-09', channel: 'bank_transfer' } }).thenThrows('DISBURSEMENT_BEFORE_APPROVAL', 'rule');
    expect(error.details).toEqual({ approvedOn: '2026-01-10' });
    expect(approved.reduce(loanDecider.evolve, loanDecider.initialState()).approvedOn).toBe('2026-01-10');
    // Disbursing on the approval day itself is allowed.
    const sameDay: LoanCommand = { type: 'Disburse', data: { effectiveDate: '2026-01-10', channel: 'bank_transfer' } };
    expect(loanDecider.decide(sameDay, approved.reduce(loanDecider.evolve, loanDecider.initialState())).map((e) => e.type)).toEqual(['LoanDisbursed']);
  });

  it('an approval recorded before its date was kept sets no bound', () => {
    const legacy = eventsUntil('approved').map((event) => {
      if (event.type !== 'LoanApproved') return event;
      const { date: _date, ...data } = event.data;
      return { ...event, data };
    });
    const early: LoanCommand = { type: 'Disburse', data: { effectiveDate: '2025-12-01', channel: 'bank_transfer' } };
    expect(loanDecider.decide(early, legacy.reduce(loanDecider.evolve, loanDecider.initialState())).map((e) => e.type)).toEqual(['LoanDisbursed']);
  });

  it('disburses only an approved loan, once', () => {
    spec(eventsUntil('assessed')).when(disburse).thenThrows('LOAN_NOT_APPROVED', 'conflict');
    spec(eventsUntil('disbursed')).when(disburse).thenThrows('ALREADY_DISBURSED', 'conflict');
    spec().when(disburse).thenThrows('LOAN_NOT_FOUND', 'not_found');
  });
});
