import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { codeFromOutbox, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const ATTACKER_PASSWORD = 'crimson-lantern-orbit-42';
const profile = { name: '王五', nationalId: '110105199001011234' };

describe('a pending registration cannot be taken over by registering the same login again (QA probe5 A)', () => {
  const victim = '13833330009';

  it('refuses the owner\'s code with the password the attacker substituted, and the attacker never gets in', async () => {
    expect((await post(t, '/v1/auth/register', { phone: victim, password: STRONG_PASSWORD })).statusCode).toBe(202);
    // The attacker re-registers the victim's phone: the pending password becomes its own, and a new code goes to the victim.
    expect((await post(t, '/v1/auth/register', { phone: victim, password: ATTACKER_PASSWORD })).statusCode).toBe(202);
    const code = codeFromOutbox(t, victim);

    const refused = await post(t, '/v1/auth/verify', { login: victim, code, password: STRONG_PASSWORD, ...profile });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'REGISTRATION_PASSWORD_MISMATCH', detail: expect.stringMatching(/register again/) });
    expect(t.runtime.identity.users.byLogin(victim)?.status).toBe('pending');
    expect((await post(t, '/v1/auth/login', { login: victim, password: ATTACKER_PASSWORD })).statusCode).toBe(401);

    // The victim registers again and verifies with its own password: the account is its.
    expect((await post(t, '/v1/auth/register', { phone: victim, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const verified = await post(t, '/v1/auth/verify', { login: victim, code: codeFromOutbox(t, victim), password: STRONG_PASSWORD, ...profile });
    expect(verified.statusCode, verified.body).toBe(201);
    expect((await post(t, '/v1/auth/login', { login: victim, password: ATTACKER_PASSWORD })).statusCode).toBe(401);
    expect((await post(t, '/v1/auth/login', { login: victim, password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it('counts a wrong password as a wrong try of the code, so the code cannot be used to test passwords', async () => {
    const phone = '13833330010';
    expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const code = codeFromOutbox(t, phone);
    for (let i = 0; i < 5; i++) {
      const guess = await post(t, '/v1/auth/verify', { login: phone, code, password: `${ATTACKER_PASSWORD}-${i}`, ...profile, nationalId: '110105199001012018' });
      expect(guess.json()).toMatchObject({ code: 'REGISTRATION_PASSWORD_MISMATCH' });
    }
    // Five wrong tries spent the code: even the right password is refused now.
    const spent = await post(t, '/v1/auth/verify', { login: phone, code, password: STRONG_PASSWORD, ...profile, nationalId: '110105199001012018' });
    expect(spent.json()).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('refuses a verification without the password (400, nothing changes)', async () => {
    const phone = '13833330011';
    expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const res = await post(t, '/v1/auth/verify', { login: phone, code: codeFromOutbox(t, phone), ...profile });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(t.runtime.identity.users.byLogin(phone)?.status).toBe('pending');
  });

  it('activates only while the password the verification checked is still the account\'s (a registration landing mid-verification)', async () => {
    const phone = '13833330012';
    expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const { users } = t.runtime.identity;
    const checked = users.byLogin(phone);
    if (checked === null) throw new Error('no pending account');
    users.setPassword(checked.id, 'scrypt$replaced-by-a-later-registration', false);
    expect(users.activatePending(checked.id, checked.customerId, checked.passwordHash)).toBe(false);
    expect(users.byLogin(phone)?.status).toBe('pending');
  });
});
