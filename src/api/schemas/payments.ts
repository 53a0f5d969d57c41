import { z } from 'zod';
import { minPositionParam } from '../routes/queries/read-your-writes.js';
import { decimalAmount } from './common.js';

export const intentChannel = z.enum(['alipay', 'wechat', 'sandbox']).meta({ description: 'Where the borrower pays', example: 'sandbox' });

export const paymentIntentBody = z
  .object({
    amount: decimalAmount.meta({ description: 'What the borrower means to pay, in the loan\'s currency', example: '8884.88' }),
    channel: intentChannel,
  })
  .strict();

const paymentAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('redirect'), url: z.string() }),
    z.object({ type: z.literal('qr'), codeUrl: z.string() }),
    z.object({ type: z.literal('order-string'), orderString: z.string() }),
  ])
  .meta({ description: 'What the client shows: a page to open (Alipay, sandbox), a QR payload (WeChat code_url), or an app order string' });

export const createdIntentResponse = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'confirmed', 'failed', 'expired']).meta({ description: 'pending, except for the intent a replayed Idempotency-Key answers, as it stands now' }),
    channel: intentChannel,
    amount: z.string(),
    currency: z.string(),
    expiresAt: z.string(),
    action: paymentAction.nullable().meta({ description: 'What the payer must do; null once the intent is no longer pending' }),
    revision: z.string(),
    position: z.string(),
  })
  .meta({ description: 'A payment intent and what the payer must do' });

export const notifyParams = z.object({ channel: intentChannel }).strict();
export const intentParams = z.object({ intentId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected an intent id') }).strict();

export const statementText = z
  .string()
  .min(1)
  .meta({ description: 'The statement: CSV (text/csv) with a header row naming date, amount, currency, memo, bank_txn_id (any order; other columns ignored), or MT940 (text/plain with ?format=mt940)' });

export const statementQuery = z.object({ format: z.enum(['csv', 'mt940']).default('csv') }).strict();

export const suspenseQuery = z
  .object({
    status: z.enum(['open', 'assigned', 'matched']).default('open'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(500).optional(),
    minPosition: minPositionParam,
  })
  .strict();

export const lineParams = z.object({ lineId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected a bank transaction id') }).strict();

export const assignBody = z.object({ loanId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected a loan id') }).strict();
