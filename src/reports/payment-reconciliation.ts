import { Dec } from '../domain/decimal.js';
import type { Channel, RefundChannel } from '../domain/loan/events.js';
import { PAYMENT_RECONCILIATION, type ReconciliationDoc } from '../projections/models/payments/reconciliation.js';
import { PAYOUT_RECONCILIATION, type PayoutReconciliationDoc } from '../projections/models/payments/payout-reconciliation.js';
import type { Doc, ReadStore } from '../readstore/port.js';

/**
 * How a row's two sides agree. Money in: provider/statement confirmation vs the loan's repayment.
 * Money out: the payout's confirmation vs the loan's RefundIssued; a payout still `pending` or
 * `failed` (nothing recorded on the loan) is no difference.
 */
export type ReconciliationStatus = 'matched' | 'confirmed-not-recorded' | 'recorded-not-confirmed' | 'amount-differs' | 'pending' | 'failed';
export type Direction = 'in' | 'out';

export interface ReconciliationRow {
  date: string;
  direction: Direction;
  channel: RefundChannel;
  /** The channel's reference; null for a payout the channel has not named one for yet. */
  reference: string | null;
  loanId: string | null;
  /** The refund payout a money-out row is about; null for money in and for a refund no payout carried. */
  payoutId: string | null;
  /** Money out: requested, confirmed or failed; null otherwise. */
  payoutStatus: PayoutReconciliationDoc['payoutStatus'];
  confirmedAmount: string | null;
  recordedAmount: string | null;
  status: ReconciliationStatus;
}

export interface Tally { count: number; total: string }

export interface ChannelReconciliation {
  channel: RefundChannel;
  direction: Direction;
  /** In: what providers and statements confirmed. Out: what channels confirmed paid out. */
  confirmed: Tally;
  /** In: repayments the loans recorded. Out: refunds (RefundIssued) the loans recorded. */
  recorded: Tally;
  /** Money out only: payouts still pending and payouts that failed (nothing on the loan). */
  pending?: Tally;
  failed?: Tally;
  /** Every row whose two sides do not agree. */
  differences: ReconciliationRow[];
}

export const RECONCILIATION_COLUMNS = ['date', 'direction', 'channel', 'reference', 'loanId', 'payoutId', 'payoutStatus', 'confirmedAmount', 'recordedAmount', 'status'] as const;

function sidesAgree(confirmed: string | null, recorded: string | null): ReconciliationStatus {
  if (confirmed === null) return 'recorded-not-confirmed';
  if (recorded === null) return 'confirmed-not-recorded';
  return new Dec(confirmed).equals(recorded) ? 'matched' : 'amount-differs';
}

const net = (gross: string | null, less: string | null | undefined): string | null =>
  (gross === null || less == null ? gross : new Dec(gross).minus(less).toFixed(2));

/**
 * Money in, net on both sides: the provider's confirmation less what it refunded since (net captured),
 * the loan's recording less what it reversed; a refund not yet reversed on the loan is a difference.
 */
function netSides(doc: ReconciliationDoc): Pick<ReconciliationRow, 'confirmedAmount' | 'recordedAmount' | 'status'> {
  const confirmedAmount = net(doc.confirmedAmount, doc.refundedAmount);
  const recordedAmount = net(doc.recordedAmount, doc.reversedAmount);
  return { confirmedAmount, recordedAmount, status: sidesAgree(confirmedAmount, recordedAmount) };
}

function payoutRow(doc: PayoutReconciliationDoc): ReconciliationRow {
  const confirmedAmount = doc.payoutStatus === 'confirmed' ? doc.payoutAmount : null;
  const status: ReconciliationStatus = doc.refundedAmount === null && doc.payoutStatus === 'requested' ? 'pending'
    : doc.refundedAmount === null && doc.payoutStatus === 'failed' ? 'failed'
      : sidesAgree(confirmedAmount, doc.refundedAmount);
  return {
    date: doc.date, direction: 'out', channel: doc.channel, reference: doc.reference, loanId: doc.loanId, payoutId: doc.payoutId, payoutStatus: doc.payoutStatus,
    confirmedAmount, recordedAmount: doc.refundedAmount, status,
  };
}

const tally = (amounts: (string | null)[]): Tally => {
  const present = amounts.filter((a): a is string => a !== null);
  return { count: present.length, total: present.reduce((total, a) => total.plus(a), new Dec(0)).toFixed(2) };
};

async function allOf<T extends Doc>(readStore: ReadStore, collection: string, where: Record<string, string>): Promise<T[]> {
  const docs: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await readStore.find<T>(collection, { where, sort: { field: 'id', direction: 'asc' }, limit: 500, cursor });
    docs.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return docs;
}

/**
 * A day's reconciliation per channel and direction: money in (what providers and bank statements
 * confirmed against the repayments the loans recorded) and money out (what refund payouts the
 * channels confirmed against the RefundIssued the loans recorded), matched by reference, with
 * every difference listed. Amounts are decimal strings; totals are shown to two places (CNY/USD).
 */
export async function paymentReconciliation(readStore: ReadStore, date: string, channel: Channel | undefined): Promise<{ rows: ReconciliationRow[]; channels: ChannelReconciliation[] }> {
  const where: Record<string, string> = channel === undefined ? { date } : { date, channel };
  const rows: ReconciliationRow[] = (await allOf<ReconciliationDoc>(readStore, PAYMENT_RECONCILIATION, where)).map((doc) => ({
    date: doc.date, direction: 'in', channel: doc.channel, reference: doc.reference, loanId: doc.loanId, payoutId: null, payoutStatus: null,
    ...netSides(doc),
  }));
  const payouts = await allOf<PayoutReconciliationDoc>(readStore, PAYOUT_RECONCILIATION, where);
  rows.push(...payouts.map(payoutRow));
  const groups = [...new Set(rows.map((r) => `${r.direction}|${r.channel}`))].sort();
  const channels = groups.map((key): ChannelReconciliation => {
    const mine = rows.filter((r) => `${r.direction}|${r.channel}` === key);
    const first = mine[0] as ReconciliationRow;
    const totals: ChannelReconciliation = {
      channel: first.channel, direction: first.direction,
      confirmed: tally(mine.map((r) => r.confirmedAmount)), recorded: tally(mine.map((r) => r.recordedAmount)),
      differences: mine.filter((r) => r.status !== 'matched' && r.status !== 'pending' && r.status !== 'failed'),
    };
    if (first.direction === 'in') return totals;
    const docs = payouts.filter((d) => d.channel === first.channel);
    return {
      ...totals,
      pending: tally(docs.filter((d) => d.payoutStatus === 'requested').map((d) => d.payoutAmount)),
      failed: tally(docs.filter((d) => d.payoutStatus === 'failed').map((d) => d.payoutAmount)),
    };
  });
  return { rows, channels };
}
