import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { ApplyCharge } from './commands.js';
import type { LoanEvent, OfficerChargeKind } from './events.js';
import { positiveAmount, requireActive } from './guards.js';
import { chargeIsForgone } from './servicing-replay.js';
import type { Installment, LoanState } from './state.js';

/**
 * The component each officer charge adds to, after Fineract's fee/penalty split: a fee pays for a
 * service (a document), a penalty exists only because the borrower defaulted (paying late, being
 * collected). Penalties book to penalty receivable/income and follow the penalty place in the
 * allocation order; fees to fee receivable/income.
 */
export const CHARGE_COMPONENT: Record<OfficerChargeKind, 'fee' | 'penalty'> = {
  'document-fee': 'fee',
  'late-fee': 'penalty',
  'collection-fee': 'penalty',
};

/** The installment whose period (fromDate, dueDate] holds `dueDate`; past the last row, the last row. */
export function installmentFor(installments: readonly Installment[], dueDate: string): Installment {
  const row = installments.find((inst) => inst.dueDate >= dueDate) ?? installments[installments.length - 1];
  if (!row) throw new DomainError('LOAN_NOT_ACTIVE', 'Loan has no schedule', 'conflict');
  return row;
}

/**
 * An officer applies a document, late or collection fee to an active loan. It is added to the
 * installment whose period holds `dueDate` and recorded on the business date `date`: paid by
 * allocation like the rest of that row from then on (a payment dated earlier never pays it),
 * waivable, and replayed among the loan's facts (so a later reversal re-runs it too).
 *
 * Errors: LOAN_NOT_ACTIVE (409); INVALID_AMOUNT / AMOUNT_TOO_PRECISE / NEGATIVE_AMOUNT (400);
 * CHARGE_DUE_BEFORE_DISBURSEMENT (422); PENALTY_CHARGE_DUE_IN_FUTURE (422): a late or collection
 * fee is for a default that already happened, so its due date is never after the business date;
 * CHARGE_AFTER_PRINCIPAL_REPAID (422): a fee in a period not yet due once no principal is owed;
 * BACKDATED_BEFORE_RESCHEDULE (422): dated, or falling due, before the last reschedule, whose contract already holds those days;
 * CHARGE_TOO_LARGE (422): more than the principal disbursed — a fee is a small part of a loan, and a
 * charge larger than the whole loan is a typing slip (like OVERPAYMENT_TOO_LARGE for repayments).
 */
export function applyCharge({ data }: ApplyCharge, state: LoanState): LoanEvent[] {
  requireActive(state);
  const charged = positiveAmount(data.amount, state.currency);
  const amount = charged.toString();
  const principal = Money.of(state.disbursement?.amount ?? '0', state.currency);
  if (charged.gt(principal)) {
    throw new DomainError('CHARGE_TOO_LARGE', `amount ${amount} is more than ${principal.toString()}, this loan's principal: the most one charge may be`, 'rule', { principal: principal.toString() });
  }
  const date = parseDate(data.date);
  const dueDate = parseDate(data.dueDate);
  const disbursed = state.disbursement?.date;
  if (disbursed !== undefined && dueDate < disbursed) {
    throw new DomainError('CHARGE_DUE_BEFORE_DISBURSEMENT', `A charge cannot fall due on ${dueDate}, before the disbursement on ${disbursed}`, 'rule', { dueDate, disbursed });
  }
  if (state.rescheduledOn !== null && date < state.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `Cannot apply a charge dated ${date}, before the reschedule on ${state.rescheduledOn}`, 'rule', { rescheduledOn: state.rescheduledOn });
  }
  // Nor may it fall due before it: it would land on a row the reschedule kept as it stood, due before the new contract began.
  if (state.rescheduledOn !== null && dueDate < state.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `A charge cannot fall due on ${dueDate}, before the reschedule on ${state.rescheduledOn}`, 'rule', { rescheduledOn: state.rescheduledOn, dueDate });
  }
  const component = CHARGE_COMPONENT[data.kind];
  if (component === 'penalty' && dueDate > date) {
    throw new DomainError('PENALTY_CHARGE_DUE_IN_FUTURE', `A ${data.kind} is for a default that already happened: its due date ${dueDate} is after today (${date})`, 'rule', { dueDate, date });
  }
  const { number } = installmentFor(state.installments, dueDate);
  if (chargeIsForgone(state.installments, { sequence: 0, date, number, component, amount }, state.currency)) {
    throw new DomainError('CHARGE_AFTER_PRINCIPAL_REPAID', `All principal is repaid, so a fee in installment ${number}, not yet due, would be forgone like the schedule's own`, 'rule', { number });
  }
  return [{ type: 'ChargeApplied', data: { kind: data.kind, component, amount, dueDate, number, reason: data.reason, date, appliedBy: data.appliedBy } }];
}
