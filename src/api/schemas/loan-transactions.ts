import { z } from 'zod';

const amount = z.string().meta({ description: 'Decimal string in the loan currency', example: '1020.07' });
const movement = {
  revision: z.string().meta({ description: 'Revision of the loan stream that recorded it' }),
  position: z.string().meta({ description: 'Global log position' }),
  date: z.string().meta({ description: 'Business date it took effect', example: '2026-02-15' }),
  recordedAt: z.string(),
  actor: z.object({ sub: z.string(), role: z.string() }),
  currency: z.string().meta({ example: 'CNY' }),
  amount,
};
const allocation = { penalty: amount, fee: amount, interest: amount, principal: amount };
const split = z.object({ ...allocation, excess: amount, installments: z.array(z.object({ number: z.number().int(), ...allocation })) });

/** One money movement of a loan; `type` says which and which fields come with it. */
export const loanTransaction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('disbursement'), ...movement, netAmount: amount, fees: z.array(z.object({ kind: z.string(), amount })), channel: z.string() }),
  z.object({
    type: z.literal('repayment'), ...movement, channel: z.string(), reference: z.string(),
    reversed: z.boolean().meta({ description: 'True once a reversal took this repayment back (its allocation is then as first recorded)' }),
    allocation: split.meta({ description: 'The split as every fact of the loan now stands: a back-dated payment recorded later re-splits it' }),
    recordedAllocation: split.optional().meta({ description: 'The split when the repayment was recorded, present only where it differs' }),
  }),
  z.object({ type: z.literal('reversal'), ...movement, reference: z.string().meta({ description: 'The repayment or recovery reversed' }), reason: z.string() }),
  z.object({
    type: z.literal('waiver'), ...movement, kind: z.enum(['penalty', 'fee', 'interest']), reason: z.string(),
    recordedAmount: amount.optional().meta({ description: 'The amount as recorded, present only where the replay waives a different `amount` (what the figures and the ledger hold): a payment recorded later, dated before it, paid part of what it waived' }),
  }),
  z.object({
    type: z.literal('penalty'), ...movement, installment: z.number().int(),
    voided: z.boolean().meta({ description: 'True when the penalty does not stand: a payment recorded later, dated in time, showed the installment was not late (it is owed and booked nowhere)' }),
    recordedAmount: amount.optional().meta({ description: 'The amount as charged, present only where the replay charges a different `amount`: a percent penalty re-priced on its row after a back-dated payment' }),
  }),
  z.object({
    type: z.literal('charge'), ...movement, kind: z.enum(['document-fee', 'late-fee', 'collection-fee']),
    component: z.enum(['fee', 'penalty']).meta({ description: 'The installment component it added to' }),
    dueDate: z.string(), installment: z.number().int().meta({ description: 'The row the replay adds it to (a reduce-term payment dated before it may have dropped its own row: the last row takes it)' }), reason: z.string(),
    recordedAmount: amount.optional().meta({ description: 'The amount as applied, present only where the replay charges a different `amount`: less (0.00) where a fee on a row not yet due is forgone once no principal is owed (when applied, or by a payoff since), or where a write-off dated before it cut it off' }),
  }),
  z.object({ type: z.literal('refund'), ...movement, channel: z.string(), reference: z.string() }),
  z.object({
    type: z.literal('recovery'), ...movement, channel: z.string(), reference: z.string(),
    reversed: z.boolean().meta({ description: 'True once a reversal took this recovery back (a bounced transfer)' }),
  }),
  z.object({
    type: z.literal('write-off'), ...movement,
    writtenOff: z.object({ principal: amount, interest: amount, fees: amount, penalties: amount, refundDue: amount }).meta({ description: 'The claim written off by component (interest and fees the books never carried included); with `refundDue` they sum to `amount`' }),
    recordedAmount: amount.optional().meta({ description: 'The claim as first recorded, present only where it differs: a repayment reversed since re-derived the write-off' }),
  }),
]).meta({ id: 'LoanTransaction' });
