import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CODE_TTL_MS } from '../../src/identity/register-borrower.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { borrowerSession, codeFromOutbox, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const NEW_PASSWORD = 'amber-glacier-teapot-93';
/** A code other than `code`: a guess certain to be wrong. */
const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1e6).padStart(6, '0');
const sent = (recipient: string) => t.runtime.identity.outbox.list({ recipient, limit: 100 }).length;
const requestReset = (login: string) => post(t, '/v1/auth/password-reset/request', { login });
const reset = (login: string, code: string) => post(t, '/v1/auth/password-reset', { login, code, newPassword: NEW_PASSWORD });

describe('asking for a new code never buys more guesses (QA probe4 B)', () => {
  it('sends no reset code once the login spent its 5 wrong tries, with the same neutral 202, until the first code\'s lifetime ends', async () => {
    const phone = '13855550001';
    await borrowerSession(t, phone, '110105199001012016');
    expect((await requestReset(phone)).statusCode).toBe(202);
    const first = codeFromOutbox(t, phone);
    for (let i = 0; i < 5; i++) expect((await reset(phone, wrongFor(first, i))).json()).toMatchObject({ code: 'INVALID_CODE' });
    const before = sent(phone);

    const again = await requestReset(phone);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'code-sent-if-account-exists' });
    expect(sent(phone)).toBe(before);
    expect((await reset(phone, first)).json()).toMatchObject({ code: 'INVALID_CODE' });
    expect(t.runtime.identity.securityLog.list({ type: 'password.reset', limit: 5 }).map((e) => e.detail)).toContain('code withheld: tries or codes spent');

    // Once the window the first code opened has passed, a new code comes with 5 new tries.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + CODE_TTL_MS + 1_000);
    expect((await requestReset(phone)).statusCode).toBe(202);
    expect(sent(phone)).toBe(before + 1);
    expect((await reset(phone, codeFromOutbox(t, phone))).statusCode).toBe(204);
    expect((await post(t, '/v1/auth/login', { login: phone, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('carries wrong tries over to a reissued code: 3 on the first leave 2 for the next', async () => {
    const phone = '13855550002';
    await borrowerSession(t, phone, '110105199001012024');
    await requestReset(phone);
    const first = codeFromOutbox(t, phone);
    for (let i = 0; i < 3; i++) await reset(phone, wrongFor(first, i));
    await requestReset(phone);
    const second = codeFromOutbox(t, phone);
    for (let i = 0; i < 2; i++) await reset(phone, wrongFor(second, i));
    expect((await reset(phone, second)).json()).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('sends at most 5 reset codes per login within a code\'s lifetime, whatever the addresses asking', async () => {
    const phone = '13855550003';
    await borrowerSession(t, phone, '110105199001012032');
    const before = sent(phone);
    for (let i = 0; i < 8; i++) {
      const res = await t.runtime.app.inject({ method: 'POST', url: '/v1/auth/password-reset/request', payload: { login: phone }, remoteAddress: `198.51.100.${i + 1}` });
      expect(res.statusCode).toBe(202);
    }
    expect(sent(phone)).toBe(before + 5);
  });

  it('keeps a pending registration\'s wrong verify tries across registering again, and then changes and sends nothing', async () => {
    const phone = '13855550004';
    const profile = { password: STRONG_PASSWORD, name: '赵六', nationalId: '110105199001011234' };
    expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const first = codeFromOutbox(t, phone);
    for (let i = 0; i < 5; i++) expect((await post(t, '/v1/auth/verify', { login: phone, code: wrongFor(first, i), ...profile })).json()).toMatchObject({ code: 'INVALID_CODE' });
    const before = sent(phone);
    const passwordHash = t.runtime.identity.users.byLogin(phone)?.passwordHash;
    expect((await post(t, '/v1/auth/register', { phone, password: 'another-registrant-pw-77' })).statusCode).toBe(202);
    expect(sent(phone)).toBe(before);
    expect(t.runtime.identity.users.byLogin(phone)?.passwordHash).toBe(passwordHash);
  });
});
