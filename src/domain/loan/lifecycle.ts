import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { ApproveLoan, RecordAssessment, RejectLoan, SubmitApplication, WithdrawLoan } from './commands.js';
import type { LoanEvent } from './events.js';
import { requireLoan } from './guards.js';
import type { LoanState } from './state.js';

function rule(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, 'rule', details);
}

/** Opens an application only for a live customer, a current product, and amount and term in its ranges. */
export function submitApplication({ data }: SubmitApplication, state: LoanState): LoanEvent[] {
  if (state.status !== 'none') throw new DomainError('LOAN_EXISTS', 'Loan already exists', 'conflict');
  if (!data.customer.exists) throw new DomainError('CUSTOMER_NOT_FOUND', 'Customer does not exist', 'not_found');
  if (data.customer.erased) throw new DomainError('CUSTOMER_ERASED', 'Customer has been erased', 'conflict');
  const { terms } = data.product;
  if (data.product.retired) rule('PRODUCT_RETIRED', `Product ${data.product.productId} is retired`);
  const principal = Money.parse(data.principal, terms.currency, { field: 'principal' });
  const { min, max } = terms.principal;
  if (principal.lt(Money.of(min, terms.currency)) || principal.gt(Money.of(max, terms.currency))) {
    rule('AMOUNT_OUT_OF_RANGE', `Principal ${principal} is outside ${min}–${max}`, { min, max });
  }
  if (!Number.isInteger(data.term) || data.term < terms.term.min || data.term > terms.term.max) {
    rule('TERM_OUT_OF_RANGE', `Term ${data.term} is outside ${terms.term.min}–${terms.term.max}`, { ...terms.term });
  }
  const loanTerms = data.loanTerms ?? {};
  const graceOnPrincipal = loanTerms.graceOnPrincipal ?? terms.graceOnPrincipal;
  const graceOnInterest = loanTerms.graceOnInterest ?? terms.graceOnInterest;
  if (!Number.isInteger(graceOnPrincipal) || !Number.isInteger(graceOnInterest) || graceOnPrincipal < 0 || graceOnInterest < 0
    || Math.max(graceOnPrincipal, graceOnInterest) >= data.term) {
    rule('GRACE_OUT_OF_RANGE', `Grace (${graceOnPrincipal} on principal, ${graceOnInterest} on interest) must leave at least one paying period of the term ${data.term}`);
  }
  if (loanTerms.firstRepaymentDate !== undefined) parseDate(loanTerms.firstRepaymentDate);
  const submittedOn = parseDate(data.submittedOn);
  if (data.agreement !== undefined && (!/^[0-9a-f]{64}$/.test(data.agreement.hash) || Number.isNaN(Date.parse(data.agreement.acceptedAt)))) {
    throw new DomainError('AGREEMENT_INVALID', 'An accepted agreement needs a SHA-256 hash (64 hex digits) and an ISO acceptance time', 'invalid');
  }
  return [{
    type: 'LoanApplicationSubmitted',
    data: {
      loanId: data.loanId, customerId: data.customerId, productId: data.product.productId, productVersion: data.product.version,
      // The loan's own copy of its terms, with the loan-level grace it was granted.
      terms: { ...terms, graceOnPrincipal, graceOnInterest },
      principal: principal.toString(), term: data.term, purpose: data.purpose, submittedBy: data.submittedBy, submittedOn,
      ...(loanTerms.firstRepaymentDate !== undefined ? { firstRepaymentDate: loanTerms.firstRepaymentDate } : {}),
      ...(data.agreement !== undefined ? { agreement: { hash: data.agreement.hash, acceptedAt: data.agreement.acceptedAt } } : {}),
    },
  }];
}

function requirePending(state: LoanState, allowed: LoanState['status'][]): void {
  requireLoan(state);
  if (!allowed.includes(state.status)) {
    throw new DomainError('LOAN_NOT_PENDING', `Loan is ${state.status}`, 'conflict', { status: state.status });
  }
}

export function recordAssessment({ data }: RecordAssessment, state: LoanState): LoanEvent[] {
  requirePending(state, ['submitted', 'assessed']);
  return [{ type: 'CreditAssessed', data: data.assessment }];
}

/**
 * Approves only an assessed, not-declined loan for a KYC-verified customer, by a second person who
 * underwrites, dated on or after the application (APPROVAL_BEFORE_SUBMISSION, 422; Fineract: "approval
 * date cannot be before submitted on date").
 */
export function approve({ data }: ApproveLoan, state: LoanState): LoanEvent[] {
  const terms = requireLoan(state);
  if (state.status === 'submitted') throw new DomainError('LOAN_NOT_ASSESSED', 'Loan has not been credit-assessed', 'conflict');
  requirePending(state, ['assessed']);
  if (state.assessment?.decision === 'decline') rule('CREDIT_DECLINED', 'The credit assessment declined this loan');
  if (!data.kycVerified) rule('KYC_NOT_VERIFIED', 'Customer KYC is not verified');
  if (data.approverRole !== 'underwriter') rule('ROLE_NOT_ALLOWED', `Role ${data.approverRole} cannot approve loans`);
  if (data.approver === state.submittedBy) rule('FOUR_EYES_REQUIRED', 'The approver must not be the person who submitted the loan');
  const approvedOn = parseDate(data.date);
  if (state.submittedOn !== null && approvedOn < state.submittedOn) {
    rule('APPROVAL_BEFORE_SUBMISSION', `Cannot approve on ${approvedOn}, before the application was submitted on ${state.submittedOn}`, { approvedOn, submittedOn: state.submittedOn });
  }
  const requested = Money.of(state.principalRequested ?? '0', terms.currency);
  const approved = data.approvedPrincipal ? Money.parse(data.approvedPrincipal, terms.currency, { field: 'approvedPrincipal' }) : requested;
  if (approved.gt(requested) || approved.lt(Money.of(terms.principal.min, terms.currency))) {
    rule('AMOUNT_OUT_OF_RANGE', `Approved ${approved} must be between ${terms.principal.min} and the requested ${requested}`);
  }
  return [{ type: 'LoanApproved', data: { approvedPrincipal: approved.toString(), approver: data.approver, note: data.note, date: approvedOn } }];
}

export function reject({ data }: RejectLoan, state: LoanState): LoanEvent[] {
  requirePending(state, ['submitted', 'assessed']);
  return [{ type: 'LoanRejected', data: { reason: data.reason, rejectedBy: data.by } }];
}

export function withdraw({ data }: WithdrawLoan, state: LoanState): LoanEvent[] {
  requirePending(state, ['submitted', 'assessed', 'approved']);
  return [{ type: 'LoanApplicationWithdrawn', data: { reason: data.reason } }];
}
