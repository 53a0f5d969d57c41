import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapKey } from '../../src/vault/key-wrap.js';
import { SqliteKeyStore } from '../../src/vault/sqlite-key-store.js';
import { CUSTOMER, command } from '../api/queries/journey.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';

/** Every file under `dir` (recursively) that contains `needle`. */
function filesHolding(dir: string, needle: Buffer): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...filesHolding(file, needle));
    else if (readFileSync(file).includes(needle)) found.push(name);
  }
  return found;
}

function storedKey(keysFile: string, customerId: string): Buffer {
  const db = new Database(keysFile, { readonly: true });
  const row = db.prepare('SELECT wrapped FROM data_keys WHERE customer_id = ?').get(customerId) as { wrapped: Buffer | null };
  db.close();
  if (row.wrapped === null) throw new Error('no key stored');
  return row.wrapped;
}

describe('erasing a customer leaves no copy of its data key in the data dir', () => {
  let t: TestApp;
  beforeAll(async () => (t = await openTestApp()));
  afterAll(() => t.close());

  it('finds the wrapped and the plain key before DELETE /v1/customers/:id/pii, and neither after', async () => {
    await command(t, STAFF.officer, 'POST', '/v1/customers', { customerId: 'c1', ...CUSTOMER });
    const keysFile = path.join(t.dataDir, 'keys.db');
    const wrapped = storedKey(keysFile, 'c1');
    const masterKey = Buffer.from(readFileSync(path.join(t.dataDir, 'master.key'), 'utf8').trim(), 'base64');
    const plain = unwrapKey(masterKey, 'c1', wrapped);
    expect(filesHolding(t.dataDir, wrapped).length).toBeGreaterThan(0);

    const erased = await t.call(STAFF.compliance, 'DELETE', '/v1/customers/c1/pii', { reason: 'right to erasure' });
    expect(erased.statusCode, erased.body).toBe(201);
    expect(filesHolding(t.dataDir, wrapped)).toEqual([]);
    expect(filesHolding(t.dataDir, plain)).toEqual([]);
    expect((await t.call(STAFF.compliance, 'GET', '/v1/customers/c1')).json()).toMatchObject({ profile: { name: '[erased]', phone: '[erased]' } });
  });

  it('scrubs the WAL on the next open when the process died between the erasure and its checkpoint', async () => {
    const file = path.join(t.dataDir, 'crash-keys.db');
    const masterKey = Buffer.alloc(32, 9);
    const store = SqliteKeyStore.open({ path: file, masterKey });
    await store.createKey('c2');
    await store.close();
    const wrapped = storedKey(file, 'c2');
    // The erasing process: committed the destruction, then died before truncating the WAL (never closed).
    const dying = new Database(file);
    dying.pragma('secure_delete = ON');
    dying.prepare('UPDATE data_keys SET wrapped = NULL WHERE customer_id = ?').run('c2');
    // The committed page without the key sits in the WAL; the database file still has the old page.
    expect(filesHolding(t.dataDir, wrapped)).toEqual(['crash-keys.db']);

    const restarted = SqliteKeyStore.open({ path: file, masterKey });
    expect(filesHolding(t.dataDir, wrapped)).toEqual([]);
    expect(await restarted.getKey('c2')).toBeNull();
    await restarted.close();
    dying.close();
  });
});
