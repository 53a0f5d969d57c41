import type { PrepaymentOverride } from './state.js';

/**
 * A loan remembers each repayment as one string, "effectiveDate amount sequence channel reference",
 * in order of arrival. That is all it needs: date, amount and channel to tell a replay of a reference
 * from a different payment reusing it, and date, amount and sequence to re-run allocation when a
 * payment is backdated (the split itself is re-derived, never
 * stored). `sequence` is the loan's event count when the payment arrived: one clock shared with
 * waivers and penalties, so facts of one date replay in the order they were recorded (a close's penalties after the rest of its day: servicing-replay). A list of
 * flat strings parses about ten times faster than a map of objects on every load.
 */
export type PaymentEntry = string;

/** A remembered repayment, as allocation re-runs it. */
export interface PaymentRecord {
  reference: string;
  amount: string;
  effectiveDate: string;
  sequence: number;
  /** The channel it came through; null for a legacy repayment a migration brought over. */
  channel: string | null;
  /** The payment's prepayment override, if it had one (kept on the state, not in the entry). */
  prepayment?: PrepaymentOverride;
}

const NO_CHANNEL = '-';

/** The entry for a payment; dates, amounts, sequences and channels never hold a space, so a reference may. */
export function paymentEntry(effectiveDate: string, amount: string, sequence: number, channel: string | null, reference: string): PaymentEntry {
  return `${effectiveDate} ${amount} ${sequence} ${channel ?? NO_CHANNEL} ${reference}`;
}

function parseEntry(entry: PaymentEntry): PaymentRecord {
  const dateEnd = entry.indexOf(' ');
  const amountEnd = entry.indexOf(' ', dateEnd + 1);
  const sequenceEnd = entry.indexOf(' ', amountEnd + 1);
  const channelEnd = entry.indexOf(' ', sequenceEnd + 1);
  const channel = entry.slice(sequenceEnd + 1, channelEnd);
  return {
    effectiveDate: entry.slice(0, dateEnd),
    amount: entry.slice(dateEnd + 1, amountEnd),
    sequence: Number(entry.slice(amountEnd + 1, sequenceEnd)),
    channel: channel === NO_CHANNEL ? null : channel,
    reference: entry.slice(channelEnd + 1),
  };
}

/** The payment recorded under `reference`, or undefined; a reference is recorded at most once. */
export function knownPayment(entries: readonly PaymentEntry[], reference: string): PaymentRecord | undefined {
  const suffix = ` ${reference}`;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as PaymentEntry;
    if (!entry.endsWith(suffix)) continue;
    const record = parseEntry(entry);
    if (record.reference === reference) return record;
  }
  return undefined;
}

/** Every remembered payment. */
export function paymentRecords(entries: readonly PaymentEntry[]): PaymentRecord[] {
  return entries.map(parseEntry);
}
