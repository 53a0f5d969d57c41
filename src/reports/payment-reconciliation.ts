import { Dec } from '../domain/decimal.js';
import type { Channel } from '../domain/loan/events.js';
import { PAYMENT_RECONCILIATION, type ReconciliationDoc } from '../projections/models/payments/reconciliation.js';
import type { ReadStore } from '../readstore/port.js';

export type ReconciliationStatus = 'matched' | 'confirmed-not-recorded' | 'recorded-not-confirmed' | 'amount-differs';

export interface ReconciliationRow {
  date: string;
  channel: Channel;
  reference: string;
  loanId: string | null;
  confirmedAmount: string | null;
  recordedAmount: string | null;
  status: ReconciliationStatus;
}

export interface ChannelReconciliation {
  channel: Channel;
  confirmed: { count: number; total: string };
  recorded: { count: number; total: string };
  /** Every row whose two sides do not agree. */
  differences: ReconciliationRow[];
}

export const RECONCILIATION_COLUMNS = ['date', 'channel', 'reference', 'loanId', 'confirmedAmount', 'recordedAmount', 'status'] as const;

function statusOf(doc: ReconciliationDoc): ReconciliationStatus {
  if (doc.confirmedAmount === null) return 'recorded-not-confirmed';
  if (doc.recordedAmount === null) return 'confirmed-not-recorded';
  return new Dec(doc.confirmedAmount).equals(doc.recordedAmount) ? 'matched' : 'amount-differs';
}

const sum = (amounts: string[]) => amounts.reduce((total, a) => total.plus(a), new Dec(0)).toFixed(2);

/**
 * A day's reconciliation per channel: what providers and bank statements confirmed against what
 * the loans recorded, by reference, with every difference listed. Amounts are decimal strings;
 * totals are shown to two places (CNY/USD).
 */
export async function paymentReconciliation(readStore: ReadStore, date: string, channel: Channel | undefined): Promise<{ rows: ReconciliationRow[]; channels: ChannelReconciliation[] }> {
  const rows: ReconciliationRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ReconciliationDoc[]; nextCursor: string | null } = await readStore.find<ReconciliationDoc>(PAYMENT_RECONCILIATION, {
      where: channel === undefined ? { date } : { date, channel }, sort: { field: 'id', direction: 'asc' }, limit: 500, cursor,
    });
    for (const doc of page.items) {
      rows.push({ date: doc.date, channel: doc.channel, reference: doc.reference, loanId: doc.loanId, confirmedAmount: doc.confirmedAmount, recordedAmount: doc.recordedAmount, status: statusOf(doc) });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  const channels = [...new Set(rows.map((r) => r.channel))].sort().map((name): ChannelReconciliation => {
    const mine = rows.filter((r) => r.channel === name);
    const confirmed = mine.flatMap((r) => (r.confirmedAmount === null ? [] : [r.confirmedAmount]));
    const recorded = mine.flatMap((r) => (r.recordedAmount === null ? [] : [r.recordedAmount]));
    return {
      channel: name, confirmed: { count: confirmed.length, total: sum(confirmed) }, recorded: { count: recorded.length, total: sum(recorded) },
      differences: mine.filter((r) => r.status !== 'matched'),
    };
  });
  return { rows, channels };
}
