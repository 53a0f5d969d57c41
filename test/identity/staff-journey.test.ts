import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { totpCodeAt } from '../../src/identity/totp.js';
import { PRODUCT, defineProduct } from '../api/commands/journey-steps.js';
import { captureIo } from '../cli/cli-io.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { oneTimePasswordFromOutbox, post, staffEmail, staffSession, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
const now = () => new Date();
const get = (url: string, token: string) => t.runtime.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const put = (url: string, body: object, token: string) => t.runtime.app.inject({ method: 'PUT', url, payload: body, headers: { authorization: `Bearer ${token}` } });
const del = (url: string, token: string) => t.runtime.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}` } });

let admin: { accessToken: string; userId: string };
let ulf: Awaited<ReturnType<typeof staffSession>>;
let olga: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

describe('staff accounts', () => {
  it('bootstraps the first admin from the command line with a one-time password', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: t.dataDir });
    expect(await main(['users', 'create', '--role', 'admin', '--username', 'Ada'], io)).toBe(0);
    const password = /one-time password: (\S+)/.exec(io.stdout.join('\n'))?.[1] ?? '';
    expect(password).toHaveLength(24);
    const first = await post(t, '/v1/auth/login', { login: 'ada', password });
    expect(first.statusCode, first.body).toBe(200);
    const { enrolmentToken, secret, otpauthUri } = first.json<{ enrolmentToken: string; secret: string; otpauthUri: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/lendcore:ada\?/);
    const noPassword = await post(t, '/v1/auth/totp/enrol', { login: 'ada', enrolmentToken, code: totpCodeAt(secret, now()) });
    expect(noPassword.json()).toMatchObject({ status: 422, code: 'PASSWORD_CHANGE_REQUIRED' });
    const wrongCode = await post(t, '/v1/auth/totp/enrol', { login: 'ada', enrolmentToken, code: totpCodeAt(secret, new Date(Date.now() - 600_000)), newPassword: `${STRONG_PASSWORD}-ada` });
    expect(wrongCode.json()).toMatchObject({ status: 401, code: 'INVALID_CODE' });
    const enrolled = await post(t, '/v1/auth/totp/enrol', { login: 'ada', enrolmentToken, code: totpCodeAt(secret, now()), newPassword: `${STRONG_PASSWORD}-ada` });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
    expect(enrolled.json()).toMatchObject({ role: 'admin' });
    admin = enrolled.json();
  });

  it('creates staff who set a password and enrol TOTP at first login', async () => {
    ulf = await staffSession(t, admin.accessToken, 'ulf', 'underwriter', now);
    olga = await staffSession(t, admin.accessToken, 'olga', 'officer', now);
    const list = await get('/v1/users', admin.accessToken);
    expect(list.json<{ items: { username: string; role: string; totpEnrolled: boolean }[] }>().items.map((u) => [u.username, u.role, u.totpEnrolled])).toEqual([
      ['ada', 'admin', true], ['olga', 'officer', true], ['ulf', 'underwriter', true],
    ]);
    expect(list.body).not.toMatch(/passwordHash|totpSecret|scrypt/);
    expect((await post(t, '/v1/users', { username: 'ULF', role: 'officer', contact: 'ulf2@lender.example' }, admin.accessToken)).json()).toMatchObject({ status: 409, code: 'USERNAME_TAKEN' });
  });

  it('names every staff account by user id to any staff role, never to a borrower (the audit trail showed ids compliance could not map)', async () => {
    const names = await t.call(STAFF.compliance, 'GET', '/v1/staff-names');
    expect(names.statusCode, names.body).toBe(200);
    expect(names.json<{ items: { id: string; name: string; role: string }[] }>().items).toEqual([
      { id: admin.userId, name: 'ada', role: 'admin' }, { id: olga.userId, name: 'olga', role: 'officer' }, { id: ulf.userId, name: 'ulf', role: 'underwriter' },
    ]);
    expect(names.body).not.toMatch(/contact|@lender|status|totp/i);
    for (const caller of [STAFF.officer, STAFF.underwriter, STAFF.admin]) expect((await t.call(caller, 'GET', '/v1/staff-names')).statusCode).toBe(200);
    expect((await get('/v1/staff-names', ulf.accessToken)).statusCode).toBe(200);
    expect((await t.call(borrower('c1'), 'GET', '/v1/staff-names')).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await t.call(STAFF.compliance, 'GET', '/v1/staff-names?who=ada')).json()).toMatchObject({ status: 400 });
  });

  it('requires the second factor at every later staff login, and refuses a replayed code', async () => {
    const password = `${STRONG_PASSWORD}-ulf`;
    const without = await post(t, '/v1/auth/login', { login: 'ulf', password });
    expect(without.json()).toMatchObject({ status: 401, code: 'TOTP_REQUIRED' });
    // Enrolment spent the current time step; the authenticator's next code (one step ahead is within tolerance) is fresh.
    const code = totpCodeAt(ulf.secret, new Date(Date.now() + 30_000));
    const withCode = await post(t, '/v1/auth/login', { login: 'ulf', password, totp: code });
    expect(withCode.statusCode, withCode.body).toBe(200);
    expect((await post(t, '/v1/auth/login', { login: 'ulf', password, totp: code })).json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const recovery = ulf.recoveryCodes[0] ?? '';
    expect((await post(t, '/v1/auth/login', { login: 'ulf', password, recoveryCode: recovery })).statusCode).toBe(200);
    expect((await post(t, '/v1/auth/login', { login: 'ulf', password, recoveryCode: recovery })).statusCode).toBe(401);
    ulf = { ...ulf, accessToken: withCode.json<{ accessToken: string }>().accessToken };
  });

  it('lets a staff member with a TOTP login approve, while the person who submitted KYC cannot verify it', async () => {
    const productId = await defineProduct(t, { ...PRODUCT, productId: 'p-staff' });
    const customer = await post(t, '/v1/customers', { name: '王五', nationalId: '110105199001015555', phone: '13600000000' }, olga.accessToken);
    expect(customer.statusCode, customer.body).toBe(201);
    const customerId = customer.json<{ id: string }>().id;
    expect((await post(t, `/v1/customers/${customerId}/kyc`, { monthlyIncome: '30000.00', employer: 'Acme', employmentMonths: 40, bankAccount: '6222020200112345678' }, olga.accessToken)).statusCode).toBe(201);
    const selfCheck = await post(t, `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' }, olga.accessToken);
    expect(selfCheck.json()).toMatchObject({ status: 422, code: 'KYC_FOUR_EYES' });
    expect((await t.call(STAFF.compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' })).statusCode).toBe(201);
    const loan = await post(t, '/v1/loans', { customerId, productId, principal: '50000.00', term: 12, purpose: 'shop' }, olga.accessToken);
    const loanId = loan.json<{ id: string }>().id;
    expect((await post(t, `/v1/loans/${loanId}/assess`, undefined, ulf.accessToken)).statusCode).toBe(201);
    const approved = await post(t, `/v1/loans/${loanId}/approve`, {}, ulf.accessToken);
    expect(approved.statusCode, approved.body).toBe(201);
    const history = await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}/history`);
    const approval = history.json<{ events: { type: string; actor: { sub: string } }[] }>().events.find((e) => e.type === 'LoanApproved');
    expect(approval?.actor.sub).toBe(ulf.userId);
  });

  it('refuses an admin granting itself another role (money-moving or compliance); a role change ends the user\'s sessions', async () => {
    for (const role of ['underwriter', 'officer', 'compliance']) {
      const self = await put(`/v1/users/${admin.userId}/role`, { role }, admin.accessToken);
      expect(self.json(), role).toMatchObject({ status: 422, code: 'SELF_GRANT_REFUSED' });
    }
    expect((await get('/v1/me/preferences', admin.accessToken)).statusCode).toBe(200);
    const changed = await put(`/v1/users/${olga.userId}/role`, { role: 'compliance' }, admin.accessToken);
    expect(changed.json()).toMatchObject({ role: 'compliance' });
    expect((await get('/v1/me/preferences', olga.accessToken)).statusCode).toBe(401);
  });

  it('lets an admin end every session of a user', async () => {
    expect((await get('/v1/me/preferences', ulf.accessToken)).statusCode).toBe(200);
    const res = await del(`/v1/users/${ulf.userId}/sessions`, admin.accessToken);
    expect(res.json<{ revoked: number }>().revoked).toBeGreaterThanOrEqual(1);
    expect((await get('/v1/me/preferences', ulf.accessToken)).statusCode).toBe(401);
  });

  it('disables an account: its login is refused like any wrong password; an admin cannot disable itself', async () => {
    expect((await post(t, `/v1/users/${ulf.userId}/disable`, undefined, admin.accessToken)).json()).toMatchObject({ status: 'disabled' });
    const login = await post(t, '/v1/auth/login', { login: 'ulf', password: `${STRONG_PASSWORD}-ulf`, totp: totpCodeAt(ulf.secret, now()) });
    expect(login.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect((await post(t, `/v1/users/${admin.userId}/disable`, undefined, admin.accessToken)).json()).toMatchObject({ status: 422, code: 'SELF_DISABLE_REFUSED' });
    expect((await post(t, `/v1/users/${ulf.userId}/enable`, undefined, admin.accessToken)).json()).toMatchObject({ status: 'active' });
  });

  it('resets an account: a new one-time password to the person\'s own contact (not to the admin) and TOTP to enrol again', async () => {
    const reset = await post(t, `/v1/users/${ulf.userId}/reset`, undefined, admin.accessToken);
    expect(reset.json()).toMatchObject({ totpEnrolled: false, mustChangePassword: true, contact: 'u***@lender.example' });
    expect(reset.body).not.toMatch(/temporaryPassword/);
    const temporaryPassword = oneTimePasswordFromOutbox(t, staffEmail('ulf'));
    expect((await post(t, '/v1/auth/login', { login: 'ulf', password: temporaryPassword })).json()).toMatchObject({ status: 'totp-enrolment-required' });
    // The first admin was made on the command line, without a contact: nowhere to send a password but the admin.
    expect((await post(t, `/v1/users/${admin.userId}/reset`, undefined, admin.accessToken)).json()).toMatchObject({ status: 422, code: 'STAFF_CONTACT_MISSING' });
  });

  it('keeps console preferences per person, server-side', async () => {
    expect((await get('/v1/me/preferences', admin.accessToken)).json()).toEqual({ theme: 'light', density: 'comfortable', language: 'zh-CN' });
    const saved = await put('/v1/me/preferences', { theme: 'dark', density: 'compact', language: 'en-US' }, admin.accessToken);
    expect(saved.statusCode).toBe(200);
    expect((await get('/v1/me/preferences', admin.accessToken)).json()).toEqual({ theme: 'dark', density: 'compact', language: 'en-US' });
    expect((await put('/v1/me/preferences', { theme: 'neon', density: 'compact', language: 'en-US' }, admin.accessToken)).statusCode).toBe(400);
  });

  it('shows compliance the security events: logins, enrolments, role changes, revocations', async () => {
    const res = await t.call(STAFF.compliance, 'GET', '/v1/security-events?limit=200');
    const types = new Set(res.json<{ items: { type: string }[] }>().items.map((e) => e.type));
    for (const type of ['user.created', 'totp.enrolled', 'password.changed', 'login.succeeded', 'login.failed', 'role.changed', 'session.revoked', 'user.disabled', 'password.reset']) {
      expect(types, type).toContain(type);
    }
    const roleChange = await t.call(STAFF.compliance, 'GET', `/v1/security-events?type=role.changed&userId=${olga.userId}`);
    expect(roleChange.json()).toMatchObject({ items: [{ type: 'role.changed', actor: admin.userId, detail: 'officer → compliance' }], nextCursor: null });
  });
});
