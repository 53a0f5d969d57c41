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
      expect(throttle.reserve(key, POLICY, at(0))).toEqual({ blocked: false, locked: false });
      expect(throttle.isBlocked(key, at(0))).toBe(false);
    }
    throttle.reserve(key, POLICY, at(0)); // 4th: 1 s
    expect(throttle.isBlocked(key, at(999))).toBe(true);
    expect(throttle.isBlocked(key, at(1_000))).toBe(false);
    throttle.reserve(key, POLICY, at(1_000)); // 5th: 2 s
    expect(throttle.isBlocked(key, at(2_999))).toBe(true);
    expect(throttle.isBlocked(key, at(3_000))).toBe(false);
    expect(throttle.reserve(key, POLICY, at(3_000))).toEqual({ blocked: false, locked: true }); // 6th: locked for lockMs
    expect(throttle.isBlocked(key, at(3_000 + POLICY.lockMs - 1))).toBe(true);
    expect(throttle.isBlocked(key, at(3_000 + POLICY.lockMs))).toBe(false);
  });

  it('says an attempt was blocked when it arrives inside the delay, and still counts it', () => {
    const throttle = new LoginThrottle(db);
    for (let i = 0; i < 4; i++) throttle.reserve('login:d', POLICY, at(0)); // 4th: blocked 1 s
    expect(throttle.reserve('login:d', POLICY, at(500))).toEqual({ blocked: true, locked: false }); // 5th
    expect(throttle.reserve('login:d', POLICY, at(600))).toEqual({ blocked: true, locked: true }); // 6th locks
  });

  it('gives a failure back for an attempt whose password was right: the delay it caused goes with it', () => {
    const throttle = new LoginThrottle(db);
    for (let i = 0; i < 3; i++) throttle.reserve('login:e', POLICY, at(0));
    throttle.reserve('login:e', POLICY, at(0)); // the 4th attempt, reserved before its password is checked
    expect(throttle.isBlocked('login:e', at(10))).toBe(true);
    throttle.giveBack('login:e', POLICY);
    expect(throttle.isBlocked('login:e', at(10))).toBe(false);
    throttle.reserve('login:e', POLICY, at(20)); // a real 4th failure still blocks
    expect(throttle.isBlocked('login:e', at(30))).toBe(true);
  });

  it('forgets failures after a quiet lockMs, and on clear()', () => {
    const throttle = new LoginThrottle(db);
    for (let i = 0; i < 5; i++) throttle.reserve('login:b', POLICY, at(0));
    throttle.reserve('login:b', POLICY, at(POLICY.lockMs));
    expect(throttle.isBlocked('login:b', at(POLICY.lockMs))).toBe(false);
    for (let i = 0; i < 5; i++) throttle.reserve('login:c', POLICY, at(0));
    throttle.clear('login:c');
    expect(throttle.isBlocked('login:c', at(0))).toBe(false);
  });
});
