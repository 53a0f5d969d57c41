import type { AppServices } from '../app/services.js';
import type { IdentityStore } from './identity-store.js';
import type { ScryptParams } from './passwords.js';

/** What the account functions need: the identity file, the token key, time, and the command side for customers. */
export interface IdentityContext {
  identity: IdentityStore;
  jwtSecret: Uint8Array;
  clock: { now(): Date };
  /** The command side, so verifying a borrower registers its customer through the usual handler. */
  services: AppServices;
  /** Cost of new password hashes; tests lower it, production keeps PASSWORD_SCRYPT. */
  passwordParams?: ScryptParams;
}

/** Enough for account administration (the CLI has no token key or command side open). */
export type AccountContext = Pick<IdentityContext, 'identity' | 'clock' | 'passwordParams'>;
