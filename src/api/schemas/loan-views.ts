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
  outstanding: z.object({ principal: amount, interest: amount, fees: amount, penalties: amount, total: amount }),
  nextDue: z.object({ date: z.string(), amount }).nullable(),
  daysPastDue: z.number().int(),
  classification,
  asOf: z.string().meta({ description: 'Business date the figures are as of' }),
}).meta({ id: 'LoanSummary', description: 'DESIGN.md loan summary' });
