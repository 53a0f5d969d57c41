import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { oneTimePasswordFromOutbox, post, staffEmail, staffSession } from './identity-steps.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await openTestApp();
  adminToken = (await t.auth(STAFF.admin)).authorization?.slice('Bearer '.length) ?? '';
});
afterAll(() => t.close());

describe('an administrator cannot move money through accounts it makes', () => {
  it('never sees the one-time password of an account it creates: it goes to the person\'s own contact', async () => {
    const created = await post(t, '/v1/users', { username: 'olga', role: 'officer', contact: '+86 138-0000-7777' }, adminToken);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: 'olga', role: 'officer', contact: '138****7777', mustChangePassword: true });
    const password = oneTimePasswordFromOutbox(t, '13800007777');
    expect(created.body).not.toContain(password);
    const [message] = t.runtime.identity.outbox.list({ recipient: '13800007777', limit: 1 });
    expect(message).toMatchObject({ channel: 'sms' });
    const list = await t.runtime.app.inject({ method: 'GET', url: '/v1/users', headers: { authorization: `Bearer ${adminToken}` } });
    expect(list.json<{ items: { username: string; contact: string | null }[] }>().items).toEqual([expect.objectContaining({ username: 'olga', contact: '138****7777' })]);
    expect(list.body).not.toContain(password);
    const [event] = t.runtime.identity.securityLog.list({ type: 'user.created', limit: 1 });
    expect(event?.detail).toBe('role officer; one-time password sent to 138****7777');
    expect(JSON.stringify(t.runtime.identity.securityLog.list({ limit: 50 }))).not.toContain(password);
  });

  it('cannot choose the password itself, nor create an account without a contact or with a contact another account has', async () => {
    const chosen = await post(t, '/v1/users', { username: 'uwe', role: 'underwriter', contact: 'uwe@lender.example', password: 'velvet-harbour-quantum-87' }, adminToken);
    expect(chosen.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await post(t, '/v1/users', { username: 'uwe', role: 'underwriter' }, adminToken)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await post(t, '/v1/users', { username: 'uwe', role: 'underwriter', contact: 'not a contact' }, adminToken)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    // One mailbox, one account: an admin cannot route a second account's password to a contact it already uses.
    const shared = await post(t, '/v1/users', { username: 'uwe', role: 'underwriter', contact: '13800007777' }, adminToken);
    expect(shared.json()).toMatchObject({ status: 409, code: 'CONTACT_TAKEN' });
    expect(t.runtime.identity.users.byLogin('uwe')).toBeNull();
  });

  it('sends a reset\'s one-time password to the person too, and the person signs in with it', async () => {
    const oscar = await staffSession(t, adminToken, 'oscar', 'officer', () => new Date());
    const reset = await post(t, `/v1/users/${oscar.userId}/reset`, undefined, adminToken);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.body).not.toMatch(/temporaryPassword/);
    const password = oneTimePasswordFromOutbox(t, staffEmail('oscar'));
    expect(reset.body).not.toContain(password);
    expect((await post(t, '/v1/auth/login', { login: 'oscar', password })).json()).toMatchObject({ status: 'totp-enrolment-required', mustChangePassword: true });
  });
});
