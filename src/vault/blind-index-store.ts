/** One row of the blind index: a keyed token that finds a customer, and the field it came from. */
export interface BlindIndexRow {
  token: string;
  customerId: string;
  field: string;
}

/** A customer the tokens found, with the fields that matched. */
export interface BlindIndexHit {
  customerId: string;
  fields: string[];
}

/** Where blind-index rows live: outside the log, beside the data keys, so erasure can drop them. */
export interface BlindIndexStore {
  /** Adds the rows (repeating one is harmless). */
  put(rows: BlindIndexRow[]): Promise<void>;
  /** Customers any token finds, in customer id order, after `afterCustomerId`, at most `limit`. */
  find(tokens: string[], afterCustomerId: string | null, limit: number): Promise<BlindIndexHit[]>;
  /** Forgets every row of the customer. */
  drop(customerId: string): Promise<void>;
  close(): Promise<void>;
}
