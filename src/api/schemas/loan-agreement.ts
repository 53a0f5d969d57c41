import { z } from 'zod';
import { businessDate, decimalAmount, entityId, wholeNumber } from './common.js';

/** POST /v1/loans/agreement: the application's terms the agreement is rendered for. */
export const agreementBody = z
  .object({
    customerId: entityId.optional().meta({ description: 'The applicant; a borrower may omit it (its session\'s customer), staff must give it' }),
    productId: entityId,
    principal: decimalAmount.meta({ example: '12000.00' }),
    term: wholeNumber(1, 600).meta({ example: 12 }),
    firstRepaymentDate: businessDate.optional(),
  })
  .strict();

/** What an application sends back once the borrower accepted: the hash it was shown and when it was accepted. */
export const acceptedAgreementBody = z
  .object({
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash in lowercase hex (64 digits)').meta({ description: 'POST /v1/loans/agreement\'s hash' }),
    acceptedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the borrower ticked acceptance; at most 5 minutes ahead of the server clock and at most 24 hours old', example: '2026-03-15T09:30:00Z' }),
  })
  .strict();

const amount = z.string().meta({ description: 'Decimal string in the currency\'s minor unit' });

export const agreementResponse = z
  .object({
    document: z.object({
      format: z.string().meta({ example: 'lendcore-loan-agreement/1' }),
      lender: z.string(),
      borrower: z.object({ customerId: z.string() }),
      product: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
      currency: z.string(),
      principal: amount,
      term: z.number().int(),
      frequency: z.string(),
      annualRate: z.string().meta({ description: 'Percent' }),
      interestMethod: z.string(),
      amortization: z.string(),
      apr: z.string().meta({ description: 'Percent, 2 decimals, by aprMethod' }),
      aprMethod: z.string(),
      fees: z.array(z.object({ kind: z.string(), type: z.string(), value: z.string() })),
      originationFees: z.array(z.object({ kind: z.string(), amount })),
      startDate: z.string(),
      firstRepaymentDate: z.string().nullable(),
      schedule: z.array(z.object({ number: z.number().int(), dueDate: z.string(), principal: amount, interest: amount, fee: amount, total: amount, balance: amount })),
      netDisbursed: amount,
      totalInterest: amount,
      totalFees: amount,
      totalCost: amount.meta({ description: 'Interest plus every fee' }),
      totalRepayment: amount,
    }),
    canonical: z.string().meta({ description: 'The exact bytes hashed: the document as canonical JSON (keys sorted, no whitespace, UTF-8)' }),
    hash: z.string().meta({ description: 'SHA-256 of `canonical`, lowercase hex' }),
  })
  .meta({ id: 'LoanAgreement', description: 'The agreement an application made today would sign; nothing was recorded' });
