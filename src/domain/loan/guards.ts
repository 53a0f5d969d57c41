import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { ProductTerms } from '../product/events.js';
import type { LoanState } from './state.js';

/** The loan's terms; throws LOAN_NOT_FOUND when no application was ever submitted. */
export function requireLoan(state: LoanState): ProductTerms {
  if (state.status === 'none' || state.terms === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  return state.terms;
}

/** Returns the terms of a disbursed loan still being repaid (active or overdue); LOAN_NOT_ACTIVE otherwise. */
export function requireActive(state: LoanState): ProductTerms {
  const terms = requireLoan(state);
  if (state.status !== 'active' && state.status !== 'overdue') {
    throw new DomainError('LOAN_NOT_ACTIVE', `Loan is ${state.status}, not active`, 'conflict', { status: state.status });
  }
  return terms;
}

/**
 * Where a repayment may land: an active or overdue loan; and, for money a channel reports (not
 * keyed in by staff), also a closed or overpaid one — the money arrived, so it is recorded and its
 * excess reopens the loan as overpaid (Fineract reopens a closed loan on a repayment). A written-off
 * loan takes recoveries instead. LOAN_NOT_ACTIVE (409) otherwise.
 */
export function requireRepayable(state: LoanState, channelReported: boolean): ProductTerms {
  if (channelReported && (state.status === 'closed' || state.status === 'overpaid')) return requireLoan(state);
  return requireActive(state);
}

/** A strictly positive amount in the loan's currency; Money.parse's 400 codes naming `field` otherwise (NEGATIVE_AMOUNT for a negative one). */
export function positiveAmount(text: string, currency: string, field = 'amount'): Money {
  return Money.parse(text, currency, { field });
}

/** A valid business date on or after disbursement; EFFECTIVE_DATE_BEFORE_DISBURSEMENT otherwise. */
export function onOrAfterDisbursement(state: LoanState, date: string): string {
  parseDate(date);
  const disbursed = state.disbursement?.date;
  if (disbursed !== undefined && date < disbursed) {
    throw new DomainError('EFFECTIVE_DATE_BEFORE_DISBURSEMENT', `${date} is before the disbursement on ${disbursed}`, 'rule', { date, disbursed });
  }
  return date;
}
