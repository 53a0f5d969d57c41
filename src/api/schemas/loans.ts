import { z } from 'zod';
import { freeText, TEXT_LIMITS } from './free-text.js';
import { acceptedAgreementBody } from './loan-agreement.js';
import { businessDate, channel, decimalAmount, entityId, percentRate, reason, reference, referenceParam, refundChannel, wholeNumber } from './common.js';

export const applicationBody = z
  .object({
    loanId: entityId.optional(),
    customerId: entityId.optional().meta({ description: 'The applicant; a borrower may omit it (its session\'s customer), staff must give it' }),
    productId: entityId,
    principal: decimalAmount.meta({ description: 'Principal asked for, inside the product\'s range', example: '50000.00' }),
    term: wholeNumber(1, 600).meta({ description: 'Number of repayment periods', example: 12 }),
    purpose: freeText(TEXT_LIMITS.label).meta({ example: 'home renovation' }),
    graceOnPrincipal: wholeNumber(0, 599).optional().meta({ description: 'Loan-level: interest-only periods at the start (overrides the product); grace in all must leave a paying period' }),
    graceOnInterest: wholeNumber(0, 599).optional().meta({ description: 'Loan-level: periods whose interest is deferred to the first paying period (overrides the product)' }),
    firstRepaymentDate: businessDate.optional().meta({ description: 'Loan-level: first due date (an odd first period), after the disbursement and at most two periods later; checked at disbursement' }),
    submittedOn: businessDate.optional().meta({ description: 'Business date of the application, for a loan keyed in late (defaults to today; never after it, 422 DATE_AFTER_BUSINESS_DATE); no approval may be dated before it (422 APPROVAL_BEFORE_SUBMISSION)' }),
    agreement: acceptedAgreementBody.optional().meta({ description: 'The loan agreement the borrower accepted (POST /v1/loans/agreement): its hash must match a fresh rendering (422 AGREEMENT_MISMATCH); hash and time go into the event' }),
  })
  .strict();

export const emptyBody = z.object({}).strict().nullish();

export const approvalBody = z
  .object({
    approvedPrincipal: decimalAmount.optional().meta({ description: 'At most what was asked; defaults to it' }),
    note: freeText(TEXT_LIMITS.reason).optional(),
    effectiveDate: businessDate.optional().meta({ description: 'Business date of the approval (defaults to today); never before the application\'s submittedOn (422 APPROVAL_BEFORE_SUBMISSION); no disbursement may be dated before it (422 DISBURSEMENT_BEFORE_APPROVAL)' }),
  })
  .strict()
  .nullish();

export const rejectionBody = z.object({ reason }).strict();

export const withdrawalBody = z.object({ reason: reason.optional() }).strict().nullish();

export const disbursementBody = z.object({ effectiveDate: businessDate.optional(), channel }).strict();

export const paymentBody = z
  .object({ amount: decimalAmount, channel, reference, effectiveDate: businessDate.optional() })
  .strict()
  .meta({ description: 'effectiveDate defaults to today\'s business date' });

export const repaymentBody = paymentBody
  .extend({
    prepayment: z.enum(['reduce-installment', 'reduce-term']).optional().meta({
      description: 'What money beyond what is due does, overriding the product\'s prepaymentStrategy for this payment: '
        + 'reduce-installment re-amortises the remaining principal over the remaining rows (same term, lower installment); '
        + 'reduce-term keeps the installment and drops the rows it no longer needs',
    }),
    overpayment: z.boolean().optional().meta({
      description: 'true to record more than pays the loan off on effectiveDate (the rest becomes a credit balance to refund); '
        + 'without it such an amount is 422 AMOUNT_EXCEEDS_PAYOFF. Never more than the principal beyond the payoff (422 OVERPAYMENT_TOO_LARGE)',
    }),
  })
  .strict()
  .meta({ description: 'effectiveDate defaults to today\'s business date' });

export const waiverBody = z
  .object({
    kind: z.enum(['penalty', 'fee', 'interest']),
    amount: decimalAmount.optional().meta({ description: 'Defaults to all of that kind still owed' }),
    reason,
    effectiveDate: businessDate.optional().meta({ description: 'Business date the waiver takes effect (and is booked); defaults to today' }),
    reference: reference.optional().meta({ description: 'Names the request when the waiver is above the product\'s waiverApprovalAbove and waits for a second person (default WAIVER-<revision>); the same reference again while it waits is a no-op' }),
  })
  .strict();

export const rescheduleBody = z
  .object({
    reason,
    effectiveDate: businessDate.optional(),
    term: wholeNumber(1, 600).optional().meta({ description: 'New number of periods for what falls due after the effective date' }),
    annualRate: percentRate.optional(),
  })
  .strict();

export const writeOffBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('request'), reason, effectiveDate: businessDate.optional() }).strict(),
    z.object({ action: z.literal('approve'), effectiveDate: businessDate.optional() }).strict(),
  ])
  .meta({ description: 'Four eyes: one person requests (with a reason), a different person approves' });

export const refundBody = z
  .object({
    amount: decimalAmount.optional().meta({ description: 'Defaults to the whole credit balance' }),
    channel: refundChannel.meta({ description: 'cash: handed over at a counter; any payment channel is 422 DECREE_CASH_ONLY (refund it through a payout, POST /v1/loans/:id/refunds)' }),
    reference: reference.meta({ description: 'The receipt number the cash was handed over against; unique per loan' }),
    effectiveDate: businessDate.optional(),
  })
  .strict();

export const reversalBody = z
  .object({
    reason,
    effectiveDate: businessDate.optional().meta({ description: 'Business date the reversal is booked on; defaults to today, never before the payment' }),
  })
  .strict();

export const reversalApprovalBody = z.object({}).strict().meta({ description: 'Nothing to add: the reversal happens as requested (its reason and effective date)' });
export const reversalRejectionBody = z.object({ reason }).strict().meta({ description: 'Why the checker turns the reversal down; nothing is reversed' });

export const waiverApprovalBody = z.object({}).strict().meta({ description: 'Nothing to add: the waiver applies as requested (its kind, amount, reason and effective date)' });
export const waiverRejectionBody = z.object({ reason }).strict();
export const waiverParams = z.object({ id: entityId, reference: referenceParam }).strict();

export const reversalParams = z.object({ id: entityId, reference: referenceParam }).strict();
