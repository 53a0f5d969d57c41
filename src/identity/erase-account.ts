import type { AccountContext } from './identity-context.js';
import { loginSpellings } from './users.js';

/**
 * The identity side of erasing a customer's PII: its borrower account loses its login (the phone
 * or e-mail, replaced by `erased:<user id>`), password and second factor, is disabled, and every
 * session ends; outbox messages to it, its failed-login counters (each keyed by the login, in any
 * spelling it was ever stored or keyed under) and its preferences are deleted. Then users.db is
 * scrubbed (IdentityStore.scrub), so no deleted row stays readable in the file or its WAL. The
 * user id stays, so the log's actors and the security events still name the same (now anonymous)
 * account. Returns false when the customer has no account (registered by an officer). Throws when
 * the WAL cannot be emptied (another connection reading): the account is erased by then, and a
 * retried erasure scrubs again.
 */
export function eraseBorrowerAccount(ctx: AccountContext, customerId: string, actor: string): boolean {
  const { identity } = ctx;
  const user = identity.users.byCustomerId(customerId);
  if (user === null) return false;
  const now = ctx.clock.now();
  const ended = identity.transaction(() => {
    identity.users.anonymise(user.id);
    for (const spelling of loginSpellings(user.login)) identity.outbox.forgetRecipient(spelling);
    identity.throttle.forgetLogin(user.login);
    identity.preferences.forget(user.id);
    identity.securityLog.record({ type: 'user.disabled', userId: user.id, actor, address: null, detail: 'customer PII erased', occurredAt: now.toISOString() });
    return identity.sessions.revokeAllOf(user.id, 'customer PII erased', now);
  });
  identity.activeSessions.forget(ended);
  identity.scrub();
  return true;
}
