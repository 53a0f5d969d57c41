import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { Role } from '../api/types';
import type { Session } from './session';

export interface DevSession {
  token: string;
  sub: string;
  role: Role;
  customerId: string | null;
}

/** Development only (LENDCORE_ENV=development): a token for any role. */
export function useDevSession() {
  return useMutation({ mutationFn: (body: { role: Role; customerId?: string }) => postJson<DevSession>('/v1/dev/session', body) });
}

/** Development only: a few customers to sign in as; a 404 here means the development login is off. */
export function useDevCustomers() {
  return useQuery({ queryKey: ['dev', 'customers'], queryFn: () => getJson<{ items: { id: string; kycStatus: string; loans: number }[] }>('/v1/dev/customers'), retry: false });
}

export interface LoginRequest {
  login: string;
  password: string;
  totp?: string;
}

/** POST /v1/auth/login and /v1/auth/totp/enrol answer these; the refresh token also comes as an httpOnly cookie, which is what the console uses. */
export interface SessionTokens {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
  userId: string;
  role: Role;
  customerId: string | null;
  recoveryCodes?: string[];
}

/** A staff member's first login: the authenticator secret to enrol (and whether a new password is due). */
export interface EnrolmentRequired {
  status: 'totp-enrolment-required';
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  mustChangePassword: boolean;
}

/** The console's session for tokens from the login API. */
export function sessionOf(tokens: SessionTokens): Session {
  return { token: tokens.accessToken, sub: tokens.userId, role: tokens.role, customerId: tokens.customerId, kind: 'account' };
}

/** POST /v1/auth/login: tokens, or (staff, first login) the TOTP enrolment to complete. */
export function useLogin() {
  return useMutation({ mutationFn: (body: LoginRequest) => postJson<SessionTokens | EnrolmentRequired>('/v1/auth/login', body) });
}

export interface EnrolmentRequest {
  login: string;
  enrolmentToken: string;
  code: string;
  newPassword?: string;
}

/** POST /v1/auth/totp/enrol: confirms the authenticator (and sets the new password); answers tokens and one-time recovery codes. */
export function useEnrolTotp() {
  return useMutation({ mutationFn: (body: EnrolmentRequest) => postJson<SessionTokens>('/v1/auth/totp/enrol', body) });
}

/** POST /v1/auth/register: a borrower account waiting for its 6-digit code (sent by SMS or e-mail). */
export function useRegister() {
  return useMutation({
    mutationFn: (body: { phone: string; password: string } | { email: string; password: string }) =>
      postJson<{ status: 'code-sent'; channel: 'sms' | 'email' }>('/v1/auth/register', body),
  });
}

export interface VerificationRequest {
  login: string;
  code: string;
  name: string;
  nationalId: string;
  phone?: string;
}

/** POST /v1/auth/verify: activates the account with its code and registers the customer. */
export function useVerify() {
  return useMutation({ mutationFn: (body: VerificationRequest) => postJson<{ userId: string; customerId: string }>('/v1/auth/verify', body) });
}
