import { z } from 'zod';

/**
 * Response shapes of the loan queries, for the serializer and the OpenAPI document. Amounts are
 * decimal strings in the loan's currency; dates YYYY-MM-DD.
 */
const amount = z.string().meta({ description: 'Decimal string in the loan currency', example: '1020.07' });

export const loanStatus = z.enum(['submitted', 'assessed', 'approved', 'rejected', 'withdrawn', 'active', 'overdue', 'overpaid', 'closed', 'written_off']);
export const classification = z.enum(['normal', 'special-mention', 'substandard', 'doubtful', 'loss']);

export const loanSummaryResponse = z.object({
  id: z.string(),
  customerId: z.string(),
  productId: z.string(),
  status: loanStatus,
  flags: z.array(z.enum(['npa', 'charged-off'])),
  currency: z.string().meta({ example: 'CNY' }),
  principal: amount,
  apr: z.string().nullable().meta({ description: 'Annual percentage rate disclosed at disbursement, in percent; null before', example: '12.68' }),
  aprMethod: z.literal('irr-nominal').meta({ description: 'Periodic IRR of every borrower cash flow (fees included) × periods per year' }),
  outstanding: z.object({ principal: amount, interest: amount, fees: amount, penalties: amount, total: amount.meta({ description: 'Everything owed: the four components plus a refund paid out against a repayment since reversed' }) }),
  nextDue: z.object({ date: z.string(), amount }).nullable(),
  amountDue: amount.optional().meta({
    description: 'Amount due now (Fineract\'s "total overdue", with the installment falling due today): everything still owed on the installments due on or before '
      + 'the business date — principal, interest, fees and the penalties owed by then, charged by a close or not — in the loan currency; 0.00 when nothing is due yet or the loan owes nothing. '
      + 'Paying it on the business date leaves the loan with nothing past due. On GET /v1/loans/:id only (not in lists).',
    example: '3298.57',
  }),
  daysPastDue: z.number().int().meta({ description: 'Days since the oldest amount still owed fell due, counted to the last closed business date (before the first close, to asOf): the date the class and the write-off threshold count to' }),
  classification,
  asOf: z.string().meta({ description: 'Business date of the loan\'s latest fact or close (the read model\'s date; the amounts owed are those of the log on it). Days past due and the classification count to the last closed business date, which can be earlier (qa15)' }),
}).meta({ id: 'LoanSummary', description: 'DESIGN.md loan summary' });

const outstanding = z.object({ principal: amount, interest: amount, fees: amount, penalties: amount, total: amount });

export const scheduleResponse = z.object({
  currency: z.string(),
  rows: z.array(z.object({
    number: z.number().int(), dueDate: z.string(), principal: amount, interest: amount, fee: amount, penalty: amount, total: amount,
    balance: amount.meta({ description: 'Principal balance after this row' }), paid: amount,
    status: z.enum(['paid', 'partially-paid', 'due', 'overdue', 'future', 'written-off']),
  })),
}).meta({ id: 'LoanSchedule' });

export const payoffResponse = z.object({
  id: z.string(), currency: z.string(), date: z.string(), principal: amount, interest: amount, fees: amount, penalties: amount,
  refundDue: amount.meta({ description: 'A refund paid out against a repayment since reversed, owed back; included in total' }),
  total: amount,
}).meta({ id: 'PayoffQuote' });

export const loanStateAtResponse = z.object({
  id: z.string(),
  asOf: z.string(),
  revision: z.string().meta({ description: 'Revision of the last event folded in' }),
  customerId: z.string().nullable(),
  summary: z.object({
    status: z.union([loanStatus, z.literal('none')]), flags: z.array(z.enum(['npa', 'charged-off'])), currency: z.string(), principal: amount.nullable(),
    outstanding, nextDue: z.object({ date: z.string(), amount }).nullable(), daysPastDue: z.number().int(), classification,
  }),
  schedule: scheduleResponse,
}).meta({ id: 'LoanStateAt' });

export const loanHistoryResponse = z.object({
  loanId: z.string(),
  customerId: z.string(),
  disclosure: z.enum(['clear', 'masked']),
  borrower: z.object({
    name: z.string().nullable(), nationalId: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), bankAccount: z.string().nullable(),
  }),
  events: z.array(z.object({
    revision: z.string(), position: z.string(), type: z.string(), occurredAt: z.string(), recordedAt: z.string(),
    actor: z.object({ sub: z.string(), role: z.string(), customerId: z.string().optional() }),
    correlationId: z.string(), causationId: z.string().nullable(), hash: z.string(), prevHash: z.string(),
    data: z.unknown().meta({
      description: "The event's payload as stored (PII sealed), but a CreditAssessed's inputs.monthlyIncome: the income the scorecard saw, "
        + 'opened with the customer\'s key (a decimal string), or [erased] once the customer is erased',
    }),
  })),
}).meta({ id: 'LoanHistory' });
