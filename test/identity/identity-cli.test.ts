import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { captureIo } from '../cli/cli-io.js';

const dir = mkdtempSync(path.join(tmpdir(), 'identity-cli-'));
const env = { LENDCORE_DATA_DIR: dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lendcore users and outbox', () => {
  it('says there are no staff accounts yet rather than printing nothing (QA)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'identity-cli-empty-'));
    try {
      const io = captureIo({ LENDCORE_DATA_DIR: empty });
      expect(await main(['users', 'list'], io)).toBe(0);
      expect(io.stdout).toEqual(['no staff accounts yet: create the first administrator with lendcore users create --role admin --username <name>']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('creates a staff account with a given strong password, lists it, and ends its sessions', async () => {
    const io = captureIo(env);
    expect(await main(['users', 'create', '--role', 'compliance', '--username', 'Chen', '--password', 'velvet-harbour-quantum-87'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^created compliance chen \(/);
    expect(io.stdout.join('\n')).not.toContain('one-time password');
    const list = captureIo(env);
    expect(await main(['users', 'list'], list)).toBe(0);
    expect(list.stdout.join('\n')).toMatch(/chen\s+compliance\s+active\s+no-totp/);
    const revoke = captureIo(env);
    expect(await main(['users', 'revoke-sessions', '--username', 'CHEN'], revoke)).toBe(0);
    expect(revoke.stdout).toEqual(['revoked 0 session(s) of chen']);
  });

  it.each([
    [['users', 'create', '--role', 'root', '--username', 'x'], 2, '--role must be one of'],
    [['users', 'create', '--role', 'admin'], 2, '--username is required'],
    [['users', 'promote'], 2, 'expected create, list or revoke-sessions'],
    [['users', 'create', '--role', 'admin', '--username', 'ada', '--password', 'password123'], 1, 'too easy to guess'],
    [['users', 'create', '--role', 'admin', '--username', 'chen'], 1, 'taken'],
  ])('refuses %j', async (argv, code, message) => {
    const io = captureIo(env);
    expect(await main(argv, io)).toBe(code);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('lists the outbox, newest first, filtered by recipient', async () => {
    const identity = IdentityStore.open(dir);
    identity.outbox.enqueue({ channel: 'sms', recipient: '13812341234', subject: 'Your lendcore verification code', body: 'Your verification code is 123456.', createdAt: '2026-03-01T10:00:00.000Z' });
    identity.close();
    const io = captureIo(env);
    expect(await main(['outbox', '--to', '138-1234-1234'], io)).toBe(0);
    expect(io.stdout).toEqual(['2026-03-01T10:00:00.000Z  sms    13812341234  pending    Your lendcore verification code: Your verification code is 123456.']);
    const none = captureIo(env);
    expect(await main(['outbox', '--to', 'nobody@example.com'], none)).toBe(0);
    expect(none.stdout).toEqual(['the outbox is empty']);
  });
});
