import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiRequest, ApiResponse } from '../api/schema';
import type { Role } from '../api/types';
import type { Session } from './session';

/** POST /v1/dev/session's answer: a token for the role, its subject and lifetime. */
export type DevSession = ApiResponse<'postDevSession'>;

/** Development only (LENDCORE_ENV=development): a token for any role. */
export function useDevSession() {
  return useMutation({ mutationFn: (body: ApiRequest<'postDevSession'>) => postJson<DevSession>('/v1/dev/session', body) });
}

/** Development only: a few customers to sign in as; a 404 here means the development login is off. */
export function useDevCustomers() {
  return useQuery({ queryKey: ['dev', 'customers'], queryFn: () => getJson<ApiResponse<'getDevCustomers'>>('/v1/dev/customers'), retry: false });
}

export type LoginRequest = ApiRequest<'auth.login'>;

/** POST /v1/auth/login's answer: tokens, or (staff, first login) the TOTP enrolment to complete. */
type LoginAnswer = ApiResponse<'auth.login'>;

/** A staff member's first login: the authenticator secret to enrol (and whether a new password is due). */
export type EnrolmentRequired = Extract<LoginAnswer, { status: 'totp-enrolment-required' }>;

/** POST /v1/auth/totp/enrol's answer: tokens and the one-time recovery codes. */
export type EnrolledTokens = ApiResponse<'auth.enrolTotp'>;

/** Tokens from a login or an enrolment; the refresh token also comes as an httpOnly cookie, which is what the console uses. */
export type SessionTokens = Exclude<LoginAnswer, EnrolmentRequired> | EnrolledTokens;

/** The console's session for tokens from the login API. */
export function sessionOf(tokens: SessionTokens): Session {
  // The API types the role as a string; it is one of the token roles (src/api/auth/token.ts).
  return { token: tokens.accessToken, sub: tokens.userId, role: tokens.role as Role, customerId: tokens.customerId, kind: 'account' };
}

/** POST /v1/auth/login: tokens, or (staff, first login) the TOTP enrolment to complete. */
export function useLogin() {
  return useMutation({ mutationFn: (body: LoginRequest) => postJson<LoginAnswer>('/v1/auth/login', body) });
}

export type EnrolmentRequest = ApiRequest<'auth.enrolTotp'>;

/** POST /v1/auth/totp/enrol: confirms the authenticator (and sets the new password); answers tokens and one-time recovery codes. */
export function useEnrolTotp() {
  return useMutation({ mutationFn: (body: EnrolmentRequest) => postJson<EnrolledTokens>('/v1/auth/totp/enrol', body) });
}

/** POST /v1/auth/register: a borrower account waiting for its 6-digit code (sent by SMS or e-mail). */
export function useRegister() {
  return useMutation({
    mutationFn: (body: ApiRequest<'auth.register'>) =>
      postJson<ApiResponse<'auth.register'>>('/v1/auth/register', body),
  });
}

export type VerificationRequest = ApiRequest<'auth.verify'>;

/** POST /v1/auth/verify: activates the account with its code and registers the customer. */
export function useVerify() {
  return useMutation({ mutationFn: (body: VerificationRequest) => postJson<ApiResponse<'auth.verify'>>('/v1/auth/verify', body) });
}
