import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { BlindIndexHit, BlindIndexStore } from './blind-index-store.js';
import { normaliseNationalId, profileTerms, queryTerms, type Term } from './blind-index-terms.js';
import { MemoryBlindIndexStore } from './memory-blind-index-store.js';

const HKDF_INFO = 'lendcore blind index v1';

/**
 * The blind index's HMAC key, derived from the master key with HKDF-SHA256: it never sits in the
 * log or a file of its own, every process sharing the master key computes the same tokens, and it
 * is distinct from the key that wraps the data keys.
 */
export function deriveBlindIndexKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), HKDF_INFO, 32));
}

/**
 * Search over encrypted PII without decrypting it: each normalised value becomes
 * HMAC-SHA256(key, field ‖ 0 ‖ value), a token that finds the customer but cannot be reversed
 * without the key. Names are found by prefix (every prefix is a token), the rest exactly.
 */
export class BlindIndex {
  constructor(
    private readonly store: BlindIndexStore,
    private readonly key: Buffer,
  ) {}

  /** A blind index kept in memory under a random key, for tests. */
  static inMemory(): BlindIndex {
    return new BlindIndex(new MemoryBlindIndexStore(), randomBytes(32));
  }

  /** Indexes a profile given in clear (at registration, before it is sealed away). */
  async index(customerId: string, profile: { name: string; nationalId: string; phone: string; email?: string | null }): Promise<void> {
    await this.store.put(profileTerms(profile).map((term) => ({ token: this.token(term), customerId, field: term.field })));
  }

  /** Customers `q` finds, in id order after `afterCustomerId`. */
  search(q: string, afterCustomerId: string | null, limit: number): Promise<BlindIndexHit[]> {
    return this.store.find(queryTerms(q).map((term) => this.token(term)), afterCustomerId, limit);
  }

  /** Customers (at most `limit`) registered with this national id, however it was spaced or cased; no query-shape guessing, no decryption. */
  async holdersOfNationalId(nationalId: string, limit: number): Promise<string[]> {
    const value = normaliseNationalId(nationalId);
    if (value === '') return [];
    const hits = await this.store.find([this.token({ field: 'nationalId', value })], null, limit);
    return hits.map((hit) => hit.customerId);
  }

  /** Erasure: the customer can no longer be found by any of its PII. */
  drop(customerId: string): Promise<void> {
    return this.store.drop(customerId);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private token(term: Term): string {
    return createHmac('sha256', this.key).update(`${term.field}\u0000${term.value}`).digest('base64url');
  }
}
