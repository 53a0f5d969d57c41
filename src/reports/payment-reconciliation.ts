import { Dec } from '../domain/decimal.js';
import { minorUnits } from '../domain/money.js';
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
  /** ISO 4217: the money's currency; both amounts are in it. */
  currency: string;
  /** The refund payout a money-out row is about; null for money in and for a refund no payout carried. */
  payoutId: string | null;
  /** Money out: requested, confirmed or failed; null otherwise. */
  payoutStatus: PayoutReconciliationDoc['payoutStatus'];
  confirmedAmount: string | null;
  recordedAmount: string | null;
  status: ReconciliationStatus;
}

export interface Tally { count: number; total: string }

/** One channel, direction and currency: amounts of two currencies are never added. */
export interface ChannelReconciliation {
  channel: RefundChannel;
  direction: Direction;
  /** ISO 4217: every total and difference of this entry is in it. */
  currency: string;
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

export const RECONCILIATION_COLUMNS = ['date', 'direction', 'channel', 'currency', 'reference', 'loanId', 'payoutId', 'payoutStatus', 'confirmedAmount', 'recordedAmount', 'status'] as const;

function sidesAgree(confirmed: string | null, recorded: string | null): ReconciliationStatus {
  if (confirmed === null) return 'recorded-not-confirmed';
  if (recorded === null) return 'confirmed-not-recorded';
  return new Dec(confirmed).equals(recorded) ? 'matched' : 'amount-differs';
}

/** Digits after the point in the currency's minor unit; null for a code we keep no table for (the amounts keep their own places). */
function placesOf(currency: string): number | null {
  try {
    return minorUnits(currency);
  } catch {
    return null;
  }
}

/** The amount to the currency's minor unit (JPY "1234", CNY "1234.00"). */
function inMinorUnits(amount: InstanceType<typeof Dec>, currency: string): string {
  const places = placesOf(currency);
  return places === null ? amount.toFixed() : amount.toFixed(places);
}

const net = (gross: string | null, less: string | null | undefined, currency: string): string | null =>
  (gross === null || less == null ? gross : inMinorUnits(new Dec(gross).minus(less), currency));

/**
 * Money in, net on both sides: the provider's confirmation less what it refunded since (net captured),
 * the loan's recording less what it reversed; a refund not yet reversed on the loan is a difference.
 */
function netSides(doc: ReconciliationDoc): Pick<ReconciliationRow, 'confirmedAmount' | 'recordedAmount' | 'status'> {
  const confirmedAmount = net(doc.confirmedAmount, doc.refundedAmount, doc.currency);
  const recordedAmount = net(doc.recordedAmount, doc.reversedAmount, doc.currency);
  return { confirmedAmount, recordedAmount, status: sidesAgree(confirmedAmount, recordedAmount) };
}

function payoutRow(doc: PayoutReconciliationDoc): ReconciliationRow {
  const confirmedAmount = doc.payoutStatus === 'confirmed' ? doc.payoutAmount : null;
  const status: ReconciliationStatus = doc.refundedAmount === null && doc.payoutStatus === 'requested' ? 'pending'
    : doc.refundedAmount === null && doc.payoutStatus === 'failed' ? 'failed'
      : sidesAgree(confirmedAmount, doc.refundedAmount);
  return {
    date: doc.date, direction: 'out', channel: doc.channel, currency: doc.currency, reference: doc.reference, loanId: doc.loanId, payoutId: doc.payoutId, payoutStatus: doc.payoutStatus,
    confirmedAmount, recordedAmount: doc.refundedAmount, status,
  };
}

/** Count and sum of the amounts present, all in `currency`, to its minor unit. */
const tally = (amounts: (string | null)[], currency: string): Tally => {
  const present = amounts.filter((a): a is string => a !== null);
  return { count: present.length, total: inMinorUnits(present.reduce((total, a) => total.plus(a), new Dec(0)), currency) };
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
 * every difference listed. Every row names its currency and the totals are per channel, direction
 * and currency (a JPY suspense line is never added to CNY): decimal strings to the currency's minor unit.
 */
export async function paymentReconciliation(readStore: ReadStore, date: string, channel: Channel | undefined): Promise<{ rows: ReconciliationRow[]; channels: ChannelReconciliation[] }> {
  const where: Record<string, string> = channel === undefined ? { date } : { date, channel };
  const rows: ReconciliationRow[] = (await allOf<ReconciliationDoc>(readStore, PAYMENT_RECONCILIATION, where)).map((doc) => ({
    date: doc.date, direction: 'in', channel: doc.channel, currency: doc.currency, reference: doc.reference, loanId: doc.loanId, payoutId: null, payoutStatus: null,
    ...netSides(doc),
  }));
  const payouts = await allOf<PayoutReconciliationDoc>(readStore, PAYOUT_RECONCILIATION, where);
  rows.push(...payouts.map(payoutRow));
  const groupOf = (r: { direction: Direction; channel: RefundChannel; currency: string }) => `${r.direction}|${r.channel}|${r.currency}`;
  const groups = [...new Set(rows.map(groupOf))].sort();
  const channels = groups.map((key): ChannelReconciliation => {
    const mine = rows.filter((r) => groupOf(r) === key);
    const first = mine[0] as ReconciliationRow;
    const { currency } = first;
    const totals: ChannelReconciliation = {
      channel: first.channel, direction: first.direction, currency,
      confirmed: tally(mine.map((r) => r.confirmedAmount), currency), recorded: tally(mine.map((r) => r.recordedAmount), currency),
      differences: mine.filter((r) => r.status !== 'matched' && r.status !== 'pending' && r.status !== 'failed'),
    };
    if (first.direction === 'in') return totals;
    const docs = payouts.filter((d) => d.channel === first.channel && d.currency === currency);
    return {
      ...totals,
      pending: tally(docs.filter((d) => d.payoutStatus === 'requested').map((d) => d.payoutAmount), currency),
      failed: tally(docs.filter((d) => d.payoutStatus === 'failed').map((d) => d.payoutAmount), currency),
    };
  });
  return { rows, channels };
}
