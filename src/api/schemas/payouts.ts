import { z } from 'zod';
import { decimalAmount, reference } from './common.js';

export const payoutChannel = z.enum(['sandbox', 'alipay', 'wechat', 'bank-transfer']).meta({ description: 'How the refund leaves the lender', example: 'sandbox' });

const payee = z
  .object({
    account: z.string().trim().min(1).max(100).meta({ description: 'Alipay logon id (email or phone), or the WeChat openid under the lender\'s app', example: 'borrower@example.com' }),
    name: z.string().trim().min(1).max(100).nullable().default(null).meta({ description: 'The payee\'s real name; the provider checks it against the account' }),
  })
  .strict();

export const refundPayoutBody = z
  .object({
    amount: decimalAmount.optional().meta({ description: 'Defaults to the loan\'s whole credit balance not already promised to a pending payout; never more' }),
    channel: payoutChannel,
    payee: payee.optional().meta({ description: 'Required for alipay and wechat: who receives the money' }),
  })
  .strict();

const payoutStatus = z.enum(['awaiting_approval', 'rejected', 'pending', 'confirmed', 'failed'])
  .meta({ description: 'awaiting_approval: started, not sent until a second person approves it; rejected: turned down before sending; pending: sent, waiting for its channel; confirmed; failed' });

export const startedPayoutResponse = z
  .object({
    id: z.string(),
    status: payoutStatus,
    channel: payoutChannel,
    amount: z.string(),
    currency: z.string(),
    actionUrl: z.string().nullable().meta({ description: 'A page that settles the payout (the sandbox gateway\'s); null for other channels' }),
    revision: z.string(),
    position: z.string(),
  })
  .meta({ description: 'The payout: awaiting_approval when started; once approved, pending until its channel confirms it (a provider may confirm at once)' });

export const payoutResponse = z
  .object({
    id: z.string(),
    loanId: z.string(),
    customerId: z.string(),
    status: payoutStatus,
    channel: payoutChannel,
    amount: z.string(),
    currency: z.string(),
    payee: z.object({ account: z.string(), name: z.string().nullable() }).nullable(),
    createdAt: z.string(),
    requestedBy: z.string().nullable().meta({ description: 'Who started it; null on payouts sent before four eyes' }),
    approval: z.object({ approvedBy: z.string(), approvedAt: z.string() }).nullable(),
    rejection: z.object({ rejectedBy: z.string(), reason: z.string(), rejectedAt: z.string() }).nullable(),
    confirmation: z.object({ channelReference: z.string(), confirmedAt: z.string(), confirmedBy: z.string() }).nullable(),
    failure: z.object({ channelReference: z.string().nullable(), reason: z.string(), failedAt: z.string() }).nullable(),
    actionUrl: z.string().optional().meta({ description: 'While pending on a channel with a page to settle it on (the sandbox gateway\'s): that page, as the approval answered it; absent otherwise' }),
    position: z.string(),
    revision: z.string(),
  })
  .meta({ description: 'A refund payout, read from its own stream' });

export const loanPayoutsResponse = z
  .object({
    loanId: z.string(),
    currency: z.string(),
    creditBalance: z.string().meta({ description: 'The loan\'s credit balance today (money received beyond every balance, not yet refunded)' }),
    reserved: z.string().meta({ description: 'Held by payouts waiting for approval or still pending' }),
    refundable: z.string().meta({ description: 'creditBalance − reserved: the most a new payout may take' }),
    items: z.array(payoutResponse).meta({ description: 'Every refund payout of the loan, newest first' }),
  })
  .meta({ description: 'The loan\'s refund desk' });

export const bankConfirmationBody = z
  .object({
    bankReference: reference.meta({ description: 'The bank\'s reference of the outgoing transfer; the loan\'s refund reference', example: 'BOC-20260301-0042' }),
    executedAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'When the bank executed it; now when absent' }),
  })
  .strict();

export const bankFailureBody = z.object({ reason: z.string().trim().min(1).max(500).meta({ description: 'Why the bank returned or refused the transfer' }) }).strict();

export const payoutNotifyParams = z.object({ channel: z.enum(['sandbox', 'alipay', 'wechat']) }).strict();
export const payoutParams = z.object({ payoutId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected a payout id') }).strict();

export const payoutCheckResponse = z
  .object({
    payout: payoutResponse,
    providerState: z.string().meta({ description: 'The provider\'s own word for the payout (SUCCESS, DEALING, WAIT_USER_CONFIRM, CANCELING, ORDER_NOT_EXIST…)', example: 'SUCCESS' }),
  })
  .meta({ description: 'The payout after the provider was asked about it; what the provider said is recorded as its notification would be' });

export const payoutApprovalBody = z.object({}).strict().meta({ description: 'Nothing to add: the payout is sent as started (amount, channel, payee)' });
export const payoutRejectionBody = z
  .object({ reason: z.string().trim().min(1).max(200).meta({ description: 'Why it is turned down', example: 'payee account does not match the borrower' }) })
  .strict();

export const payoutStatusQueryBody = z.object({}).strict().optional();

export const payoutCancellationBody = z
  .object({ reason: z.string().trim().min(1).max(200).meta({ description: 'Why the officer cancels it (kept with the failure)', example: 'payee asked for a bank transfer instead' }) })
  .strict();
