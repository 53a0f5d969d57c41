import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { borrowerSession, codeFromOutbox, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
const PHONE = '13633334444';
const NEW_PASSWORD = 'marble-lantern-orbit-5531';
const RESET_PASSWORD = 'copper-meadow-signal-9072';
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

const prefs = (token: string) => t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${token}` } });

describe('password change', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const here = await borrowerSession(t, PHONE);
    const elsewhere = (await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD })).json<{ accessToken: string }>();
    const wrong = await post(t, '/v1/auth/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }, here.accessToken);
    expect(wrong.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const weak = await post(t, '/v1/auth/password', { currentPassword: STRONG_PASSWORD, newPassword: 'password123' }, here.accessToken);
    expect(weak.json()).toMatchObject({ status: 422, code: 'WEAK_PASSWORD' });
    const ok = await post(t, '/v1/auth/password', { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }, here.accessToken);
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await prefs(here.accessToken)).statusCode).toBe(200);
    expect((await prefs(elsewhere.accessToken)).statusCode).toBe(401);
    expect((await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD })).statusCode).toBe(401);
    expect((await post(t, '/v1/auth/login', { login: PHONE, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('answers 404 for a locally minted token, which names no account', async () => {
    const res = await t.call({ role: 'officer', sub: 'officer-olga' }, 'POST', '/v1/auth/password', { currentPassword: 'x', newPassword: NEW_PASSWORD });
    expect(res.json()).toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
  });
});

describe('password reset by code', () => {
  it('answers the same for an unknown login, and sends nothing', async () => {
    const res = await post(t, '/v1/auth/password-reset/request', { login: '13000000000' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'code-sent-if-account-exists' });
    expect(t.runtime.identity.outbox.list({ recipient: '13000000000' })).toEqual([]);
  });

  it('sets a new password with the code from the outbox, ends every session and lifts a lockout', async () => {
    const session = (await post(t, '/v1/auth/login', { login: PHONE, password: NEW_PASSWORD })).json<{ accessToken: string }>();
    for (let i = 0; i < 12; i++) await post(t, '/v1/auth/login', { login: PHONE, password: `guess-${i}` });
    expect((await post(t, '/v1/auth/login', { login: PHONE, password: NEW_PASSWORD })).statusCode).toBe(401);
    expect((await post(t, '/v1/auth/password-reset/request', { login: PHONE })).json()).toEqual({ status: 'code-sent-if-account-exists' });
    const code = codeFromOutbox(t, PHONE);
    const wrong = await post(t, '/v1/auth/password-reset', { login: PHONE, code: code === '000000' ? '111111' : '000000', newPassword: RESET_PASSWORD });
    expect(wrong.json()).toMatchObject({ status: 422, code: 'INVALID_CODE' });
    expect((await post(t, '/v1/auth/password-reset', { login: PHONE, code, newPassword: RESET_PASSWORD })).statusCode).toBe(204);
    expect((await prefs(session.accessToken)).statusCode).toBe(401);
    expect((await post(t, '/v1/auth/login', { login: PHONE, password: RESET_PASSWORD })).statusCode).toBe(200);
    expect((await post(t, '/v1/auth/password-reset', { login: PHONE, code, newPassword: RESET_PASSWORD })).json()).toMatchObject({ code: 'INVALID_CODE' });
  });
});
