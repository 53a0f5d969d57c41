import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/auth/token.js';
import { POLICY, type RouteId } from '../../src/api/auth/policy.js';
import { createStaff } from '../../src/identity/staff-accounts.js';
import { borrowerSession, post } from '../identity/identity-steps.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { checkAccess, WHO, type AccessRow } from './authorization-table.js';

const OWN = 'cust-own';
let staffId = 'set-in-beforeAll';
const ANYONE = WHO;
const users = () => `/v1/users/${staffId}`;

/** Every identity route × every caller, with schema-valid bodies so only the gate can refuse. */
const rows = (): AccessRow[] => [
  { route: 'auth.register', method: 'POST', url: '/v1/auth/register', body: { email: 'matrix@example.com', password: 'velvet-harbour-quantum-87' }, allowed: ANYONE },
  { route: 'auth.verify', method: 'POST', url: '/v1/auth/verify', body: { login: 'matrix@example.com', code: '000000', password: 'velvet-harbour-quantum-87', name: 'A', nationalId: '1' }, allowed: ANYONE },
  { route: 'auth.login', method: 'POST', url: '/v1/auth/login', body: { login: 'nobody', password: 'x' }, allowed: ANYONE },
  { route: 'auth.enrolTotp', method: 'POST', url: '/v1/auth/totp/enrol', body: { login: 'nobody', enrolmentToken: 'x', code: '000000' }, allowed: ANYONE },
  { route: 'auth.refresh', method: 'POST', url: '/v1/auth/refresh', body: { refreshToken: 'x' }, allowed: ANYONE },
  { route: 'auth.logout', method: 'POST', url: '/v1/auth/logout', body: {}, allowed: ANYONE },
  { route: 'auth.changePassword', method: 'POST', url: '/v1/auth/password', body: { currentPassword: 'x', newPassword: 'y' }, allowed: ['borrower-own', 'borrower-other', 'officer', 'underwriter', 'compliance', 'admin'] },
  { route: 'auth.requestPasswordReset', method: 'POST', url: '/v1/auth/password-reset/request', body: { login: 'nobody' }, allowed: ANYONE },
  { route: 'auth.resetPassword', method: 'POST', url: '/v1/auth/password-reset', body: { login: 'nobody', code: '000000', newPassword: 'y' }, allowed: ANYONE },
  { route: 'users.list', method: 'GET', url: '/v1/users', allowed: ['admin'] },
  { route: 'users.names', method: 'GET', url: '/v1/staff-names', allowed: ['officer', 'underwriter', 'compliance', 'admin'] },
  { route: 'users.create', method: 'POST', url: '/v1/users', body: { username: 'matrix-officer', role: 'officer', contact: 'matrix-officer@lender.example' }, allowed: ['admin'] },
  { route: 'users.setRole', method: 'PUT', url: `${users()}/role`, body: { role: 'compliance' }, allowed: ['admin'] },
  { route: 'users.disable', method: 'POST', url: `${users()}/disable`, allowed: ['admin'] },
  { route: 'users.enable', method: 'POST', url: `${users()}/enable`, allowed: ['admin'] },
  { route: 'users.reset', method: 'POST', url: `${users()}/reset`, allowed: ['admin'] },
  { route: 'users.revokeSessions', method: 'DELETE', url: `${users()}/sessions`, allowed: ['admin'] },
  { route: 'me.preferences', method: 'GET', url: '/v1/me/preferences', allowed: ['borrower-own', 'borrower-other', 'officer', 'underwriter', 'compliance', 'admin'] },
  { route: 'me.setPreferences', method: 'PUT', url: '/v1/me/preferences', body: { theme: 'dark', density: 'compact', language: 'en-US' }, allowed: ['borrower-own', 'borrower-other', 'officer', 'underwriter', 'compliance', 'admin'] },
  { route: 'security.events', method: 'GET', url: '/v1/security-events', allowed: ['compliance', 'admin'] },
];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  staffId = (await createStaff({ identity: t.runtime.identity, clock: { now: () => new Date() }, passwordParams: { N: 1024, r: 8, p: 1 } }, { username: 'matrix-target', role: 'officer', contact: { channel: 'email', address: 'matrix-target@lender.example' } }, 'test')).account.id;
});
afterAll(() => t.close());

describe('authorization matrix (identity routes)', () => {
  it('lists every identity route of the policy', () => {
    const identityRoutes = (Object.keys(POLICY) as RouteId[]).filter((id) => /^(auth|users|me|security)\./.test(id));
    expect(rows().map((row) => row.route).sort()).toEqual(identityRoutes.sort());
  });

  it('marks exactly the auth routes as callable without a token', () => {
    const anonymous = (Object.keys(POLICY) as RouteId[]).filter((id) => 'anonymous' in POLICY[id]);
    expect(anonymous.sort()).toEqual(rows().filter((r) => r.allowed.includes('none')).map((r) => r.route).sort());
  });

  it('checks every row as every caller', async () => {
    for (const row of rows()) for (const who of WHO) await checkAccess(t, row, who, OWN);
  });
});

describe('sessions at the gate', () => {
  const usersAs = (token: string) => t.runtime.app.inject({ method: 'GET', url: '/v1/me/preferences', headers: { authorization: `Bearer ${token}` } });
  const secret = () => Buffer.from(t.runtime.config.jwtSecret ?? '');

  it('refuses a revoked session, an expired token, an unknown session and another key', async () => {
    const session = await borrowerSession(t, '13855556666');
    expect((await usersAs(session.accessToken)).statusCode).toBe(200);
    await post(t, '/v1/auth/logout', undefined, session.accessToken);
    expect((await usersAs(session.accessToken)).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const expired = await mintToken({ sub: 'o1', role: 'officer', ttl: '15m' }, secret(), new Date(Date.now() - 3_600_000));
    expect((await usersAs(expired)).json()).toMatchObject({ status: 401, detail: 'the bearer token has expired' });
    const madeUpSession = await mintToken({ sub: 'o1', role: 'officer', sid: 'no-such-session', ttl: '15m' }, secret());
    expect((await usersAs(madeUpSession)).statusCode).toBe(401);
    const otherKey = await mintToken({ sub: 'o1', role: 'officer', ttl: '15m' }, randomBytes(32));
    expect((await usersAs(otherKey)).statusCode).toBe(401);
  });
});
