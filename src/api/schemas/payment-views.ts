import { z } from 'zod';
import type { LineOutcome } from '../../app/payments/import-bank-statement.js';
import type { PaymentIntentView } from '../../app/payments/payment-intent-view.js';
import type { SuspenseLineDoc } from '../../projections/models/payments/payments.js';
import type { ChannelReconciliation, ReconciliationRow } from '../../reports/payment-reconciliation.js';
import { refundChannel } from './common.js';
import { intentChannel } from './payments.js';

/**
 * JSON answers of the payment queries: an intent, a loan's transfer reference, the suspense queue,
 * a statement import's outcome and the payment reconciliation report. Amounts are decimal strings, positions and revisions
 * decimal strings too. Each schema is checked against the type the handler returns below.
 */
const decimal = z.string().meta({ description: 'Decimal string' });

export const paymentIntentResponse = z.object({
  id: z.string(),
  loanId: z.string(),
  customerId: z.string(),
  status: z.enum(['pending', 'confirmed', 'failed', 'expired']).meta({ description: 'A pending intent past expiresAt reads as expired' }),
  channel: intentChannel,
  amount: decimal,
  currency: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  confirmation: z.object({ providerTxnId: z.string(), amount: decimal, paidAt: z.string(), flags: z.array(z.string()) }).nullable(),
  failure: z.object({ providerTxnId: z.string().nullable(), reason: z.string() }).nullable(),
  position: z.string().meta({ description: 'Global position of the intent\'s latest event' }),
  revision: z.string(),
}).meta({ id: 'PaymentIntent' });

export const repaymentReferenceResponse = z.object({
  loanId: z.string(),
  reference: z.string().meta({ description: 'What the borrower writes in the transfer\'s memo' }),
  memo: z.string().meta({ description: 'The instruction shown to the borrower' }),
}).meta({ id: 'RepaymentReference' });

const suspenseLine = z.object({
  id: z.string(),
  bankTxnId: z.string(),
  date: z.string(),
  amount: decimal,
  currency: z.string(),
  memo: z.string(),
  statementId: z.string().meta({ description: 'The statement the line came from; for a provider payment no loan could take, its intent\'s stream `payment-<intentId>`' }),
  intentId: z.string().optional().meta({ description: 'Present for a provider payment (sandbox, Alipay, WeChat Pay) no loan could take: its payment intent' }),
  reason: z.string().meta({ description: 'Why the line was not matched (a stable code)' }),
  status: z.enum(['open', 'assigned', 'matched']),
  loanId: z.string().nullable(),
  suspendedOn: z.string(),
});

export const suspensePageResponse = z.object({ items: z.array(suspenseLine), nextCursor: z.string().nullable() }).meta({ id: 'SuspensePage' });

const reconciliationRow = z.object({
  date: z.string(),
  direction: z.enum(['in', 'out']).meta({ description: 'in: repayments; out: refund payouts' }),
  channel: refundChannel,
  currency: z.string().meta({ description: 'ISO 4217 code of the money; both amounts are in it, to its minor unit (CNY 2 places, JPY 0)' }),
  reference: z.string().nullable().meta({ description: 'The channel\'s reference; null for a payout the channel has not named one for yet' }),
  loanId: z.string().nullable(),
  payoutId: z.string().nullable(),
  payoutStatus: z.enum(['requested', 'confirmed', 'failed']).nullable(),
  confirmedAmount: decimal.nullable(),
  recordedAmount: decimal.nullable(),
  status: z.enum(['matched', 'confirmed-not-recorded', 'recorded-not-confirmed', 'amount-differs', 'pending', 'failed']),
});

const tally = z.object({ count: z.number().int(), total: decimal });

export const paymentReconciliationResponse = z.object({
  date: z.string(),
  channels: z.array(z.object({
    channel: refundChannel,
    direction: z.enum(['in', 'out']),
    currency: z.string().meta({ description: 'ISO 4217: one entry per channel, direction and currency; every total and difference here is in it (amounts of two currencies are never added)' }),
    confirmed: tally.meta({ description: 'in: confirmed by providers and statements; out: payouts the channel confirmed' }),
    recorded: tally.meta({ description: 'in: repayments recorded on loans; out: RefundIssued recorded on loans' }),
    pending: tally.optional().meta({ description: 'out only: payouts still pending' }),
    failed: tally.optional().meta({ description: 'out only: payouts that failed' }),
    differences: z.array(reconciliationRow),
  })).meta({ description: 'Totals per channel, direction and currency, sorted by them' }),
}).meta({ id: 'PaymentReconciliation' });

const lineOutcome = z.object({
  bankTxnId: z.string(),
  outcome: z.enum(['matched', 'suspended', 'duplicate']),
  loanId: z.string().nullable().meta({ description: 'The loan a matched line was recorded against' }),
  reason: z.string().nullable().meta({ description: 'Why a line went to the suspense queue' }),
});

/** POST /v1/payments/bank-statements: 201 when the statement was new, 200 (imported false) when it was seen before. */
export const importedStatementResponse = z.object({
  statementId: z.string().meta({ description: 'SHA-256 of the statement\'s bytes, first 32 hex digits' }),
  imported: z.boolean().meta({ description: 'False when this exact statement was imported before: nothing new was recorded' }),
  matched: z.number().int(),
  suspended: z.number().int(),
  duplicates: z.number().int(),
  skippedDebits: z.number().int(),
  lines: z.array(lineOutcome),
  position: z.string().meta({ description: 'Global log position; pass as ?minPosition= on a query to read your write' }),
}).meta({ id: 'ImportedStatement' });

/** Compiles only while the handler's type and the schema's output are assignable both ways. */
type Fits<Answer, Schema extends z.ZodType> = [Answer] extends [z.output<Schema>] ? ([z.output<Schema>] extends [Answer] ? true : never) : never;
// SuspenseLineDoc is a read-store Doc (open index signature), so only its named fields are compared.
type SuspenseLine = Pick<SuspenseLineDoc, keyof z.output<typeof suspenseLine>>;
export const PAYMENT_SCHEMAS_FIT: [
  Fits<PaymentIntentView, typeof paymentIntentResponse>,
  Fits<SuspenseLine, typeof suspenseLine>,
  Fits<ReconciliationRow, typeof reconciliationRow>,
  Fits<{ date: string; channels: ChannelReconciliation[] }, typeof paymentReconciliationResponse>,
  Fits<LineOutcome, typeof lineOutcome>,
] = [true, true, true, true, true];
