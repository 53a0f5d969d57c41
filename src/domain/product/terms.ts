import { Dec, decimalOrNull, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { MAX_INTEGER_DIGITS, minorUnits, Money } from '../money.js';
import { degenerateScheduleReason } from '../schedule/degenerate.js';
import { generateSchedule } from '../schedule/generate.js';
import type { FeeTerm, NonWorkingDayRule, PenaltyTerm, ProductTerms } from './events.js';

const MAX_TERM = 600;
const HUNDRED = '100';

function refuse(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, 'rule', details);
}

function isCount(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}

/** A plain decimal in [0, 100], or the given error. */
function percent(text: string, code: string, what: string): Decimal {
  const value = decimalOrNull(text);
  if (!value || value.isNegative() || value.gt(HUNDRED)) refuse(code, `${what} "${text}" must be a decimal between 0 and 100`, { value: text });
  return value;
}

/** An amount in the product currency by the one money rule (400 codes naming `field`); zero only where allowed. */
function amount(text: string, currency: string, field: string, allowZero = false): Money {
  return Money.parse(text, currency, { field, allowZero });
}

function validateFee(fee: FeeTerm, currency: string, index: number): void {
  if (fee.type === 'percent') percent(fee.value, 'INVALID_FEE', `${fee.kind} fee`);
  else amount(fee.value, currency, `fees[${index}].value`, true);
}

function validatePenalty(penalty: PenaltyTerm, currency: string): void {
  if (penalty.type === 'percent') percent(penalty.value, 'INVALID_PENALTY', 'Penalty');
  else amount(penalty.value, currency, 'penalty.value', true);
  if (penalty.cap !== null) amount(penalty.cap, currency, 'penalty.cap', true);
  if (!isCount(penalty.graceDays, 0)) refuse('INVALID_PENALTY', `Penalty grace days ${penalty.graceDays} must be a whole number ≥ 0`);
}

/** Throws a DomainError naming the first rule the terms break; returns only for a product a loan can be built from. */
export function validateProductTerms(terms: ProductTerms): void {
  const { currency } = terms;
  if (terms.name.trim() === '') refuse('INVALID_PRODUCT_NAME', 'A product needs a name');
  const min = amount(terms.principal.min, currency, 'principal.min');
  const max = amount(terms.principal.max, currency, 'principal.max');
  if (min.gt(max)) refuse('INVALID_PRODUCT_RANGE', `Principal min ${min} exceeds max ${max}`, { min: min.toString(), max: max.toString() });
  if (!isCount(terms.term.min, 1) || !isCount(terms.term.max, 1) || terms.term.max > MAX_TERM) {
    refuse('INVALID_TERM', `Term range ${terms.term.min}–${terms.term.max} must be whole periods between 1 and ${MAX_TERM}`);
  }
  if (terms.term.min > terms.term.max) refuse('INVALID_PRODUCT_RANGE', `Term min ${terms.term.min} exceeds max ${terms.term.max}`);
  percent(terms.annualRate, 'RATE_OUT_OF_RANGE', 'Annual rate');
  const grace = Math.max(terms.graceOnPrincipal, terms.graceOnInterest);
  if (!isCount(terms.graceOnPrincipal, 0) || !isCount(terms.graceOnInterest, 0) || grace >= terms.term.min) {
    refuse('INVALID_GRACE', `Grace (${terms.graceOnPrincipal} on principal, ${terms.graceOnInterest} on interest) must leave at least one paying period of the shortest term ${terms.term.min}`);
  }
  if (terms.inMultiplesOf !== null) amount(terms.inMultiplesOf, currency, 'inMultiplesOf');
  terms.fees.forEach((fee, index) => validateFee(fee, currency, index));
  if (terms.penalty) validatePenalty(terms.penalty, currency);
  if (terms.aprCap !== null && !percent(terms.aprCap, 'INVALID_APR_CAP', 'APR cap').gt(0)) refuse('INVALID_APR_CAP', 'APR cap must be positive');
  if (!isCount(terms.writeOffDpd, 0)) refuse('INVALID_WRITE_OFF_DPD', `Write-off DPD ${terms.writeOffDpd} must be a whole number ≥ 0`);
  if (terms.nonWorkingDayRule !== undefined && !NON_WORKING_DAY_RULES.includes(terms.nonWorkingDayRule)) {
    refuse('INVALID_NON_WORKING_DAY_RULE', `Non-working-day rule "${String(terms.nonWorkingDayRule)}" must be one of ${NON_WORKING_DAY_RULES.join(', ')}`);
  }
  if (terms.prepaymentStrategy !== undefined && !['next-installment', 'last-installments', 're-amortise'].includes(terms.prepaymentStrategy)) {
    refuse('INVALID_PREPAYMENT_STRATEGY', `Prepayment strategy "${String(terms.prepaymentStrategy)}" must be next-installment, last-installments or re-amortise`);
  }
  if (terms.reversalApprovalAbove !== undefined && terms.reversalApprovalAbove !== null) amount(terms.reversalApprovalAbove, currency, 'reversalApprovalAbove');
  if (terms.waiverApprovalAbove !== undefined && terms.waiverApprovalAbove !== null) amount(terms.waiverApprovalAbove, currency, 'waiverApprovalAbove');
  refuseDegenerateSchedules(terms);
}

