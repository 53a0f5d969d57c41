import { randomBytes } from 'node:crypto';
import { KeyDestroyedError, type KeyStore } from './key-store.js';

/** In-process key store for tests; keys live only as long as the object. */
export class MemoryKeyStore implements KeyStore {
  // null marks a destroyed key, so it cannot be silently re-created.
  private readonly keys = new Map<string, Buffer | null>();

  async createKey(customerId: string): Promise<Buffer> {
    const existing = this.keys.get(customerId);
    if (existing === null) throw new KeyDestroyedError(customerId);
    if (existing) return existing;
    const key = randomBytes(32);
    this.keys.set(customerId, key);
    return key;
  }

  async getKey(customerId: string): Promise<Buffer | null> {
    return this.keys.get(customerId) ?? null;
  }

  async destroyKey(customerId: string): Promise<void> {
    this.keys.set(customerId, null);
  }

  async close(): Promise<void> {}
}
