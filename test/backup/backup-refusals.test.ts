import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { SqliteKeyStore } from '../../src/vault/sqlite-key-store.js';
import { captureIo } from '../cli/cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A small data dir a backup can be taken of: master key, key store and a log of a few events, checkpointed out of its WAL. */
async function dataDir(): Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'backup-refusals-'));
  dirs.push(scratch);
  const dir = path.join(scratch, 'data');
  const masterKey = randomBytes(32);
  const store = await openEventStore(loadConfig({ LENDCORE_DATA_DIR: dir }));
  const event = (n: number) => ({
    type: 'CustomerFlagged',
    data: { flag: 'aml', reason: `hit ${n}` },
    occurredAt: '2025-03-01T10:00:00.000Z',
    actor: { sub: 'officer-1', role: 'officer' as const },
    correlationId: `corr-${n}`,
  });
  await store.append('customer-1', [event(0), event(1)], 'no_stream');
  await store.close();
  writeFileSync(path.join(dir, 'master.key'), masterKey.toString('base64'));
  await SqliteKeyStore.open({ path: path.join(dir, 'keys.db'), masterKey }).close();
  const log = new Database(path.join(dir, 'lendcore.db'));
  log.pragma('wal_checkpoint(TRUNCATE)');
  log.close();
  return dir;
}

const run = async (dir: string, ...argv: string[]) => {
  const io = captureIo({ LENDCORE_DATA_DIR: dir });
  return { code: await main(argv, io), io };
};

describe('lendcore backup refuses what it cannot do', () => {
  it('a log failing its integrity check: exit 1 naming the file, nothing written (QA: "backup written", exit 0, a backup that would not restore)', async () => {
    const dir = await dataDir();
    const logFile = path.join(dir, 'lendcore.db');
    const bytes = readFileSync(logFile);
    bytes.writeUInt8(bytes.readUInt8(20) ^ 0x01, 20); // the header's reserved-space byte: every page reads as malformed
    writeFileSync(logFile, bytes);
    const target = path.join(path.dirname(dir), 'backup');
    const { code, io } = await run(dir, 'backup', target);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toContain(`${logFile} (the event log) fails its integrity check`);
    expect(code).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  it('an intact log still backs up (the check passes)', async () => {
    const dir = await dataDir();
    const target = path.join(path.dirname(dir), 'backup');
    const { code, io } = await run(dir, 'backup', target);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(target)).toContain('manifest.json');
  });

  it.runIf(existsSync('/proc/self'))('a target under /proc fails at once (QA: hung for ever in a recursive mkdir)', async () => {
    const dir = await dataDir();
    const { code, io } = await run(dir, 'backup', '/proc/lendcore-backup-test');
    expect(io.stderr.join('\n')).toContain('cannot create the backup folder /proc/lendcore-backup-test');
    expect(code).toBe(1);
  }, 10_000);

  it('a target whose parent is missing or a file fails with a sentence naming it; an empty path is bad usage', async () => {
    const dir = await dataDir();
    const missing = path.join(path.dirname(dir), 'no-such', 'backup');
    const noParent = await run(dir, 'backup', missing);
    expect(noParent.io.stderr.join('\n')).toContain(`${path.dirname(missing)} does not exist`);
    expect(noParent.code).toBe(1);
    const file = path.join(path.dirname(dir), 'a-file');
    writeFileSync(file, 'x');
    const underFile = await run(dir, 'backup', path.join(file, 'backup'));
    expect(underFile.io.stderr.join('\n')).toContain(`${file} is not a folder`);
    expect(underFile.code).toBe(1);
    const empty = await run(dir, 'backup', '');
    expect(empty.io.stderr.join('\n')).toContain('the backup folder is empty');
    expect(empty.code).toBe(2);
  });
});
