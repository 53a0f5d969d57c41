import { describe, expect, it } from 'vitest';
import { earliestBeforeDisbursement } from '../../web/src/loans/lifecycle-date.js';

// QA W14: the 放款 picker offered September–November for a loan approved 2026-12-01; the server refuses
// them (422 DISBURSEMENT_BEFORE_APPROVAL). Same kind: approval before the application's submission.
describe('the earliest date offered on a loan not yet disbursed', () => {
  const events = [
    { type: 'LoanApplicationSubmitted', data: { loanId: 'l', submittedOn: '2026-11-28' } },
    { type: 'CreditAssessed', data: { score: 710 } },
    { type: 'LoanApproved', data: { approvedPrincipal: '45000.00', date: '2026-12-01' } },
  ];

  it('is the approval date for a disbursement', () => {
    expect(earliestBeforeDisbursement(events, 'approved')).toBe('2026-12-01');
  });

  it('is the submission date for an approval', () => {
    expect(earliestBeforeDisbursement(events.slice(0, 2), 'assessed')).toBe('2026-11-28');
    expect(earliestBeforeDisbursement(events.slice(0, 1), 'submitted')).toBe('2026-11-28');
  });

  it('is unknown when the events carry no date, and for any other status', () => {
    expect(earliestBeforeDisbursement([{ type: 'LoanApproved', data: { approvedPrincipal: '1.00' } }], 'approved')).toBeUndefined();
    expect(earliestBeforeDisbursement(events, 'active')).toBeUndefined();
  });
});
