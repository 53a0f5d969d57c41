import type { AccountContext } from './identity-context.js';

/**
 * The identity side of erasing a customer's PII: its borrower account loses its login (the phone
 * or e-mail, replaced by `erased:<user id>`), password and second factor, is disabled, and every
 * session ends; outbox messages to it and its preferences are deleted. The user id stays, so the
 * log's actors and the security events still name the same (now anonymous) account. Returns false
 * when the customer has no account (registered by an officer).
 */
export function eraseBorrowerAccount(ctx: AccountContext, customerId: string, actor: string): boolean {
  const { identity } = ctx;
  const user = identity.users.byCustomerId(customerId);
  if (user === null) return false;
  const now = ctx.clock.now();
  const ended = identity.transaction(() => {
    identity.users.anonymise(user.id);
    identity.outbox.forgetRecipient(user.login);
    identity.preferences.forget(user.id);
    identity.securityLog.record({ type: 'user.disabled', userId: user.id, actor, address: null, detail: 'customer PII erased', occurredAt: now.toISOString() });
    return identity.sessions.revokeAllOf(user.id, 'customer PII erased', now);
  });
  identity.activeSessions.forget(ended);
  return true;
}
