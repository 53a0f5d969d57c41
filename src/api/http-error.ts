/**
 * An error the HTTP layer raises itself (auth, rate limit, ownership). Domain code throws
 * DomainError instead; both become problem+json in src/api/problem.ts.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthenticated = (detail = 'a valid bearer token is required') => new HttpError(401, 'UNAUTHENTICATED', detail, { 'www-authenticate': 'Bearer' });
export const forbidden = (detail = 'your role may not do this') => new HttpError(403, 'FORBIDDEN', detail);
export const notFound = (detail = 'no such resource') => new HttpError(404, 'NOT_FOUND', detail);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, 'RATE_LIMITED', `too many requests; retry after ${retryAfterSeconds} s`, { 'retry-after': String(retryAfterSeconds) });
