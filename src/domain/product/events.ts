import type { DomainEvent } from '../decider.js';

/** Decimal strings everywhere money or a rate is carried; `annualRate` "12" means 12 %. */
export type Frequency = 'monthly' | 'biweekly' | 'weekly';
export type InterestMethod = 'declining' | 'flat';
export type Amortization = 'equal-installment' | 'equal-principal' | 'bullet';
export type InterestCalculation = 'period' | 'daily';
export type DayCount = 'ACT/365' | 'ACT/ACT' | '30/360';
export type RoundingMode = 'HALF_EVEN' | 'HALF_UP' | 'HALF_DOWN' | 'UP' | 'DOWN' | 'CEIL' | 'FLOOR';
/** What happens to a due date that falls on a non-working day (see src/domain/working-days/). */
export type NonWorkingDayRule = 'next-working-day' | 'previous-working-day' | 'keep';
export type AllocationOrder =
  | 'penalty-fee-interest-principal'
  | 'interest-principal-penalty-fee'
  | 'due-first-then-principal';

export interface FeeTerm {
  kind: 'origination' | 'service';
  type: 'fixed' | 'percent';
  value: string;
}

export interface PenaltyTerm {
  /** fixed: an amount per overdue installment; percent: % of the overdue amount. */
  type: 'fixed' | 'percent';
  value: string;
  /** Most penalty one installment can carry, or null for no cap. */
  cap: string | null;
  graceDays: number;
}

/** Everything a loan needs to know about its product; a loan keeps the version it was applied under. */
export interface ProductTerms {
  name: string;
  currency: string;
  principal: { min: string; max: string };
  term: { min: number; max: number };
  frequency: Frequency;
  annualRate: string;
  interestMethod: InterestMethod;
  amortization: Amortization;
  interestCalculation: InterestCalculation;
  dayCount: DayCount;
  graceOnPrincipal: number;
  graceOnInterest: number;
  inMultiplesOf: string | null;
  roundingMode: RoundingMode;
  fees: FeeTerm[];
  penalty: PenaltyTerm | null;
  allocationOrder: AllocationOrder;
  /** Highest APR (IRR, fees included) in percent, or null for none. */
  aprCap: string | null;
  /** Days past due from which a write-off may be requested. */
  writeOffDpd: number;
  /** Due dates on a non-working day move to the next or previous working day; absent means 'keep'. */
  nonWorkingDayRule?: NonWorkingDayRule;
  /**
   * What money paid ahead of a due date pays: the next installments in date order, principal of
   * the last installments first, or principal re-amortised over the remaining rows (same term, lower
   * installment). Absent on products defined before it existed: 'last-installments'.
   */
  prepaymentStrategy?: PrepaymentStrategy;
  /**
   * A repayment reversal above this amount (decimal string in the currency) waits for a second
   * person's approval; absent or null: never.
   */
  reversalApprovalAbove?: string | null;
  /**
   * A waiver of more than this amount (decimal string in the currency) waits for a second person's
   * approval; absent or null: never.
   */
  waiverApprovalAbove?: string | null;
}

export type PrepaymentStrategy = 'next-installment' | 'last-installments' | 're-amortise';

export type LoanProductDefined = DomainEvent<'LoanProductDefined', { productId: string; version: number; terms: ProductTerms }>;
export type LoanProductAmended = DomainEvent<'LoanProductAmended', { productId: string; version: number; terms: ProductTerms }>;
export type LoanProductRetired = DomainEvent<'LoanProductRetired', { productId: string; reason: string | null }>;

export type ProductEvent = LoanProductDefined | LoanProductAmended | LoanProductRetired;
