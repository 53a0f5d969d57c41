import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/identity/totp.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { post, staffSession, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
let uwe: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  t = await openTestApp();
  uwe = await staffSession(t, (await t.auth(STAFF.admin)).authorization?.slice('Bearer '.length) ?? '', 'uwe', 'underwriter', () => new Date());
});
afterAll(() => t.close());

describe('a TOTP code is accepted once', () => {
  it('lets exactly one of several logins sent together with one code in', async () => {
    // Enrolment spent the current step; the next one is fresh (one step ahead is within tolerance).
    const code = totpCodeAt(uwe.secret, new Date(Date.now() + 30_000));
    const login = { login: 'uwe', password: `${STRONG_PASSWORD}-uwe`, totp: code };
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(t, '/v1/auth/login', login)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401, 401, 401]);
    for (const refused of answers.filter((a) => a.statusCode === 401)) expect(refused.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('claims a time step only when it is later than the last one accepted', () => {
    const { users } = t.runtime.identity;
    const step = Math.floor(Date.now() / 30_000) + 5;
    expect(users.claimTotpStep(uwe.userId, step)).toBe(true);
    expect(users.claimTotpStep(uwe.userId, step)).toBe(false);
    expect(users.claimTotpStep(uwe.userId, step - 1)).toBe(false);
    expect(users.claimTotpStep(uwe.userId, step + 1)).toBe(true);
  });
});
