import { z } from 'zod';
import { businessDate, decimalAmount, entityId, wholeNumber } from './common.js';
import { productTermsBody } from './products.js';

export const quoteBody = z
  .object({
    productId: entityId.optional().meta({ description: 'The product to quote on (its current version); give this or `terms`' }),
    terms: productTermsBody.optional().meta({ description: 'Draft product terms to preview (the products page, before define or amend); give this or `productId`' }),
    principal: decimalAmount.meta({ description: 'Principal asked for, inside the product\'s range', example: '12000.00' }),
    term: wholeNumber(1, 600).meta({ description: 'Number of repayment periods, inside the product\'s range', example: 12 }),
    expectedDisbursementDate: businessDate.optional().meta({ description: 'When the money would be paid out; defaults to today\'s business date' }),
    firstRepaymentDate: businessDate.optional().meta({ description: 'First due date (odd first period), after the disbursement and at most two periods later; defaults to one period after it' }),
  })
  .strict()
  .refine((b) => (b.productId === undefined) !== (b.terms === undefined), { message: 'give exactly one of productId and terms', path: ['productId'] });

const amount = z.string().meta({ description: 'Decimal string in the currency\'s minor unit', example: '1000.00' });

const quoteRow = z.object({
  number: z.number().int(),
  dueDate: z.string().meta({ example: '2026-04-15' }),
  principal: amount,
  interest: amount,
  fee: amount,
  total: amount,
  balance: amount,
});

export const quoteResponse = z
  .object({
    productId: z.string().meta({ description: '"draft" for a quote on draft terms' }),
    productVersion: z.number().int(),
    currency: z.string().meta({ example: 'CNY' }),
    principal: amount,
    term: z.number().int(),
    startDate: z.string().meta({ description: 'The disbursement date the schedule counts from', example: '2026-03-15' }),
    rows: z.array(quoteRow),
    originationFees: z.array(z.object({ kind: z.string(), amount })),
    netDisbursed: amount.meta({ description: 'Principal less origination fees: what the borrower would receive' }),
    totalInterest: amount,
    totalFees: amount.meta({ description: 'Origination fees plus every installment\'s service fee' }),
    totalRepayment: amount.meta({ description: 'Sum of every installment total (principal, interest, service fees)' }),
    apr: z.string().meta({ description: 'Annual percentage rate in percent, 2 decimals', example: '14.31' }),
    aprMethod: z.literal('irr-nominal').meta({ description: 'Periodic IRR of every borrower cash flow (fees included) × periods per year' }),
  })
  .meta({ description: 'What the loan would cost; nothing was recorded' });
