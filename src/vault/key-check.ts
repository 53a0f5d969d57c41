import { unwrapKey, wrapKey } from './key-wrap.js';

/** The id the key-check value is wrapped under; no customer id can collide with it (ids are validated elsewhere, and this one has a space). */
const KEY_CHECK_ID = 'lendcore key check';
const KEY_CHECK_PLAINTEXT = Buffer.alloc(32);

/** A value only the right master key opens, kept in keys.db so a wrong key is caught at start, not at the first PII read. */
export const makeKeyCheck = (masterKey: Buffer): Buffer => wrapKey(masterKey, KEY_CHECK_ID, KEY_CHECK_PLAINTEXT);

/** True when `masterKey` opens the stored check value. */
export function keyCheckOpens(masterKey: Buffer, check: Buffer): boolean {
  try {
    return unwrapKey(masterKey, KEY_CHECK_ID, check).equals(KEY_CHECK_PLAINTEXT);
  } catch {
    return false;
  }
}

/** The master key does not open keys.db. */
export class WrongMasterKeyError extends Error {
  constructor(file: string) {
    super(
      `${file}: the master key does not open this key store. Start with the master.key (or LENDCORE_MASTER_KEY) this data dir was created with; ` +
        'a new key would make every customer\'s PII unreadable.',
    );
    this.name = 'WrongMasterKeyError';
  }
}
