import { computeApr, assertAprWithinCap } from '../apr.js';
import { parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { originationFees } from '../product/fees.js';
import { generateSchedule } from '../schedule/generate.js';
import type { DisburseLoan } from './commands.js';
import type { LoanEvent } from './events.js';
import { requireLoan } from './guards.js';
import type { LoanState } from './state.js';

/**
 * Pays out an approved loan once: schedule (due dates moved by the product's non-working-day rule on
 * the calendar the command carries, as the quote does), origination fees, net cash and APR, never above the product's cap.
 * Given the last close (`lastClose`) on or after the disbursement's date, the loan is keyed in late
 * and the event says so (`keyedInAfter`): the closes through it ran without the loan.
 */
export function disburse({ data }: DisburseLoan, state: LoanState, lastClose?: string | null): LoanEvent[] {
  const terms = requireLoan(state);
  if (state.disbursement !== null) throw new DomainError('ALREADY_DISBURSED', 'Loan was already disbursed', 'conflict');
  if (state.status !== 'approved') throw new DomainError('LOAN_NOT_APPROVED', `Loan is ${state.status}, not approved`, 'conflict');
  const date = parseDate(data.effectiveDate);
  if (state.approvedOn !== null && date < state.approvedOn) {
    throw new DomainError('DISBURSEMENT_BEFORE_APPROVAL', `Cannot disburse on ${date}, before the loan was approved on ${state.approvedOn}`, 'rule', { approvedOn: state.approvedOn });
  }
  const principal = Money.of(state.principalApproved ?? '0', terms.currency);
  const schedule = generateSchedule({
    principal: principal.toString(), annualRate: terms.annualRate, term: state.term ?? 0, startDate: date, terms, firstRepaymentDate: state.firstRepaymentDate,
    ...(data.calendar ? { calendar: data.calendar } : {}),
  });
  const fees = originationFees(principal, terms);
  const net = fees.reduce((sum, fee) => sum.minus(Money.of(fee.amount, terms.currency)), principal);
  if (!net.isPositive()) throw new DomainError('FEES_EXCEED_PRINCIPAL', 'Fees leave nothing to disburse', 'rule');
  const apr = computeApr({ netDisbursed: net.toString(), startDate: date, rows: schedule, currency: terms.currency, frequency: terms.frequency, firstRepaymentDate: state.firstRepaymentDate });
  assertAprWithinCap(apr, terms.aprCap);
  return [{
    type: 'LoanDisbursed',
    data: {
      amount: principal.toString(), netAmount: net.toString(), fees, date, channel: data.channel, apr, schedule,
      ...(lastClose !== undefined && lastClose !== null && lastClose >= date ? { keyedInAfter: lastClose } : {}),
    },
  }];
}
