import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openIdentityDb, scrubIdentityDb } from '../../src/identity/identity-db.js';
import { OneTimeCodes } from '../../src/identity/one-time-codes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'identity-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHONE = Buffer.from('13944445555', 'utf8');
const holds = (file: string, needle: Buffer) => readFileSync(file).includes(needle);

describe('users.db leaves no deleted row readable', () => {
  it('rewrites once, on open, a file written before secure_delete whose free space still holds a deleted row', () => {
    const file = path.join(dir, 'old-users.db');
    const before = new Database(file);
    before.exec("CREATE TABLE login_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_at TEXT NOT NULL, blocked_until TEXT)");
    before.prepare('INSERT INTO login_failures VALUES (?, 1, ?, NULL)').run(`login:${PHONE.toString()}`, '2026-01-01T00:00:00.000Z');
    before.prepare('DELETE FROM login_failures').run();
    before.close();
    expect(holds(file, PHONE)).toBe(true);

    const db = openIdentityDb(file);
    expect(holds(file, PHONE)).toBe(false);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses to call the WAL scrubbed while another connection\'s read keeps it from being truncated', () => {
    const file = path.join(dir, 'users.db');
    const db = openIdentityDb(file);
    db.pragma('busy_timeout = 0');
    db.prepare("INSERT INTO preferences (subject, document) VALUES ('u1', '{}')").run();
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM preferences').get();
    expect(() => scrubIdentityDb(db)).toThrow(/users\.db-wal could not be truncated/);
    reader.exec('COMMIT');
    reader.close();
    expect(() => scrubIdentityDb(db)).not.toThrow();
    db.close();
  });
});

describe('users.db written before codes counted tries per window', () => {
  it('adds the window columns on open; a code issued before keeps its wrong tries when one is sent again within its lifetime', () => {
    const file = path.join(dir, 'codes-before-windows.db');
    const before = new Database(file);
    before.exec('CREATE TABLE one_time_codes (user_id TEXT NOT NULL, purpose TEXT NOT NULL, code_hash TEXT NOT NULL, expires_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user_id, purpose))');
    before.prepare("INSERT INTO one_time_codes VALUES ('u1', 'reset', 'x', '2026-01-01T00:15:00.000Z', 5)").run();
    before.close();

    const db = openIdentityDb(file);
    const codes = new OneTimeCodes(db);
    expect(codes.issueToSend('u1', 'reset', '123456', new Date('2026-01-01T00:25:00.000Z'), new Date('2026-01-01T00:10:00.000Z'))).toBe(false);
    expect(codes.issueToSend('u1', 'reset', '123456', new Date('2026-01-01T00:31:00.000Z'), new Date('2026-01-01T00:16:00.000Z'))).toBe(true);
    db.close();
  });
});
