import { CUSTOMER_ACCOUNT, type CustomerAccountDoc, type KycStatus } from '../../projections/models/customer-account/documents.js';
import { DomainError } from '../../domain/errors.js';
import type { Page, ReadStore } from '../../readstore/port.js';
import { maskEmail, maskName, maskNationalId, maskPhone } from '../../vault/masking.js';
import type { PiiVault } from '../../vault/pii-vault.js';

export interface CustomerSearchHit {
  id: string;
  /** Masked, as on the account centre. */
  name: string | null;
  nationalId: string | null;
  phone: string | null;
  email: string | null;
  kycStatus: KycStatus;
  registeredOn: string;
  /** Which fields `q` matched: name (prefix), phone, nationalId, email (exact). */
  matchedOn: string[];
}

/**
 * Customers whose PII matches `q`, through the vault's blind index: only the customers found are
 * opened (to show them masked), never every row. Pages follow the customer id; the opaque cursor
 * names the last one. Customers the account read model does not show yet are left out.
 */
export async function searchCustomers(
  readStore: ReadStore, vault: PiiVault, request: { q: string; limit: number; cursor?: string },
): Promise<Page<CustomerSearchHit>> {
  const after = request.cursor === undefined ? null : decodeCustomerCursor(request.cursor);
  const hits = await vault.searchCustomers(request.q, after, request.limit + 1);
  const page = hits.slice(0, request.limit);
  const items: CustomerSearchHit[] = [];
  for (const hit of page) {
    const doc = await readStore.get<CustomerAccountDoc>(CUSTOMER_ACCOUNT, hit.customerId);
    if (!doc || doc.erased) continue;
    const [name, nationalId, phone, email] = await vault.openAll(doc.id, [doc.profile.name, doc.profile.nationalId, doc.profile.phone, doc.profile.email]);
    const masked = (plain: string | null | undefined, mask: (value: string) => string) => (plain == null ? null : mask(plain));
    items.push({
      id: doc.id,
      name: masked(name, maskName),
      nationalId: masked(nationalId, maskNationalId),
      phone: masked(phone, maskPhone),
      email: masked(email, maskEmail),
      kycStatus: doc.kycStatus,
      registeredOn: doc.registeredOn,
      matchedOn: hit.fields,
    });
  }
  const last = page.at(-1);
  return { items, nextCursor: hits.length > request.limit && last ? encodeCustomerCursor(last.customerId) : null };
}

const PREFIX = 'customer:';
const encodeCustomerCursor = (customerId: string): string => Buffer.from(`${PREFIX}${customerId}`).toString('base64url');

function decodeCustomerCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) throw new DomainError('INVALID_CURSOR', 'cursor is not one this API issued', 'invalid');
  return text.slice(PREFIX.length);
}
