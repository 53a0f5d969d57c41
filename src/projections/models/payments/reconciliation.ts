import type { Channel, RecoveryReceived, RepaymentReceived, RepaymentReversed } from '../../../domain/loan/events.js';
import type { IntentChannel, PaymentConfirmationContradicted, PaymentConfirmed, PaymentIntentCreated, PaymentRefundedAtProvider } from '../../../domain/payment/events.js';
import type { StatementLineMatched, StatementLineSuspended } from '../../../domain/payment/statement-events.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { loanCurrencies } from './loan-currencies.js';

export const RECONCILIATION_PROJECTION = 'payment-reconciliation';
export const PAYMENT_RECONCILIATION = 'payment_reconciliation';
const INTENT_CHANNELS = 'payment_intent_channels';
/** Which row a loan's reference is recorded in (`<loanId>|<reference>` → row id), for its reversal, which names no channel. */
const RECORDED_REFERENCES = 'payment_reconciliation_references';
const LOAN_CURRENCIES = 'payment_reconciliation_loan_currencies';
const loanCurrency = loanCurrencies(LOAN_CURRENCIES);

/** The repayment channel money from an intent channel is recorded under (the sandbox stands for online payment). */
const RECORDED_AS: Record<IntentChannel, Channel> = { alipay: 'alipay', wechat: 'wechat', sandbox: 'online' };

/**
 * One payment by channel and reference (provider transaction id, bank txn id): what the provider
 * (or the bank statement) confirmed — the provider's latest amount when it notified the
 * transaction again with another — and what the loans recorded; null where one side has nothing.
 * `date` is the business day it belongs to: the confirmation's, else the recording's.
 * `currency` (ISO 4217) is the money's: the confirmation's (the transaction's own currency for money
 * suspended as CURRENCY_MISMATCH, else the intent's; a statement line's), else the loan's; both amounts are in it.
 */
export interface ReconciliationDoc extends Doc {
  channel: Channel;
  reference: string;
  date: string;
  loanId: string | null;
  currency: string;
  confirmedAmount: string | null;
  recordedAmount: string | null;
  /** What the provider refunded of the transaction since (PaymentRefundedAtProvider): the confirmed side is net of it. */
  refundedAmount?: string | null;
  /** What the loan reversed of what it recorded (RepaymentReversed, RecoveryReversed): the recorded side is net of it. */
  reversedAmount?: string | null;
}

const rowId = (channel: Channel, reference: string) => `${channel}|${reference}`;

/** The events recording the loan's side of a row (the rows a batch of repayments reads, prefetched). */
const RECORDED_MONEY: ReadonlySet<string> = new Set(['RepaymentReceived', 'RecoveryReceived']);

async function upsert(ctx: ProjectionContext, channel: Channel, reference: string, change: { date: string; currency: string } & Partial<ReconciliationDoc>): Promise<void> {
  const id = rowId(channel, reference);
  const doc = await ctx.get<ReconciliationDoc>(PAYMENT_RECONCILIATION, id);
  const base: ReconciliationDoc = doc ?? { id, channel, reference, date: change.date, loanId: null, currency: change.currency, confirmedAmount: null, recordedAmount: null };
  const { date: _date, currency: _currency, ...rest } = change;
  const confirming = doc?.confirmedAmount == null && change.confirmedAmount != null;
  // The first confirmation names the money's currency; later words on it (a contradiction, a refund) keep it.
  ctx.put(PAYMENT_RECONCILIATION, {
    ...base, ...rest, loanId: rest.loanId ?? base.loanId, currency: confirming ? change.currency : base.currency,
    date: doc?.confirmedAmount != null ? base.date : change.confirmedAmount != null ? change.date : base.date,
  });
}

function statementLine(raw: RecordedEvent, ctx: ProjectionContext) {
  const { data } = raw as RecordedEvent<StatementLineMatched['data'] | StatementLineSuspended['data']>;
  return upsert(ctx, 'bank_transfer', data.line.bankTxnId, { date: data.line.date, currency: data.line.currency, confirmedAmount: data.line.amount, ...('loanId' in data ? { loanId: data.loanId } : {}) });
}

interface IntentDoc extends Doc { channel: IntentChannel; loanId: string; currency: string }

async function intentOf(raw: RecordedEvent, ctx: ProjectionContext): Promise<IntentDoc> {
  const intent = await ctx.get<IntentDoc>(INTENT_CHANNELS, entityIdOf(raw, 'payment'));
  if (!intent) throw new Error(`${raw.type} ${raw.eventId}: intent ${raw.streamId} was never created`);
  return intent;
}

