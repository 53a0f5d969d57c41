/**
 * Refusals of a read store: bad names and limits, undeclared fields, unknown collections, foreign cursors.
 * They come from our own code or a query string, so the API maps them to 400 (or 404 for a
 * missing collection) rather than letting them surface as engine errors.
 */
export type ReadStoreErrorCode = 'INVALID_NAME' | 'UNDECLARED_FIELD' | 'UNKNOWN_COLLECTION' | 'INVALID_CURSOR' | 'INVALID_QUERY';

export class ReadStoreError extends Error {
  constructor(
    readonly code: ReadStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadStoreError';
  }
}
