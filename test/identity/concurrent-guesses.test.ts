import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityContext } from '../../src/identity/identity-context.js';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { login } from '../../src/identity/login.js';
import { hashPassword } from '../../src/identity/passwords.js';
import { TEST_SCRYPT } from '../support/test-app.js';
import { STRONG_PASSWORD } from './identity-steps.js';

const dir = mkdtempSync(path.join(tmpdir(), 'guesses-'));
const identity = IdentityStore.open(dir);
// One fixed instant: every attempt below arrives "together", whatever the machine's speed, so the counts are exact.
const NOW = new Date('2026-03-01T10:00:00Z');
// Login and lockout touch only the identity file, the token key and the clock; the command side is never reached.
const ctx = { identity, jwtSecret: randomBytes(32), clock: { now: () => NOW }, passwordParams: TEST_SCRYPT } as unknown as IdentityContext;

beforeAll(async () => {
  const passwordHash = await hashPassword(STRONG_PASSWORD, TEST_SCRYPT);
  for (const phone of ['13800000001', '13800000002']) {
    identity.users.insert({ id: `user-${phone}`, login: phone, kind: 'borrower', role: 'borrower', passwordHash, status: 'active', customerId: `c-${phone}`, mustChangePassword: false, createdAt: NOW.toISOString() });
  }
});
afterAll(() => (identity.close(), rmSync(dir, { recursive: true, force: true })));

const outcome = (p: Promise<unknown>) => p.then(() => 'session', (e: { code?: string }) => e.code ?? 'error');
const failures = (userId: string) => identity.securityLog.list({ type: 'login.failed', limit: 200 }).filter((e) => e.userId === userId);

describe('password guesses sent together', () => {
  it('checks at most four of forty passwords (3 free, then the 1 s delay) and locks the account at the tenth', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => outcome(login(ctx, { login: i % 2 ? '13800000001' : ' 138 0000 0001', password: `wrong-${i}` }, `198.51.100.${i}`)));
    expect(new Set(await Promise.all(guesses))).toEqual(new Set(['INVALID_CREDENTIALS']));
    const details = failures('user-13800000001').map((e) => e.detail);
    expect(details.filter((d) => d === 'password')).toHaveLength(4);
    expect(details.filter((d) => d === 'blocked')).toHaveLength(36);
    expect(identity.securityLog.list({ type: 'login.locked', limit: 10 }).filter((e) => e.userId === 'user-13800000001')).toHaveLength(1);
    expect(await outcome(login(ctx, { login: '13800000001', password: STRONG_PASSWORD }, '198.51.100.99'))).toBe('INVALID_CREDENTIALS');
  });

  it('lets the right password in among free failures in flight, and gives its counted attempt back', async () => {
    const attempts = ['wrong-a', 'wrong-b', STRONG_PASSWORD, 'wrong-c'].map((password) => outcome(login(ctx, { login: '13800000002', password }, '198.51.100.200')));
    expect(await Promise.all(attempts)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'session', 'INVALID_CREDENTIALS']);
    expect(failures('user-13800000002').map((e) => e.detail)).toEqual(['password', 'password', 'password']);
  });
});
