import { registerCustomer } from '../app/customers/register-customer.js';
import { DomainError } from '../domain/errors.js';
import type { IdentityContext } from './identity-context.js';
import { verifyPassword } from './passwords.js';
import { normaliseLogin } from './users.js';

export interface VerificationInput {
  /** The phone or e-mail registered with. */
  login: string;
  code: string;
  /** The password registered with: the account activates only with the password it will have. */
  password: string;
  /** The customer's profile, sealed by the vault like any registration. */
  name: string;
  nationalId: string;
  /** Required when the account was registered by e-mail. */
  phone?: string;
  email?: string;
}

const invalidCode = () => new DomainError('INVALID_CODE', 'The code is wrong, used or expired; ask for a new one by registering again', 'rule');
const passwordMismatch = () =>
  new DomainError('REGISTRATION_PASSWORD_MISMATCH', 'The password is not the one this registration was last made with (someone may have registered this login again); register again with your password and use the new code', 'rule');

/**
 * Activates a pending borrower account with its one-time code and the password it was registered
 * with, and registers its customer through the usual command (the account's reserved customer id,
 * the account as actor). Holding the code proves the phone or e-mail, knowing the password proves
 * the registration: a stranger re-registering the login cannot get an account with its password
 * activated by the owner's code. 422 INVALID_CODE whether the login is unknown or the code wrong;
 * 422 REGISTRATION_PASSWORD_MISMATCH (a wrong try of the code, so it cannot be walked to test
 * passwords); 400 PHONE_REQUIRED for an e-mail account without phone.
 */
export async function verifyBorrower(ctx: IdentityContext, input: VerificationInput, correlationId: string, address: string): Promise<{ userId: string; customerId: string }> {
  const { identity } = ctx;
  const now = ctx.clock.now();
  const login = normaliseLogin(input.login);
  const user = identity.users.byLogin(login);
  if (user === null || user.status !== 'pending' || user.customerId === null || !identity.codes.check(user.id, 'verify', input.code, now)) throw invalidCode();
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    identity.codes.countWrongTry(user.id, 'verify');
    throw passwordMismatch();
  }
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
  const activated = identity.transaction(() => {
    // A registration between the check and here replaced the password (and the code): it must be verified again.
    if (!identity.users.activatePending(user.id, customerId, user.passwordHash)) return false;
    identity.codes.consume(user.id, 'verify');
    identity.securityLog.record({ type: 'account.verified', userId: user.id, actor: user.id, address, detail: null, occurredAt: now.toISOString() });
    return true;
  });
  // Not activated: another registration replaced the password, or a verification sent alongside used the code.
  if (!activated) throw identity.users.byId(user.id)?.status === 'pending' ? passwordMismatch() : invalidCode();
  return { userId: user.id, customerId };
}
