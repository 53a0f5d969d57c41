import type { Actor } from '../../domain/actor.js';
import type { Sealed } from '../../domain/customer/events.js';
import { ERASED, type PiiVault } from '../../vault/pii-vault.js';

/** How much of a customer's PII a caller may read: in clear or masked. */
export type Disclosure = 'clear' | 'masked';

/**
 * Compliance and admin read PII in clear (investigations, regulator requests); a borrower reads
 * its own (ownership is checked before this); officers and underwriters only recognise it, masked.
 */
export function disclosureFor(actor: Actor): Disclosure {
  return actor.role === 'compliance' || actor.role === 'admin' || actor.role === 'borrower' ? 'clear' : 'masked';
}

/** Opens a sealed field and shows it as the disclosure allows; an erased customer's value is `[erased]`, never masked. */
export async function disclose(
  vault: PiiVault,
  customerId: string,
  sealed: Sealed | null,
  mask: (plain: string) => string,
  disclosure: Disclosure,
): Promise<string | null> {
  const value = await vault.reveal(customerId, sealed);
  if (value === null || value === ERASED || disclosure === 'clear') return value;
  return mask(value);
}
