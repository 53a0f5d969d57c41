import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { Role } from '../api/types';

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

/**
 * POST /v1/auth/login (issue #13). Until that lands the API answers 404 and the page shows it.
 * Assumed answer: `{token, sub, role, customerId?}`; adjust `toSession` in LoginPage if #13 differs.
 */
export function useLogin() {
  return useMutation({ mutationFn: (body: LoginRequest) => postJson<DevSession>('/v1/auth/login', body) });
}
