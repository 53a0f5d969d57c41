import type { Channel, RefundChannel, RefundIssued } from '../../../domain/loan/events.js';
import type { PayoutChannel, PayoutConfirmed, PayoutCreated, PayoutFailed } from '../../../domain/payout/events.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { loanCurrencies } from './loan-currencies.js';

export const PAYOUT_RECONCILIATION_PROJECTION = 'payout-reconciliation';
export const PAYOUT_RECONCILIATION = 'payout_reconciliation';
/** `<loanId>|<channel>|<reference>` → the payout confirmed under it, so a later RefundIssued finds its payout. */
const PAYOUT_REFERENCES = 'payout_references';
const LOAN_CURRENCIES = 'payout_reconciliation_loan_currencies';
const loanCurrency = loanCurrencies(LOAN_CURRENCIES);

/** The refund channel a payout channel's confirmed payouts are recorded under on the loan. */
export const REFUNDED_AS: Record<PayoutChannel, Channel> = { sandbox: 'online', alipay: 'alipay', wechat: 'wechat', 'bank-transfer': 'bank_transfer' };

/**
 * Money out, one row per payout (`payout|<payoutId>`) or per loan refund no payout confirmed
 * (`refund|<loanId>|<channel>|<reference>`, e.g. the admin's cash decree): what the channel did with the
 * payout against what the loan recorded as RefundIssued. `date` is the business day of the
 * payout's latest step (requested, confirmed or failed), or the refund's date. `currency` (ISO 4217):
 * the payout's, else the loan's; both amounts are in it.
 */
export interface PayoutReconciliationDoc extends Doc {
  channel: RefundChannel;
  date: string;
  payoutId: string | null;
  /** The channel's reference: set once confirmed (or when a failure names one). */
  reference: string | null;
  loanId: string;
  currency: string;
  payoutStatus: 'requested' | 'confirmed' | 'failed' | null;
  payoutAmount: string | null;
  refundedAmount: string | null;
}

const payoutIdOf = (raw: RecordedEvent) => raw.streamId.slice('payout-'.length);
const rowId = (payoutId: string) => `payout|${payoutId}`;
const orphanId = (loanId: string, channel: RefundChannel, reference: string) => `refund|${loanId}|${channel}|${reference}`;
/** References are unique per loan and channel, not across loans. */
const referenceId = (loanId: string, channel: RefundChannel, reference: string) => `${loanId}|${channel}|${reference}`;

async function payoutRow(ctx: ProjectionContext, raw: RecordedEvent): Promise<PayoutReconciliationDoc> {
  const row = await ctx.get<PayoutReconciliationDoc>(PAYOUT_RECONCILIATION, rowId(payoutIdOf(raw)));
  if (!row) throw new Error(`${raw.type} ${raw.eventId}: payout ${raw.streamId} was never created`);
  return row;
}

/** Payouts (requested, confirmed, failed) against the loans' RefundIssued, matched by channel and reference. */
export const payoutReconciliationProjection: Projection = {
  name: PAYOUT_RECONCILIATION_PROJECTION,
  // 2: every row names its currency, so the report totals each currency apart
  version: 2,
  collections: [{ name: PAYOUT_RECONCILIATION, indexes: ['date', 'channel'] }, { name: PAYOUT_REFERENCES, indexes: [] }, { name: LOAN_CURRENCIES, indexes: [] }],
  handlers: {
    ...loanCurrency.handlers,
    PayoutCreated: (raw, ctx) => {
      const { data } = raw as RecordedEvent<PayoutCreated['data']>;
      ctx.put(PAYOUT_RECONCILIATION, {
        id: rowId(data.payoutId), channel: REFUNDED_AS[data.channel], date: businessDateOf(raw), payoutId: data.payoutId, reference: null,
        loanId: data.loanId, currency: data.currency, payoutStatus: 'requested', payoutAmount: data.amount, refundedAmount: null,
      } satisfies PayoutReconciliationDoc);
    },
    PayoutConfirmed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<PayoutConfirmed['data']>;
      const row = await payoutRow(ctx, raw);
      // The loan's RefundIssued is recorded before the payout's confirmation: fold that refund into this row.
      const orphan = await ctx.get<PayoutReconciliationDoc>(PAYOUT_RECONCILIATION, orphanId(row.loanId, row.channel, data.channelReference));
      if (orphan) ctx.delete(PAYOUT_RECONCILIATION, orphan.id);
      ctx.put(PAYOUT_REFERENCES, { id: referenceId(row.loanId, row.channel, data.channelReference), payoutId: row.payoutId });
      ctx.put(PAYOUT_RECONCILIATION, {
        ...row, payoutStatus: 'confirmed', reference: data.channelReference, date: businessDateOf(raw), refundedAmount: orphan?.refundedAmount ?? row.refundedAmount,
      });
    },
    PayoutFailed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<PayoutFailed['data']>;
      const row = await payoutRow(ctx, raw);
      ctx.put(PAYOUT_RECONCILIATION, { ...row, payoutStatus: 'failed', reference: data.channelReference ?? row.reference, date: businessDateOf(raw) });
    },
    // Rejected before it was sent: no money left, as for a failure.
    PayoutRejected: async (raw, ctx) => {
      const row = await payoutRow(ctx, raw);
      ctx.put(PAYOUT_RECONCILIATION, { ...row, payoutStatus: 'failed', date: businessDateOf(raw) });
    },
    RefundIssued: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RefundIssued['data']>;
      const loanId = entityIdOf(raw, 'loan');
      const claimed = await ctx.get<{ id: string; payoutId: string }>(PAYOUT_REFERENCES, referenceId(loanId, data.channel, data.reference));
      const row = claimed ? await ctx.get<PayoutReconciliationDoc>(PAYOUT_RECONCILIATION, rowId(claimed.payoutId)) : null;
      if (row) {
        ctx.put(PAYOUT_RECONCILIATION, { ...row, refundedAmount: data.amount });
        return;
      }
      ctx.put(PAYOUT_RECONCILIATION, {
        id: orphanId(loanId, data.channel, data.reference), channel: data.channel, date: data.date, payoutId: null, reference: data.reference,
        loanId, currency: await loanCurrency.of(raw, ctx, loanId), payoutStatus: null, payoutAmount: null, refundedAmount: data.amount,
      } satisfies PayoutReconciliationDoc);
    },
  },
};
