import { z } from 'zod';
import type { ProductTerms } from '../../domain/product/events.js';
import { freeText, TEXT_LIMITS } from './free-text.js';
import { decimalAmount, decimalAmountOrZero, entityId, percentRate, reason, wholeNumber } from './common.js';

const range = <T extends z.ZodType>(bound: T) => z.object({ min: bound, max: bound }).strict();

const fee = z
  .object({
    kind: z.enum(['origination', 'service']),
    type: z.enum(['fixed', 'percent']),
    value: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,8})?$/, 'expected a decimal string'),
  })
  .strict()
  .meta({ example: { kind: 'origination', type: 'percent', value: '1' } });

const penalty = z
  .object({
    type: z.enum(['fixed', 'percent']),
    value: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,8})?$/, 'expected a decimal string'),
    cap: decimalAmountOrZero.nullable().default(null),
    graceDays: wholeNumber(0, 365).default(0),
  })
  .strict()
  .meta({ example: { type: 'percent', value: '5', cap: '200.00', graceDays: 3 } });

/** DESIGN.md "product" body; optional fields get Fineract-like defaults, so the result is complete ProductTerms. */
export const productTermsBody = z
  .object({
    name: freeText(TEXT_LIMITS.label).meta({ example: 'Consumer 12m' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code').meta({ example: 'CNY' }),
    principal: range(decimalAmount).meta({ example: { min: '1000.00', max: '200000.00' } }),
    term: range(wholeNumber(1, 600)).meta({ description: 'Number of repayment periods', example: { min: 3, max: 36 } }),
    frequency: z.enum(['monthly', 'biweekly', 'weekly']),
    annualRate: percentRate,
    interestMethod: z.enum(['declining', 'flat']).default('declining'),
    amortization: z.enum(['equal-installment', 'equal-principal', 'bullet']).default('equal-installment'),
    interestCalculation: z.enum(['period', 'daily']).default('period'),
    dayCount: z.enum(['ACT/365', 'ACT/ACT', '30/360']).default('ACT/365'),
    graceOnPrincipal: wholeNumber(0, 600).default(0),
    graceOnInterest: wholeNumber(0, 600).default(0),
    inMultiplesOf: decimalAmount.nullable().default(null).meta({ description: 'Equal and flat installments are rounded UP to a multiple of this; the last row takes the rest (never larger)', example: '1.00' }),
    roundingMode: z.enum(['HALF_EVEN', 'HALF_UP', 'HALF_DOWN', 'UP', 'DOWN', 'CEIL', 'FLOOR']).default('HALF_EVEN'),
    fees: z.array(fee).max(10).default([]),
    penalty: penalty.nullable().default(null),
    allocationOrder: z.enum(['penalty-fee-interest-principal', 'interest-principal-penalty-fee', 'due-first-then-principal']).default('penalty-fee-interest-principal'),
    aprCap: percentRate.nullable().default(null).meta({ description: 'Highest APR in percent, by irr-nominal: periodic IRR of every borrower cash flow (fees included) × periods per year', example: '24' }),
    nonWorkingDayRule: z.enum(['next-working-day', 'previous-working-day', 'keep']).default('keep')
      .meta({ description: 'A due date on a weekend or holiday (mainland China calendar with its adjusted working weekends, plus the lender\'s /v1/holidays) moves to the next or previous working day, or stays' }),
    prepaymentStrategy: z.enum(['next-installment', 'last-installments', 're-amortise']).default('next-installment')
      .meta({ description: 'Money paid before a due date: next-installment pays the coming installments in full, in date order (a borrower who pays the next bill early has it paid); last-installments pays principal of the last installments first (shortens the term); re-amortise pays earned interest, then principal, and recomputes the remaining rows over the same term (lower installment). A payment that covers the payoff always pays earned interest and all principal.' }),
    reversalApprovalAbove: decimalAmount.nullable().optional()
      .meta({ description: 'A repayment reversal above this amount waits for a second person\'s approval (POST …/reversal/approve); absent or null: never', example: '10000.00' }),
    waiverApprovalAbove: decimalAmount.nullable().optional()
      .meta({ description: 'A waiver of more than this amount (penalty, fee or interest) waits for a second person\'s approval (POST /v1/loans/:id/waivers/:reference/approve); absent or null: never', example: '500.00' }),
    writeOffDpd: wholeNumber(0, 3650).default(90).meta({ description: 'Days past due from which a write-off may be requested (added field)' }),
  })
  .strict();

export const defineProductBody = productTermsBody.extend({ productId: entityId.optional() }).strict();

export const retireProductBody = z.object({ reason: reason.optional() }).strict().nullish();

/** The wire terms as the domain's ProductTerms (defaults already applied by the schema). */
export function toProductTerms(body: z.infer<typeof productTermsBody>): ProductTerms {
  return { ...body, penalty: body.penalty && { ...body.penalty } };
}
