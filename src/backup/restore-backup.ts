import { IDENTITY_DB_FILE } from '../identity/identity-db.js';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { copyFile, chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MASTER_KEY_FILE } from '../config/secrets.js';
import { CHECKPOINTS_FILE } from '../integrity/checkpoint-store.js';
import { macMatches } from '../integrity/record-mac.js';
import { SIGNING_KEY_FILE } from '../integrity/integrity-keys.js';
import { SqliteKeyStore } from '../vault/sqlite-key-store.js';
import { BACKUP_FILES, describeFile, MANIFEST_FILE, manifestMac, manifestSchema, type BackupManifest } from './manifest.js';
import { openSealedFile } from './sealed-file.js';

export interface RestoreTarget {
  dataDir: string;
  logFile: string;
  readModelsFile: string;
  masterKey: Buffer;
  /** True when LENDCORE_SIGNING_KEY is set: the backup's signing key is then not written. */
  signingKeyFromEnv: boolean;
  /** Restore a version-1 manifest (no MAC: a backup taken before stop 37), an operator's decision; refused otherwise. */
  acceptUnauthenticatedManifest?: boolean;
}

/** Files a data dir may already hold before a restore: the master key the operator put back, and its generated JWT secret. */
const ALLOWED_BEFORE_RESTORE = new Set([MASTER_KEY_FILE, 'jwt-secret']);

/**
 * Restores a backup folder into an empty data dir: checks the manifest (every file's size and
 * sha256) first, then writes each file 0600, unsealing the key store and signing key with the
 * master key, and opens the key store once to check its key-check value. Throws a sentence naming
 * the file on any mismatch; the caller then runs verify.
 */
export async function restoreBackup(backupDir: string, target: RestoreTarget): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir, target);
  await mkdir(target.dataDir, { recursive: true, mode: 0o700 });
  await chmod(target.dataDir, 0o700);
  const present = (await readdir(target.dataDir)).filter((name) => !ALLOWED_BEFORE_RESTORE.has(name));
  if (present.length > 0) throw new Error(`${target.dataDir} is not empty (${present.join(', ')}): restore into an empty data dir`);
  for (const logPart of [target.logFile, target.readModelsFile]) {
    if (existsSync(logPart)) throw new Error(`${logPart} already exists: restore into an empty data dir`);
  }
  const has = (name: string) => manifest.files.some((file) => file.name === name);
  await copyPrivate(path.join(backupDir, BACKUP_FILES.log), target.logFile);
  requireLogEndsAt(target.logFile, BigInt(manifest.position));
  if (has(BACKUP_FILES.checkpoints)) await copyPrivate(path.join(backupDir, BACKUP_FILES.checkpoints), path.join(target.dataDir, CHECKPOINTS_FILE));
  if (has(BACKUP_FILES.readModels)) await copyPrivate(path.join(backupDir, BACKUP_FILES.readModels), target.readModelsFile);
  const keysFile = path.join(target.dataDir, 'keys.db');
  await writeFile(keysFile, openSealedFile(target.masterKey, BACKUP_FILES.keys, await readFile(path.join(backupDir, BACKUP_FILES.keys))), { mode: 0o600, flag: 'wx' });
  if (has(BACKUP_FILES.signingKey) && !target.signingKeyFromEnv) {
    const seed = openSealedFile(target.masterKey, BACKUP_FILES.signingKey, await readFile(path.join(backupDir, BACKUP_FILES.signingKey)));
    await writeFile(path.join(target.dataDir, SIGNING_KEY_FILE), seed, { mode: 0o600, flag: 'wx' });
  }
  if (has(BACKUP_FILES.accounts)) {
    const accounts = openSealedFile(target.masterKey, BACKUP_FILES.accounts, await readFile(path.join(backupDir, BACKUP_FILES.accounts)));
    await writeFile(path.join(target.dataDir, IDENTITY_DB_FILE), accounts, { mode: 0o600, flag: 'wx' });
  }
  if (has(BACKUP_FILES.blindIndex)) await copyPrivate(path.join(backupDir, BACKUP_FILES.blindIndex), path.join(target.dataDir, BACKUP_FILES.blindIndex));
  // Throws WrongMasterKeyError naming keys.db if the key does not fit; also turns the copy back into a WAL-mode store.
  await SqliteKeyStore.open({ path: keysFile, masterKey: target.masterKey }).close();
  return manifest;
}

async function readManifest(backupDir: string, target: RestoreTarget): Promise<BackupManifest> {
  const file = path.join(backupDir, MANIFEST_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: not readable (${(error as Error).message}); is ${backupDir} a lendcore backup?`);
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw new Error(`${file}: not a lendcore-backup manifest`);
  await requireAuthentic(manifest.data, file, backupDir, target);
  for (const expected of manifest.data.files) {
    if (!existsSync(path.join(backupDir, expected.name))) throw new Error(`${path.join(backupDir, expected.name)} is missing from the backup`);
    const actual = await describeFile(backupDir, expected.name);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new Error(`${path.join(backupDir, expected.name)} does not match the manifest (size or sha256): the backup is damaged`);
    }
  }
  if (!manifest.data.files.some((f) => f.name === BACKUP_FILES.log) || !manifest.data.files.some((f) => f.name === BACKUP_FILES.keys)) {
    throw new Error(`${file}: the backup lacks the log or the key store`);
  }
  return manifest.data;
}

/**
 * The manifest's MAC holds under the master key (manifest.ts `manifestMac`), checked before any
 * file is trusted by its sum; a version-1 manifest has none and is restored only when the operator
 * says so. A MAC that fails under a key that does not open the sealed key store is a wrong master
 * key, named as such.
 */
async function requireAuthentic(manifest: BackupManifest, file: string, backupDir: string, target: RestoreTarget): Promise<void> {
  if (manifest.mac === undefined) {
    if (manifest.format === 'lendcore-backup/1' && target.acceptUnauthenticatedManifest === true) return;
    throw new Error(`${file}: the manifest carries no MAC (${manifest.format}), so an edited backup could not be told from this one; restore it only if you trust the folder, with --unauthenticated-manifest`);
  }
  if (macMatches(manifest.mac, manifestMac(target.masterKey, manifest))) return;
  // Throws "the master key does not open it" when the key is another one.
  openSealedFile(target.masterKey, BACKUP_FILES.keys, await readFile(path.join(backupDir, BACKUP_FILES.keys)));
  throw new Error(`${file}: its MAC does not hold under this master key: the manifest was edited after the backup was taken`);
}

/** The copied log ends at the position the manifest recorded: a log cut short (streams deleted from the copy) is refused. */
function requireLogEndsAt(logFile: string, position: bigint): void {
  const db = new Database(logFile, { readonly: true, fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    const head = db.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events').get()?.position ?? 0n;
    if (head !== position) throw new Error(`${logFile}: the log ends at position ${head}, the manifest recorded ${position}: the backup's log was altered`);
  } finally {
    db.close();
  }
}

async function copyPrivate(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await copyFile(source, target);
  await chmod(target, 0o600);
}
