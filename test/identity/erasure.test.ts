import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_THROTTLE } from '../../src/identity/login-throttle.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { borrowerSession, post, STRONG_PASSWORD } from './identity-steps.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

/** The identity files (`users.db` and its `-wal`, `-shm`) whose raw bytes contain `needle`. */
function identityFilesHolding(needle: string): string[] {
  return readdirSync(t.dataDir)
    .filter((name) => name.startsWith('users.db'))
    .filter((name) => readFileSync(path.join(t.dataDir, name)).includes(Buffer.from(needle, 'utf8')));
}

/** Keys of the failed-login counters (`login_failures`) that contain `needle`, sorted. */
function failedLoginKeysHolding(needle: string): string[] {
  const db = new Database(path.join(t.dataDir, 'users.db'), { readonly: true });
  try {
    return (db.prepare('SELECT key FROM login_failures ORDER BY key').pluck().all() as string[]).filter((key) => key.includes(needle));
  } finally {
    db.close();
  }
}

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

  it('leaves its phone nowhere in users.db: no failed-login key, no deleted row readable in the file or its WAL', async () => {
    const phone = '13922223333';
    const session = await borrowerSession(t, phone);
    expect((await post(t, '/v1/auth/login', { login: phone, password: 'not-the-password-1' })).statusCode).toBe(401);
    // A counter keyed by a spelling logins had before the national form (QA9 Q4), left from then.
    t.runtime.identity.throttle.reserve(`login:+86${phone}`, ACCOUNT_THROTTLE, new Date());
    expect(failedLoginKeysHolding(phone)).toEqual([`login:+86${phone}`, `login:${phone}`]);
    expect(identityFilesHolding(phone).length).toBeGreaterThan(0);

    const erased = await t.call(STAFF.compliance, 'DELETE', `/v1/customers/${session.customerId}/pii`, { reason: 'PIPL request' });
    expect(erased.statusCode, erased.body).toBe(201);

    expect(failedLoginKeysHolding(phone)).toEqual([]);
    expect(identityFilesHolding(phone)).toEqual([]);
  });
});
