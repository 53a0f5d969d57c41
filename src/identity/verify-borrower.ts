import { registerCustomer } from '../app/customers/register-customer.js';
import { DomainError } from '../domain/errors.js';
import type { IdentityContext } from './identity-context.js';
import { normaliseLogin } from './users.js';

export interface VerificationInput {
  /** The phone or e-mail registered with. */
  login: string;
  code: string;
  /** The customer's profile, sealed by the vault like any registration. */
  name: string;
  nationalId: string;
  /** Required when the account was registered by e-mail. */
  phone?: string;
  email?: string;
}

const invalidCode = () => new DomainError('INVALID_CODE', 'The code is wrong, used or expired; ask for a new one by registering again', 'rule');

/**
 * Activates a pending borrower account with its one-time code and registers its customer through
 * the usual command (the account's reserved customer id, the account as actor). 422 INVALID_CODE
 * whether the login is unknown or the code wrong; 400 PHONE_REQUIRED for an e-mail account without phone.
 */
export async function verifyBorrower(ctx: IdentityContext, input: VerificationInput, correlationId: string, address: string): Promise<{ userId: string; customerId: string }> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const login = normaliseLogin(input.login);
  const user = identity.users.byLogin(login);
  if (user === null || user.status !== 'pending' || user.customerId === null || !identity.codes.check(user.id, 'verify', input.code, now)) throw invalidCode();
  const isPhone = /^\+?\d+$/.test(login);
  const phone = input.phone ?? (isPhone ? login : undefined);
  if (phone === undefined) throw new DomainError('PHONE_REQUIRED', 'An account registered by e-mail must give a phone number', 'invalid');
  const email = input.email ?? (isPhone ? undefined : login);
  const customerId = user.customerId;
  try {
    await registerCustomer(ctx.services, { actor: { sub: user.id, role: 'borrower', customerId }, correlationId }, {
      customerId, name: input.name, nationalId: input.nationalId, phone, ...(email === undefined ? {} : { email }),
    });
  } catch (error) {
    // A retry after the customer was registered but before the account was activated.
    if (!(error instanceof DomainError && error.code === 'CUSTOMER_EXISTS')) throw error;
  }
  identity.transaction(() => {
    identity.users.activate(user.id, customerId);
    identity.codes.consume(user.id, 'verify');
    identity.securityLog.record({ type: 'account.verified', userId: user.id, actor: user.id, address, detail: null, occurredAt: now.toISOString() });
  });
  return { userId: user.id, customerId };
}
