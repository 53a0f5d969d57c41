/**
 * A loan remembers each repayment as one string, "effectiveDate amount reference", in order of
 * arrival. That is all it needs: the amount to answer a reused reference, and date, amount and
 * arrival order to re-run allocation when a payment is backdated (the split itself is re-derived,
 * never stored). A long loan's state is parsed on every load (snapshot) and every read-model
 * update, and a list of flat strings parses about ten times faster than a map of objects.
 */
export type PaymentEntry = string;

/** A remembered repayment, as allocation re-runs it; `sequence` breaks ties between payments of one date. */
export interface PaymentRecord {
  reference: string;
  amount: string;
  effectiveDate: string;
  sequence: number;
}

/** The entry for a payment; dates and amounts never hold a space, so a reference may. */
export function paymentEntry(effectiveDate: string, amount: string, reference: string): PaymentEntry {
  return `${effectiveDate} ${amount} ${reference}`;
}

function parseEntry(entry: PaymentEntry, sequence: number): PaymentRecord {
  const dateEnd = entry.indexOf(' ');
  const amountEnd = entry.indexOf(' ', dateEnd + 1);
  return { effectiveDate: entry.slice(0, dateEnd), amount: entry.slice(dateEnd + 1, amountEnd), reference: entry.slice(amountEnd + 1), sequence };
}

/** The payment recorded under `reference`, or undefined; a reference is recorded at most once. */
export function knownPayment(entries: readonly PaymentEntry[], reference: string): PaymentRecord | undefined {
  const suffix = ` ${reference}`;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as PaymentEntry;
    if (!entry.endsWith(suffix)) continue;
    const record = parseEntry(entry, i);
    if (record.reference === reference) return record;
  }
  return undefined;
}

/** Every remembered payment with its arrival sequence. */
export function paymentRecords(entries: readonly PaymentEntry[]): PaymentRecord[] {
  return entries.map(parseEntry);
}
