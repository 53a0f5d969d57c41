/**
 * A refused credential (401): wrong login or password, locked, bad code, dead refresh token.
 * `INVALID_CREDENTIALS` is deliberately one answer for "no such account", "wrong password" and
 * "locked", so the response never tells whether an account exists.
 */
export class AuthError extends Error {
  constructor(
    readonly code: 'INVALID_CREDENTIALS' | 'INVALID_REFRESH_TOKEN' | 'TOTP_REQUIRED' | 'INVALID_CODE',
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export const invalidCredentials = () => new AuthError('INVALID_CREDENTIALS', 'the login or password is wrong, or too many attempts were made; try again later');
export const invalidRefreshToken = () => new AuthError('INVALID_REFRESH_TOKEN', 'the refresh token is not valid (used, expired or revoked); log in again');
