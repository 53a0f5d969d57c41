import { Decimal } from 'decimal.js';
import { generateSchedule } from '../../domain/schedule/generate.js';
import type { CustomerAccountDoc } from '../../projections/models/customer-account/documents.js';
import type { ProductDoc } from '../../projections/models/product-catalog/product-catalog.js';
import type { PiiVault } from '../../vault/pii-vault.js';

/** Most of the monthly income all installments may take; above it the scorecard's DTI starts to cost points. */
export const MAX_DEBT_TO_INCOME = new Decimal('0.5');
const OPEN = new Set(['active', 'overdue']);

/** The largest installment of the product's smallest loan over its longest term: the least the customer would pay. */
function smallestInstallment(product: ProductDoc, today: string): Decimal {
  const rows = generateSchedule({
    principal: product.terms.principal.min, annualRate: product.terms.annualRate, term: product.terms.term.max, startDate: today, terms: product.terms,
  });
  return rows.reduce((max, row) => Decimal.max(max, row.total), new Decimal(0));
}

/**
 * The customer's declared monthly income (CNY), opened with its key; null without KYC or once erased
 * (the key destroyed, or the value dropped from the account at erasure).
 */
export async function declaredIncome(vault: PiiVault, customer: CustomerAccountDoc): Promise<Decimal | null> {
  const sealed = customer.kyc?.monthlyIncome ?? null;
  const income = sealed === null ? null : await vault.open(customer.id, sealed);
  return income === null ? null : new Decimal(income);
}

/**
 * A customer qualifies for a product when the product is on sale, the customer is KYC-verified,
 * not erased and not AML-flagged, and the product's smallest installment plus the next installments
 * of the customer's open loans in that currency stay within MAX_DEBT_TO_INCOME of the declared
 * income (`income`, from declaredIncome; null never qualifies).
 */
export function qualifiesFor(product: ProductDoc, customer: CustomerAccountDoc, income: Decimal | null, today: string): boolean {
  if (product.retired || customer.erased || customer.kycStatus !== 'verified' || customer.flags.length > 0 || income === null) return false;
  if (income.lte(0)) return false;
  const existing = customer.loans
    .filter((loan) => OPEN.has(loan.status) && loan.currency === product.terms.currency && loan.nextDue)
    .reduce((sum, loan) => sum.plus(loan.nextDue?.amount ?? 0), new Decimal(0));
  return existing.plus(smallestInstallment(product, today)).lte(income.times(MAX_DEBT_TO_INCOME));
}

/** Ranking of recommendations: the cheapest rate first, then the widest principal range (largest max), then id for a stable order. */
export function byRecommendation(a: ProductDoc, b: ProductDoc): number {
  return new Decimal(a.terms.annualRate).comparedTo(b.terms.annualRate)
    || new Decimal(b.terms.principal.max).comparedTo(a.terms.principal.max)
    || a.id.localeCompare(b.id);
}
