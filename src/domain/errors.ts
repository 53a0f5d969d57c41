/**
 * The one error family of the domain. `kind` carries the HTTP meaning; the API maps it to
 * problem+json in one place (src/api/problem.ts).
 */
export type DomainErrorKind =
  | 'invalid' // 400: malformed input the schema could not catch
  | 'not_found' // 404
  | 'conflict' // 409: wrong state or concurrency
  | 'rule' // 422: a business rule refused it
  | 'upstream'; // 502: a payment provider failed or refused our request

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
