import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIdentityDb } from '../../src/identity/identity-db.js';
import { LoginThrottle, type ThrottlePolicy } from '../../src/identity/login-throttle.js';

const dir = mkdtempSync(path.join(tmpdir(), 'throttle-'));
const db = openIdentityDb(path.join(dir, 'users.db'));
afterAll(() => (db.close(), rmSync(dir, { recursive: true, force: true })));

const POLICY: ThrottlePolicy = { freeFailures: 3, lockAfter: 6, lockMs: 15 * 60_000 };
const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms);

describe('LoginThrottle', () => {
  it('lets the first failures through, then blocks for a doubling delay, then locks', () => {
    const throttle = new LoginThrottle(db);
    const key = 'login:a';
    for (let i = 1; i <= 3; i++) {
      expect(throttle.fail(key, POLICY, at(0))).toBe(false);
      expect(throttle.isBlocked(key, at(0))).toBe(false);
    }
    throttle.fail(key, POLICY, at(0)); // 4th: 1 s
    expect(throttle.isBlocked(key, at(999))).toBe(true);
    expect(throttle.isBlocked(key, at(1_000))).toBe(false);
    throttle.fail(key, POLICY, at(1_000)); // 5th: 2 s
    expect(throttle.isBlocked(key, at(2_999))).toBe(true);
    expect(throttle.isBlocked(key, at(3_000))).toBe(false);
    expect(throttle.fail(key, POLICY, at(3_000))).toBe(true); // 6th: locked for lockMs
    expect(throttle.isBlocked(key, at(3_000 + POLICY.lockMs - 1))).toBe(true);
    expect(throttle.isBlocked(key, at(3_000 + POLICY.lockMs))).toBe(false);
  });

  it('forgets failures after a quiet lockMs, and on clear()', () => {
    const throttle = new LoginThrottle(db);
    for (let i = 0; i < 5; i++) throttle.fail('login:b', POLICY, at(0));
    throttle.fail('login:b', POLICY, at(POLICY.lockMs));
    expect(throttle.isBlocked('login:b', at(POLICY.lockMs))).toBe(false);
    for (let i = 0; i < 5; i++) throttle.fail('login:c', POLICY, at(0));
    throttle.clear('login:c');
    expect(throttle.isBlocked('login:c', at(0))).toBe(false);
  });
});
