import type { IdentityContext } from '../../../identity/identity-context.js';
import type { AppDeps } from '../../deps.js';

/** The account functions' context from the app's deps; identity routes are only registered with a store. */
export function identityContext(deps: AppDeps): IdentityContext {
  if (deps.identity === undefined) throw new Error('identity routes need deps.identity (the users.db store)');
  return {
    identity: deps.identity, jwtSecret: deps.jwtSecret, clock: deps.clock, services: deps,
    ...(deps.passwordParams ? { passwordParams: deps.passwordParams } : {}),
  };
}