async function recorded(raw: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const { data } = raw as RecordedEvent<RepaymentReceived['data'] | RecoveryReceived['data']>;
  const loanId = entityIdOf(raw, 'loan');
  ctx.put(RECORDED_REFERENCES, { id: `${loanId}|${data.reference}`, row: rowId(data.channel, data.reference) });
  const currency = await loanCurrency.of(raw, ctx, loanId);
  await upsert(ctx, data.channel, data.reference, { date: data.effectiveDate, currency, recordedAmount: data.amount, loanId });
}

async function reversed(raw: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const { data } = raw as RecordedEvent<RepaymentReversed['data']>;
  const ref = await ctx.get<{ id: string; row: string }>(RECORDED_REFERENCES, `${entityIdOf(raw, 'loan')}|${data.reference}`);
  const doc = ref ? await ctx.get<ReconciliationDoc>(PAYMENT_RECONCILIATION, ref.row) : null;
  if (doc) ctx.put(PAYMENT_RECONCILIATION, { ...doc, reversedAmount: data.amount });
}

/** Provider confirmations and bank statement lines against recorded repayments, per channel and reference. */
export const reconciliationProjection: Projection = {
  name: RECONCILIATION_PROJECTION,
  // 2: confirmations dated by the business day the money counts on; 3: recoveries are recorded money too; 4: net of provider refunds and reversals;
  // 5: every row names its currency (a JPY suspense line was summed into CNY totals)
  version: 5,
  collections: [
    { name: PAYMENT_RECONCILIATION, indexes: ['date', 'channel'] }, { name: INTENT_CHANNELS, indexes: [] }, { name: RECORDED_REFERENCES, indexes: [] },
    { name: LOAN_CURRENCIES, indexes: [] },
  ],
  handlers: {
    ...loanCurrency.handlers,
    PaymentIntentCreated: (raw, ctx) => {
      const { data } = raw as RecordedEvent<PaymentIntentCreated['data']>;
      ctx.put(INTENT_CHANNELS, { id: data.intentId, channel: data.channel, loanId: data.loanId, currency: data.currency } satisfies IntentDoc);
    },
    PaymentConfirmed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<PaymentConfirmed['data']>;
      const intent = await intentOf(raw, ctx);
      // Suspended money carries the currency it was paid in (CURRENCY_MISMATCH: not the intent's).
      const currency = data.suspense?.currency ?? intent.currency;
      await upsert(ctx, RECORDED_AS[intent.channel], data.providerTxnId, { date: businessDateOf(raw), currency, confirmedAmount: data.amount, loanId: intent.loanId });
    },
    // The provider's latest word on the transaction is the confirmed side: against what the loan recorded under it
    // (the first amount), the row is amount-differs until an officer settles it with the provider (QA 12 Q10).
    PaymentConfirmationContradicted: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<PaymentConfirmationContradicted['data']>;
      const intent = await intentOf(raw, ctx);
      await upsert(ctx, RECORDED_AS[intent.channel], data.providerTxnId, { date: businessDateOf(raw), currency: intent.currency, confirmedAmount: data.amount, loanId: intent.loanId });
    },
    StatementLineMatched: statementLine,
    StatementLineSuspended: statementLine,
    // The provider gave money back: the confirmed side is what it still holds for the lender (net captured).
    PaymentRefundedAtProvider: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<PaymentRefundedAtProvider['data']>;
      const intent = await intentOf(raw, ctx);
      await upsert(ctx, RECORDED_AS[intent.channel], data.providerTxnId, { date: businessDateOf(raw), currency: intent.currency, refundedAmount: data.refundedTotal, loanId: intent.loanId });
    },
    RepaymentReceived: recorded,
    // A channel's money on a written-off loan is recorded as a recovery: the loan's side of its row.
    RecoveryReceived: recorded,
    // The loan no longer holds a reversed payment: the recorded side is net of it.
    RepaymentReversed: reversed,
    RecoveryReversed: reversed,
  },
  prefetch: async (events, ctx) => {
    const recordedMoney = events.filter((e) => RECORDED_MONEY.has(e.type));
    await ctx.prefetch(PAYMENT_RECONCILIATION, recordedMoney.map((e) => {
      const { channel, reference } = e.data as Pick<RepaymentReceived['data'], 'channel' | 'reference'>;
      return rowId(channel, reference);
    }));
    await ctx.prefetch(LOAN_CURRENCIES, new Set(recordedMoney.map((e) => entityIdOf(e, 'loan'))));
  },
};
