import { DomainError } from '../../domain/errors.js';
import type { Sealed } from '../../domain/customer/events.js';
import { KeyDestroyedError } from '../../vault/key-store.js';
import type { AppServices } from '../services.js';

/** Seals one PII value with the customer's key; an erased customer (its key destroyed) is CUSTOMER_ERASED (409). */
export async function sealPii(services: AppServices, customerId: string, plaintext: string): Promise<Sealed> {
  try {
    return await services.vault.seal(customerId, plaintext);
  } catch (error) {
    if (error instanceof KeyDestroyedError) throw new DomainError('CUSTOMER_ERASED', 'Customer has been erased', 'conflict');
    throw error;
  }
}
