import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordedInClear } from '../../src/domain/customer/recorded-in-clear.js';
import { KeyDestroyedError, type KeyStore } from '../../src/vault/key-store.js';
import { MemoryKeyStore } from '../../src/vault/memory-key-store.js';
import { ERASED, PiiVault, SealBrokenError } from '../../src/vault/pii-vault.js';
import { SqliteKeyStore } from '../../src/vault/sqlite-key-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function sqliteStore(masterKey = randomBytes(32), dir = mkdtempSync(path.join(tmpdir(), 'vault-'))): SqliteKeyStore {
  dirs.push(dir);
  return SqliteKeyStore.open({ path: path.join(dir, 'keys.db'), masterKey });
}

const stores: [string, () => KeyStore][] = [
  ['memory', () => new MemoryKeyStore()],
  ['sqlite', () => sqliteStore()],
];

describe.each(stores)('PiiVault over the %s key store', (_name, makeStore) => {
  it('opens what it sealed, with a fresh IV each time', async () => {
    const vault = new PiiVault(makeStore());
    const a = await vault.seal('c1', '张三丰');
    const b = await vault.seal('c1', '张三丰');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await vault.open('c1', a)).toBe('张三丰');
  });

  it('opens a value KycSubmitted v1 recorded in clear (v0) only while the customer\'s key exists', async () => {
    const vault = new PiiVault(makeStore());
    await vault.seal('c1', 'Acme Ltd');
    expect(await vault.open('c1', recordedInClear('Acme Ltd'))).toBe('Acme Ltd');
    await vault.erase('c1');
    expect(await vault.reveal('c1', recordedInClear('Acme Ltd'))).toBe(ERASED);
  });

  it('refuses tampered ciphertext', async () => {
    const vault = new PiiVault(makeStore());
    const sealed = await vault.seal('c1', '110105199001011234');
    const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(vault.open('c1', [v, iv, tag, flipped.toString('base64url')].join('.'))).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.open('c1', 'v2.a.b.c')).rejects.toBeInstanceOf(SealBrokenError);
    await expect(vault.open('c1', 'garbage')).rejects.toBeInstanceOf(SealBrokenError);
  });

  it("will not open a value with another customer's key", async () => {
    const vault = new PiiVault(makeStore());
    const sealed = await vault.seal('c1', 'secret');
    await vault.seal('c2', 'other');
    await expect(vault.open('c2', sealed)).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('returns null after erasure, shows [erased], and never re-creates the key', async () => {
    const vault = new PiiVault(makeStore());
    const sealed = await vault.seal('c1', 'secret');
    await vault.erase('c1');
    expect(await vault.open('c1', sealed)).toBeNull();
    expect(await vault.reveal('c1', sealed)).toBe(ERASED);
    expect(await vault.reveal('c1', null)).toBeNull();
    await expect(vault.seal('c1', 'again')).rejects.toBeInstanceOf(KeyDestroyedError);
  });

  it('returns null for a customer that never had a key', async () => {
    expect(await new PiiVault(makeStore()).open('nobody', 'v1.a.b.c')).toBeNull();
  });
});

describe('SqliteKeyStore', () => {
  it('keeps keys across reopen, wrapped by the master key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vault-'));
    const master = randomBytes(32);
    const first = sqliteStore(master, dir);
    const sealed = await new PiiVault(first).seal('c1', 'secret');
    await first.close();
    const reopened = sqliteStore(master, dir);
    expect(await new PiiVault(reopened).open('c1', sealed)).toBe('secret');
    await reopened.close();
    expect(() => sqliteStore(randomBytes(32), dir)).toThrow(/keys\.db: the master key does not open this key store/);
  });
});
