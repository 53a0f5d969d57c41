import { ReadStoreError } from './errors.js';

const COLLECTION_NAME = /^[a-z][a-z0-9_-]*$/;
// Dotted paths reach into nested documents (`outstanding.total`); nothing that could close a quote.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Returns the name when it is a safe collection name; throws INVALID_NAME otherwise. */
export function checkCollectionName(name: string): string {
  if (!COLLECTION_NAME.test(name)) throw new ReadStoreError('INVALID_NAME', `invalid collection name ${JSON.stringify(name)}`);
  return name;
}

/** Returns the field when it is a safe (possibly dotted) field path; throws INVALID_NAME otherwise. */
export function checkFieldName(field: string): string {
  if (!FIELD_NAME.test(field)) throw new ReadStoreError('INVALID_NAME', `invalid field name ${JSON.stringify(field)}`);
  return field;
}
