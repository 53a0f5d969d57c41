import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REFRESH_REUSE_GRACE_MS } from '../../src/identity/sessions.js';
import { PRODUCT, defineProduct } from '../api/commands/journey-steps.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { codeFromOutbox, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, productId: 'p-identity' });
});
afterAll(() => t.close());

const PHONE = '13912345678';

describe('a borrower registers, verifies, logs in, applies, refreshes and logs out', () => {
  let accessToken: string;
  let refreshToken: string;
  let customerId: string;

  it('registers with phone and password; the code goes to the outbox, never into the answer', async () => {
    const res = await post(t, '/v1/auth/register', { phone: PHONE, password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'code-sent', channel: 'sms' });
    expect(res.body).not.toMatch(/\d{6}/);
    expect(t.runtime.identity.outbox.list({ recipient: PHONE })).toHaveLength(1);
  });

  it('cannot log in before verifying, and the refusal looks like any other', async () => {
    const res = await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('refuses a wrong code, then verifies with the right one and registers the customer', async () => {
    const code = codeFromOutbox(t, PHONE);
    const wrong = await post(t, '/v1/auth/verify', { login: PHONE, code: code === '000000' ? '111111' : '000000', password: STRONG_PASSWORD, name: '张三', nationalId: '110105199001011234' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CODE' });
    const res = await post(t, '/v1/auth/verify', { login: PHONE, code, password: STRONG_PASSWORD, name: '张三', nationalId: '110105199001011234' });
    expect(res.statusCode, res.body).toBe(201);
    customerId = res.json<{ customerId: string }>().customerId;
    const again = await post(t, '/v1/auth/verify', { login: PHONE, code, password: STRONG_PASSWORD, name: '张三', nationalId: '110105199001011234' });
    expect(again.json()).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('logs in: a 15-minute access token naming user, role, customer and session, a refresh token in body and cookie', async () => {
    const res = await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ accessToken: string; refreshToken: string; expiresIn: number; customerId: string; sessionId: string; userId: string }>();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, role: 'borrower', customerId });
    const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: body.userId, role: 'borrower', customerId, sid: body.sessionId });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    expect(res.headers['set-cookie']).toMatch(new RegExp(`^lendcore_refresh=${body.refreshToken}; Path=/v1/auth; Max-Age=\\d+; HttpOnly; Secure; SameSite=Strict$`));
    ({ accessToken, refreshToken } = body);
  });

  it('applies for a loan without naming its customer: the session names it', async () => {
    const res = await post(t, '/v1/loans', { productId, principal: '50000.00', term: 12, purpose: 'renovation' }, accessToken);
    expect(res.statusCode, res.body).toBe(201);
    await t.caughtUp(res.json<{ position: string }>().position);
    const loan = await t.runtime.app.inject({ method: 'GET', url: `/v1/loans/${res.json<{ id: string }>().id}`, headers: { authorization: `Bearer ${accessToken}` } });
    expect(loan.json()).toMatchObject({ customerId, status: 'submitted' });
  });

  it('staff must still name the customer when applying', async () => {
    const res = await t.call({ role: 'officer', sub: 'officer-olga' }, 'POST', '/v1/loans', { productId, principal: '50000.00', term: 12, purpose: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CUSTOMER_ID_REQUIRED' });
  });

  let oldRefresh: string;
  it('refreshes: new tokens, the refresh token rotated (the cookie works as well as the body)', async () => {
    const res = await post(t, '/v1/auth/refresh', undefined, undefined, { cookie: `theme=dark; lendcore_refresh=${refreshToken}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ accessToken: string; refreshToken: string }>();
    expect(body.refreshToken).not.toBe(refreshToken);
    oldRefresh = refreshToken;
    ({ accessToken, refreshToken } = body);
    const me = await t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.statusCode).toBe(200);
  });

  it('logs out: the access token and both refresh tokens are refused afterwards', async () => {
    const res = await post(t, '/v1/auth/logout', undefined, accessToken);
    expect(res.statusCode).toBe(204);
    expect(res.headers['set-cookie']).toMatch(/^lendcore_refresh=; .*Max-Age=0/);
    const me = await t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ detail: 'the session of this token has ended; log in again' });
    for (const token of [refreshToken, oldRefresh]) {
      const refused = await post(t, '/v1/auth/refresh', { refreshToken: token });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    }
    const events = t.runtime.identity.securityLog.list({ limit: 50 }).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['account.registered', 'account.verified', 'login.succeeded', 'login.failed', 'session.refreshed', 'session.revoked']));
  });
});

describe('refresh token rotation', () => {
  it('revokes the whole session when a spent refresh token is presented again', async () => {
    const login = (await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD })).json<{ refreshToken: string }>();
    const next = (await post(t, '/v1/auth/refresh', { refreshToken: login.refreshToken })).json<{ refreshToken: string; accessToken: string }>();
    // Presented again after the reuse grace (a duplicate within it is the same holder twice: below).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + REFRESH_REUSE_GRACE_MS + 1_000);
    const replay = await post(t, '/v1/auth/refresh', { refreshToken: login.refreshToken }).finally(() => vi.useRealTimers());
    expect(replay.statusCode).toBe(401);
    // The legitimate holder's newer tokens die with the session.
    expect((await post(t, '/v1/auth/refresh', { refreshToken: next.refreshToken })).statusCode).toBe(401);
    const me = await t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${next.accessToken}` } });
    expect(me.statusCode).toBe(401);
    expect(t.runtime.identity.securityLog.list({ type: 'session.reuse-detected', limit: 5 })).toHaveLength(1);
  });

  it('refuses a concurrent duplicate refresh (two tabs, one cookie) without ending the session, and revokes once the new token was used (QA9 Q9)', async () => {
    const login = (await post(t, '/v1/auth/login', { login: PHONE, password: STRONG_PASSWORD })).json<{ refreshToken: string; sessionId: string }>();
    const both = await Promise.all([1, 2].map(() => post(t, '/v1/auth/refresh', undefined, undefined, { cookie: `lendcore_refresh=${login.refreshToken}` })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const loser = both.find((r) => r.statusCode === 401)!;
    expect(loser.json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    // The loser's answer leaves the cookie the winner set alone.
    expect(loser.headers['set-cookie']).toBeUndefined();
    const winner = both.find((r) => r.statusCode === 200)!.json<{ accessToken: string; refreshToken: string }>();
    const me = await t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${winner.accessToken}` } });
    expect(me.statusCode).toBe(200);
    const after = (await post(t, '/v1/auth/refresh', { refreshToken: winner.refreshToken })).json<{ refreshToken: string; accessToken: string }>();
    expect(after.refreshToken).toEqual(expect.any(String));
    expect(t.runtime.identity.sessions.isActive(login.sessionId, new Date())).toBe(true);

    // The first token again, still within the grace but after its successor was used: theft, the session ends.
    expect((await post(t, '/v1/auth/refresh', { refreshToken: login.refreshToken })).statusCode).toBe(401);
    expect(t.runtime.identity.sessions.isActive(login.sessionId, new Date())).toBe(false);
    expect((await post(t, '/v1/auth/refresh', { refreshToken: after.refreshToken })).statusCode).toBe(401);
  });
});

describe('registration', () => {
  it('answers the same for a taken login, and sends the owner a notice instead of a code', async () => {
    const res = await post(t, '/v1/auth/register', { phone: PHONE, password: 'another-long-passphrase-42' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'code-sent', channel: 'sms' });
    expect(t.runtime.identity.outbox.list({ recipient: PHONE, limit: 1 })[0]?.subject).toBe('Registration attempt');
  });

  it.each([['password1234'], ['13912345678a'], ['short']])('refuses the guessable password %j with 422 WEAK_PASSWORD', async (password) => {
    const res = await post(t, '/v1/auth/register', { phone: '13912345678', password });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(res.body).not.toContain(password);
  });

  it('refuses a body with both phone and e-mail, or neither', async () => {
    expect((await post(t, '/v1/auth/register', { phone: '13900000000', email: 'a@b.cn', password: STRONG_PASSWORD })).statusCode).toBe(400);
    expect((await post(t, '/v1/auth/register', { password: STRONG_PASSWORD })).statusCode).toBe(400);
  });

  it('verifies an e-mail account only with a phone, which the customer needs', async () => {
    const email = 'li.si@example.com';
    expect((await post(t, '/v1/auth/register', { email: 'Li.Si@Example.com', password: STRONG_PASSWORD })).statusCode).toBe(202);
    const code = codeFromOutbox(t, email);
    const withoutPhone = await post(t, '/v1/auth/verify', { login: email, code, password: STRONG_PASSWORD, name: '李四', nationalId: '110105199001019999' });
    expect(withoutPhone.json()).toMatchObject({ status: 400, code: 'PHONE_REQUIRED' });
    const ok = await post(t, '/v1/auth/verify', { login: email, code, password: STRONG_PASSWORD, name: '李四', nationalId: '110105199001019999', phone: '13700000000' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('never writes a password, code or token to the log', async () => {
    const code = codeFromOutbox(t, 'li.si@example.com');
    const log = t.logLines.join('\n');
    expect(log).not.toContain(STRONG_PASSWORD);
    // As a token of its own: the six digits may occur inside a log line's timestamp or response time by chance
    // (fresh-check: "time":1796323760369 held the code 323760).
    expect(log).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
  });
});
