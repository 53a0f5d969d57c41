/**
 * Per-customer data keys, kept outside the event log. Destroying a key crypto-shreds the
 * customer's PII: the log stays intact and verifiable, the ciphertext becomes unreadable.
 */
export interface KeyStore {
  /** Returns the customer's data key, creating a random 32-byte key on first use. */
  createKey(customerId: string): Promise<Buffer>;
  /** The data key, or null when none was created or it was destroyed. */
  getKey(customerId: string): Promise<Buffer | null>;
  /** Irreversible; a later `createKey` for the same customer is refused. */
  destroyKey(customerId: string): Promise<void>;
  close(): Promise<void>;
}

/** A destroyed key never comes back: a fresh key would make old ciphertext look merely "wrong". */
export class KeyDestroyedError extends Error {
  constructor(readonly customerId: string) {
    super(`the data key of customer ${customerId} was destroyed`);
    this.name = 'KeyDestroyedError';
  }
}
