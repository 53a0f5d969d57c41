import { z } from 'zod';
import type { ProductTerms } from '../../domain/product/events.js';
import type { ProductDoc } from '../../projections/models/product-catalog/product-catalog.js';

const decimal = z.string().meta({ description: 'Decimal string' });

export const productTermsResponse = z.object({
  name: z.string(),
  currency: z.string(),
  principal: z.object({ min: decimal, max: decimal }),
  term: z.object({ min: z.number().int(), max: z.number().int() }),
  frequency: z.enum(['monthly', 'biweekly', 'weekly']),
  annualRate: decimal,
  interestMethod: z.enum(['declining', 'flat']),
  amortization: z.enum(['equal-installment', 'equal-principal', 'bullet']),
  interestCalculation: z.enum(['period', 'daily']),
  dayCount: z.enum(['ACT/365', 'ACT/ACT', '30/360']),
  graceOnPrincipal: z.number().int(),
  graceOnInterest: z.number().int(),
  inMultiplesOf: decimal.nullable(),
  roundingMode: z.enum(['HALF_EVEN', 'HALF_UP', 'HALF_DOWN', 'UP', 'DOWN', 'CEIL', 'FLOOR']),
  fees: z.array(z.object({ kind: z.enum(['origination', 'service']), type: z.enum(['fixed', 'percent']), value: decimal })),
  penalty: z.object({ type: z.enum(['fixed', 'percent']), value: decimal, cap: decimal.nullable(), graceDays: z.number().int() }).nullable(),
  allocationOrder: z.enum(['penalty-fee-interest-principal', 'interest-principal-penalty-fee', 'due-first-then-principal']),
  aprCap: decimal.nullable(),
  writeOffDpd: z.number().int(),
  nonWorkingDayRule: z.enum(['next-working-day', 'previous-working-day', 'keep']).optional(),
  prepaymentStrategy: z.enum(['next-installment', 'last-installments', 're-amortise']).optional(),
  reversalApprovalAbove: decimal.nullable().optional(),
  waiverApprovalAbove: decimal.nullable().optional(),
});

export const productResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  terms: productTermsResponse,
  retired: z.boolean(),
  definedOn: z.string(),
  retiredOn: z.string().nullable(),
}).meta({ id: 'Product' });

export const productListResponse = z.object({ items: z.array(productResponse) });
export const recommendedProductsResponse = z.object({ customerId: z.string(), items: z.array(productResponse) });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Compiles only while the catalogue's document and the schema agree both ways. */
export const PRODUCT_SCHEMA_FITS: [
  Same<ProductTerms, z.output<typeof productTermsResponse>>,
  Same<Pick<ProductDoc, 'id' | 'version' | 'retired' | 'definedOn' | 'retiredOn'>, Omit<z.output<typeof productResponse>, 'terms'>>,
] = [true, true];
