import type { ProductTerms } from '../api/types';

/** The products form's fields: the essential terms; the API fills Fineract-like defaults for the rest. */
export interface ProductFormValues {
  name: string;
  currency: string;
  principalMin: string;
  principalMax: string;
  termMin: number;
  termMax: number;
  frequency: ProductTerms['frequency'];
  annualRate: string;
  amortization: string;
  aprCap?: string | null;
}

export const NEW_PRODUCT: Partial<ProductFormValues> = { currency: 'CNY', frequency: 'monthly', amortization: 'equal-installment', termMin: 3, termMax: 36 };

/** A product's current terms as the form's starting values (amend). */
export function valuesOf(terms: ProductTerms): ProductFormValues {
  return {
    name: terms.name, currency: terms.currency, principalMin: terms.principal.min, principalMax: terms.principal.max, termMin: terms.term.min, termMax: terms.term.max,
    frequency: terms.frequency, annualRate: terms.annualRate, amortization: terms.amortization, aprCap: terms.aprCap,
  };
}

/**
 * The form's values as DESIGN.md's product terms body. On amend, `base` (the current terms, every
 * field the API sent) keeps what the form does not edit — fees, penalty, rounding — as they were.
 */
export function termsOf(v: Partial<ProductFormValues>, base?: ProductTerms): Record<string, unknown> {
  return {
    ...(base ?? {}),
    name: v.name, currency: v.currency, principal: { min: v.principalMin, max: v.principalMax }, term: { min: v.termMin, max: v.termMax },
    frequency: v.frequency, annualRate: v.annualRate, amortization: v.amortization, aprCap: v.aprCap ? v.aprCap : null,
  };
}

/** Whether every required field has a value (the preview asks the server only then). */
export function complete(v: Partial<ProductFormValues> | undefined): v is ProductFormValues {
  return !!v && !!v.name && !!v.currency && !!v.principalMin && !!v.principalMax && v.termMin != null && v.termMax != null && !!v.annualRate;
}
