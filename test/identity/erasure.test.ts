import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { borrowerSession, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

describe('erasing a customer', () => {
  it('also erases its account: login, outbox messages and preferences gone, sessions ended', async () => {
    const phone = '13522223333';
    const session = await borrowerSession(t, phone);
    const erased = await t.call(STAFF.compliance, 'DELETE', `/v1/customers/${session.customerId}/pii`, { reason: 'PIPL request' });
    expect(erased.statusCode, erased.body).toBe(201);
    expect(t.runtime.identity.users.byLogin(phone)).toBeNull();
    expect(t.runtime.identity.users.byId(session.userId)).toMatchObject({ login: `erased:${session.userId}`, status: 'disabled' });
    expect(t.runtime.identity.outbox.list({ recipient: phone })).toEqual([]);
    expect((await post(t, '/v1/auth/login', { login: phone, password: STRONG_PASSWORD })).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await post(t, '/v1/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    // The phone is free again: a new account is a new person.
    expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
  });
});
