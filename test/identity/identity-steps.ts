import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { totpCodeAt } from '../../src/identity/totp.js';
import type { TestApp } from '../support/test-app.js';

export const STRONG_PASSWORD = 'velvet-harbour-quantum-87';

/** POST with a JSON body and optional bearer token. */
export function post(t: TestApp, url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.runtime.app.inject({
    method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** The 6-digit code of the newest outbox message to `recipient` (the development mailbox). */
export function codeFromOutbox(t: TestApp, recipient: string): string {
  const [message] = t.runtime.identity.outbox.list({ recipient, limit: 1 });
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  if (code === undefined) throw new Error(`no code in the outbox for ${recipient}`);
  return code;
}

/** Registers, verifies (code from the outbox) and logs a borrower in; returns the login answer. */
export async function borrowerSession(t: TestApp, phone: string, nationalId = '110105199001011234'): Promise<{ accessToken: string; refreshToken: string; customerId: string; userId: string }> {
  expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
  const verified = await post(t, '/v1/auth/verify', { login: phone, code: codeFromOutbox(t, phone), password: STRONG_PASSWORD, name: '张三', nationalId });
  expect(verified.statusCode, verified.body).toBe(201);
  const login = await post(t, '/v1/auth/login', { login: phone, password: STRONG_PASSWORD });
  expect(login.statusCode, login.body).toBe(200);
  return login.json();
}

/** The one-time password the newest outbox message to `recipient` carries (a staff account created or reset). */
export function oneTimePasswordFromOutbox(t: TestApp, recipient: string): string {
  const [message] = t.runtime.identity.outbox.list({ recipient, limit: 1 });
  const password = /One-time password: (\S+)/.exec(message?.body ?? '')?.[1];
  if (password === undefined) throw new Error(`no one-time password in the outbox for ${recipient}`);
  return password;
}

/** The contact staffSession gives `username`: their own mailbox. */
export const staffEmail = (username: string) => `${username}@lender.example`;

/**
 * A staff account created by `admin` (a bearer token), logged in for the first time with the
 * one-time password sent to its own mailbox: sets its password, enrols TOTP, and returns its
 * tokens, TOTP secret and recovery codes.
 */
export async function staffSession(t: TestApp, adminToken: string, username: string, role: string, now: () => Date): Promise<{ accessToken: string; userId: string; secret: string; recoveryCodes: string[] }> {
  const created = await post(t, '/v1/users', { username, role, contact: staffEmail(username) }, adminToken);
  expect(created.statusCode, created.body).toBe(201);
  expect(created.body).not.toMatch(/temporaryPassword/);
  const temporaryPassword = oneTimePasswordFromOutbox(t, staffEmail(username));
  const first = await post(t, '/v1/auth/login', { login: username, password: temporaryPassword });
  expect(first.json()).toMatchObject({ status: 'totp-enrolment-required', mustChangePassword: true });
  const { enrolmentToken, secret } = first.json<{ enrolmentToken: string; secret: string }>();
  const enrolled = await post(t, '/v1/auth/totp/enrol', { login: username, enrolmentToken, code: totpCodeAt(secret, now()), newPassword: `${STRONG_PASSWORD}-${username}` });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  return { ...enrolled.json<{ accessToken: string; userId: string; recoveryCodes: string[] }>(), secret };
}
