import { daysBetween } from '../../domain/calendar.js';
import type { CustomerState } from '../../domain/customer/state.js';
import { Dec, type Decimal } from '../../domain/decimal.js';
import { DomainError } from '../../domain/errors.js';
import type { LoanState } from '../../domain/loan/state.js';
import type { Frequency } from '../../domain/product/events.js';
import type { CreditInput } from '../../domain/risk/assess.js';
import { generateSchedule } from '../../domain/schedule/generate.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { Page, ReadStore } from '../../readstore/port.js';
import type { PiiVault } from '../../vault/pii-vault.js';

const PERIODS_PER_MONTH: Record<Frequency, Decimal> = { monthly: new Dec(1), biweekly: new Dec(26).div(12), weekly: new Dec(52).div(12) };
const REPAYING = new Set(['active', 'overdue']);
const NOT_A_LOAN = new Set(['rejected', 'withdrawn']);

/** The customer's other loans from the loan-summary read model: a scorecard tolerates a few seconds of lag. */
async function otherLoans(readStore: ReadStore, customerId: string, loanId: string): Promise<LoanSummaryDoc[]> {
  const loans: LoanSummaryDoc[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<LoanSummaryDoc> = await readStore.find<LoanSummaryDoc>(LOAN_SUMMARY, { where: { customerId }, limit: 200, cursor });
    loans.push(...page.items.filter((doc) => doc.id !== loanId && !NOT_A_LOAN.has(doc.status)));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return loans;
}

/** Worst days past due a loan reached: its current arrears or its longest closed spell. */
function worstDaysPastDue(doc: LoanSummaryDoc): number {
  const spells = doc.delinquency.map((spell) => daysBetween(spell.since, spell.until ?? doc.asOf));
  return Math.max(doc.daysPastDue, 0, ...spells);
}

/** The largest regular installment of the loan as applied for, per month. */
function newMonthlyInstallment(loan: LoanState, today: string): Decimal {
  const terms = loan.terms;
  if (terms === null || loan.principalRequested === null || loan.term === null) return new Dec(0);
  const rows = generateSchedule({ principal: loan.principalRequested, annualRate: terms.annualRate, term: loan.term, startDate: today, terms });
  // A bullet's last row repays everything; its regular burden is the interest-only row.
  const regular = terms.amortization === 'bullet' && rows.length > 1 ? rows.slice(0, -1) : rows;
  const largest = regular.reduce((max, row) => Dec.max(max, row.total), new Dec(0));
  return largest.times(PERIODS_PER_MONTH[terms.frequency]);
}

/**
 * What the scorecard sees for `loan`: income (opened with the customer's key) and employment from
 * the customer's KYC, debt and arrears from the customer's other loans, the new installment from the
 * applied-for terms. 422 KYC_NOT_SUBMITTED without KYC; 409 CUSTOMER_ERASED once the key is destroyed.
 */
export async function gatherCreditInput(readStore: ReadStore, vault: PiiVault, customer: CustomerState, loan: LoanState, today: string): Promise<CreditInput> {
  if (customer.customerId === null || customer.monthlyIncome === null || customer.employmentMonths === null) {
    throw new DomainError('KYC_NOT_SUBMITTED', 'Credit assessment needs the customer\'s KYC (income and employment)', 'rule');
  }
  const monthlyIncome = await vault.open(customer.customerId, customer.monthlyIncome);
  if (monthlyIncome === null) throw new DomainError('CUSTOMER_ERASED', 'Customer has been erased', 'conflict');
  const others = await otherLoans(readStore, loan.customerId ?? '', loan.loanId ?? '');
  const existingMonthlyDebt = others
    .filter((doc) => REPAYING.has(doc.status) && doc.nextDue !== null)
    .reduce((sum, doc) => sum.plus(new Dec(doc.nextDue?.amount ?? '0').times(PERIODS_PER_MONTH[doc.frequency])), new Dec(0));
  const verifiedOn = customer.kycStatus === 'verified' ? customer.kycVerifiedAt?.slice(0, 10) ?? null : null;
  return {
    monthlyIncome: new Dec(monthlyIncome),
    existingMonthlyDebt,
    newInstallment: newMonthlyInstallment(loan, today),
    employmentMonths: customer.employmentMonths,
    existingLoans: others.length,
    worstDaysPastDue: others.reduce((worst, doc) => Math.max(worst, worstDaysPastDue(doc)), 0),
    // Null while the KYC is only submitted: it was scored as "verified 0 days ago" (QA 12 W4).
    kycAgeDays: verifiedOn === null ? null : Math.max(0, daysBetween(verifiedOn, today)),
  };
}