const NON_WORKING_DAY_RULES: readonly NonWorkingDayRule[] = ['next-working-day', 'previous-working-day', 'keep'];

// A fixed date keeps the check deterministic; only the calendar shape of the year matters.
const CORNER_START = '2000-01-31';

/**
 * The schedule of one corner. An amount of it past the 15 integer digits an amount may have (a row
 * or total of a principal near the limit) refuses the range with 422 DEGENERATE_SCHEDULE naming the
 * corner, never a 400 about an amount the client never sent (QA 9 Q7).
 */
function cornerSchedule(terms: ProductTerms, principal: string, term: number): ReturnType<typeof generateSchedule> {
  const tooLarge = (amount: string): never => {
    const reason = `it owes ${amount} in all, past the 15 integer digits an amount may have; lower principal.max`;
    return refuse('DEGENERATE_SCHEDULE', `A ${principal} ${terms.currency} loan over ${term} periods gives a degenerate schedule: ${reason}`, { principal, term, reason });
  };
  let rows: ReturnType<typeof generateSchedule>;
  try {
    rows = generateSchedule({ principal, annualRate: terms.annualRate, term, startDate: CORNER_START, terms });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'INVALID_AMOUNT') throw error;
    return tooLarge(String(error.details?.['amount'] ?? 'an amount'));
  }
  // The loan's total (the quote, the APR's cash flows, the payoff) must be an amount too.
  const owed = rows.reduce((sum, row) => sum.plus(row.total), new Dec(0));
  if (owed.trunc().toFixed().length > MAX_INTEGER_DIGITS) tooLarge(owed.toFixed(minorUnits(terms.currency)));
  return rows;
}

/**
 * The schedules at the corners of the product's ranges (smallest and largest principal, shortest
 * and longest term) must be sound: the smallest installment is the smallest principal over the
 * longest term, where an `inMultiplesOf` rounding bites hardest. 422 DEGENERATE_SCHEDULE says why.
 */
function refuseDegenerateSchedules(terms: ProductTerms): void {
  for (const principal of new Set([terms.principal.min, terms.principal.max])) {
    for (const term of new Set([terms.term.max, terms.term.min])) {
      const rows = cornerSchedule(terms, principal, term);
      const reason = degenerateScheduleReason(rows, terms);
      if (reason !== null) {
        refuse('DEGENERATE_SCHEDULE', `A ${principal} ${terms.currency} loan over ${term} periods gives a degenerate schedule: ${reason}`, { principal, term, reason });
      }
    }
  }
}
