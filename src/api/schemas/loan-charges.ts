import { z } from 'zod';
import { businessDate, decimalAmount, reason } from './common.js';

/** POST /v1/loans/:id/charges: an officer's charge on an active loan (see src/domain/loan/charge.ts). */
export const chargeBody = z
  .object({
    kind: z.enum(['document-fee', 'late-fee', 'collection-fee']).meta({
      description: 'document-fee adds to the fee component; late-fee and collection-fee to the penalty component (charges a default caused)',
    }),
    amount: decimalAmount.meta({ description: 'Greater than zero, at most the currency\'s minor unit', example: '50.00' }),
    dueDate: businessDate.meta({
      description: 'Picks the installment whose period holds it (past the last row: the last row); never before disbursement. '
        + 'A document fee may be due in a future period (it falls due with that installment); a late or collection fee may not be after today',
    }),
    reason,
  })
  .strict();
