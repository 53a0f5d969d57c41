import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { borrowerSession, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await borrowerSession(t, '13811112222');
});
afterAll(() => t.close());

/** What a client can see of an answer, minus the per-request correlation id. */
const visible = (res: { statusCode: number; body: string; headers: Record<string, unknown> }) => {
  const { date: _date, 'x-correlation-id': _id, ...headers } = res.headers;
  return { status: res.statusCode, body: res.body, headers };
};

describe('failed logins', () => {
  it('locks the account after repeated wrong passwords from one address, answering all 50 identically', async () => {
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(visible(await post(t, '/v1/auth/login', { login: '13811112222', password: `wrong-guess-${i}` })));
    expect(answers[0]).toMatchObject({ status: 401 });
    expect(JSON.parse(answers[0]?.body ?? '{}')).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // Locked: even the right password gets the same answer.
    expect(visible(await post(t, '/v1/auth/login', { login: '13811112222', password: STRONG_PASSWORD }))).toEqual(answers[0]);
    // An account that does not exist answers exactly the same.
    expect(visible(await post(t, '/v1/auth/login', { login: '13899999999', password: STRONG_PASSWORD }))).toEqual(answers[0]);
    const locks = t.runtime.identity.securityLog.list({ type: 'login.locked', limit: 10 });
    expect(locks.map((e) => e.detail)).toContain('account');
  });

  it('locks an address that keeps guessing across many accounts (a password-spraying client)', async () => {
    const attacker = { remoteAddress: '203.0.113.9' };
    for (let i = 0; i < 100; i++) {
      await t.runtime.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { login: `1370000${String(i).padStart(4, '0')}`, password: 'x' }, ...attacker });
    }
    const locks = t.runtime.identity.securityLog.list({ type: 'login.locked', limit: 200 });
    expect(locks.filter((e) => e.detail === 'address').map((e) => e.address)).toEqual(['203.0.113.9']);
  });
});
