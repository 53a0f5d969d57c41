import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealed } from '../domain/customer/events.js';
import { RECORDED_IN_CLEAR } from '../domain/customer/recorded-in-clear.js';
import { BlindIndex } from './blind-index.js';
import type { BlindIndexHit } from './blind-index-store.js';
import type { KeyStore } from './key-store.js';

export type { Sealed };

/** What an erased customer's PII shows instead of its value. */
export const ERASED = '[erased]';

const VERSION = 'v1';
const IV_BYTES = 12;

/** Thrown when a sealed value is malformed, tampered with, or sealed for another customer. */
export class SealBrokenError extends Error {
  constructor(readonly customerId: string) {
    super(`sealed value cannot be opened for customer ${customerId}`);
    this.name = 'SealBrokenError';
  }
}

/**
 * Seals PII with the customer's data key (AES-256-GCM, the customer id as associated data), so
 * a value copied onto another customer's record will not open.
 */
export class PiiVault {
  /** `blindIndex` finds customers by their PII; by default an in-memory one (tests). */
  constructor(
    private readonly keys: KeyStore,
    private readonly blindIndex: BlindIndex = BlindIndex.inMemory(),
  ) {}

  /** Makes the customer findable by name prefix, phone, national id and e-mail (see BlindIndex). */
  async indexProfile(customerId: string, profile: { name: string; nationalId: string; phone: string; email?: string | null }): Promise<void> {
    await this.blindIndex.index(customerId, profile);
  }

  /** Customers whose PII matches `q`, without opening any sealed value. */
  searchCustomers(q: string, afterCustomerId: string | null, limit: number): Promise<BlindIndexHit[]> {
    return this.blindIndex.search(q, afterCustomerId, limit);
  }

  /** Customers registered with this national id (blind index, exact after normalising; erased customers are gone from it). */
  holdersOfNationalId(nationalId: string, limit = 2): Promise<string[]> {
    return this.blindIndex.holdersOfNationalId(nationalId, limit);
  }

  /** Returns `v1.<iv>.<tag>.<ciphertext>` (base64url); a fresh IV every call. */
  async seal(customerId: string, plaintext: string): Promise<Sealed> {
    const key = await this.keys.createKey(customerId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(customerId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The plaintext (a `v0.` value recorded in clear as it was, recorded-in-clear.ts), or null when the customer's key was destroyed (show it as `ERASED`). */
  async open(customerId: string, sealed: Sealed): Promise<string | null> {
    const key = await this.keys.getKey(customerId);
    if (key === null) return null;
    return this.openWith(key, customerId, sealed);
  }

  /** Several of one customer's values with one key lookup (a list showing many customers); null where sealed is null or the key is gone. */
  async openAll(customerId: string, sealed: (Sealed | null)[]): Promise<(string | null)[]> {
    const key = await this.keys.getKey(customerId);
    return sealed.map((value) => (key === null || value === null ? null : this.openWith(key, customerId, value)));
  }

  private openWith(key: Buffer, customerId: string, sealed: Sealed): string {
    // Income and employer recorded in clear before they were sealed: shown only while the key exists, as sealed values are.
    if (sealed.startsWith(RECORDED_IN_CLEAR)) return sealed.slice(RECORDED_IN_CLEAR.length);
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new SealBrokenError(customerId);
    const [iv, tag, body] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
    if (iv.length !== IV_BYTES || tag.length !== 16) throw new SealBrokenError(customerId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(customerId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SealBrokenError(customerId);
    }
  }

  /** Opens a nullable sealed field, showing an erased customer's value as `ERASED`. */
  async reveal(customerId: string, sealed: Sealed | null): Promise<string | null> {
    if (sealed === null) return null;
    return (await this.open(customerId, sealed)) ?? ERASED;
  }

  /** Crypto-shreds the customer's PII by destroying its data key, and drops its blind-index rows. */
  async erase(customerId: string): Promise<void> {
    await this.keys.destroyKey(customerId);
    await this.blindIndex.drop(customerId);
  }
}
