import { access, chmod, constants, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IDENTITY_DB_FILE } from '../identity/identity-db.js';
import { CHECKPOINTS_FILE } from '../integrity/checkpoint-store.js';
import { openLogReader } from '../integrity/open-log-reader.js';
import { quickCheckProblems } from '../integrity/quick-check.js';
import { SIGNING_KEY_FILE } from '../integrity/integrity-keys.js';
import { BACKUP_FILES, describeFile, MANIFEST_FILE, MANIFEST_FORMAT, manifestMac, type BackupManifest } from './manifest.js';
import { sealFile } from './sealed-file.js';

export interface BackupSources {
  logFile: string;
  dataDir: string;
  /** The read-model file, when they should be copied too (else they are rebuilt after restore). */
  readModelsFile: string | null;
  masterKey: Buffer;
}

/**
 * Copies a running installation into `dir` (created, must be empty): the log and the checkpoints
 * through SQLite's online backup API (a consistent copy while appends go on), then the key store
 * and the signing key sealed under the master key, read models if asked, and a manifest of sizes
 * and sha256. The key store is copied after the log, so every customer in the log copy has its key.
 * A log failing `PRAGMA quick_check` is refused before anything is written (the online copy
 * carries a damaged file over page by page, and restore could not use it), and every SQLite copy
 * is checked the same way before the manifest is written.
 */
export async function takeBackup(sources: BackupSources, dir: string, now: Date): Promise<BackupManifest> {
  assertIntact(sources.logFile, 'the event log', 'stop writes, keep a copy of it and restore the data dir from the last good backup (`lendcore restore`, docs/operations.md); this backup would not restore');
  await makeTarget(dir);
  await chmod(dir, 0o700);
  const names: string[] = [];
  const position = await copyDatabase(sources.logFile, path.join(dir, BACKUP_FILES.log), true);
  names.push(BACKUP_FILES.log);
  const checkpoints = path.join(sources.dataDir, CHECKPOINTS_FILE);
  if (existsSync(checkpoints)) {
    await copyDatabase(checkpoints, path.join(dir, BACKUP_FILES.checkpoints), false);
    names.push(BACKUP_FILES.checkpoints);
  }
  const keys = new Database(path.join(sources.dataDir, 'keys.db'), { readonly: true, fileMustExist: true });
  try {
    await writePrivate(path.join(dir, BACKUP_FILES.keys), sealFile(sources.masterKey, BACKUP_FILES.keys, keys.serialize()));
  } finally {
    keys.close();
  }
  names.push(BACKUP_FILES.keys);
  const signingKey = path.join(sources.dataDir, SIGNING_KEY_FILE);
  if (existsSync(signingKey)) {
    await writePrivate(path.join(dir, BACKUP_FILES.signingKey), sealFile(sources.masterKey, BACKUP_FILES.signingKey, await readFile(signingKey)));
    names.push(BACKUP_FILES.signingKey);
  }
  // Accounts and the search index live beside the key store: without them a restore loses every
  // login and customer search finds nobody.
  const accounts = path.join(sources.dataDir, IDENTITY_DB_FILE);
  if (existsSync(accounts)) {
    const db = new Database(accounts, { readonly: true, fileMustExist: true });
    try {
      await writePrivate(path.join(dir, BACKUP_FILES.accounts), sealFile(sources.masterKey, BACKUP_FILES.accounts, db.serialize()));
    } finally {
      db.close();
    }
    names.push(BACKUP_FILES.accounts);
  }
  const blindIndex = path.join(sources.dataDir, BACKUP_FILES.blindIndex);
  if (existsSync(blindIndex)) {
    await copyDatabase(blindIndex, path.join(dir, BACKUP_FILES.blindIndex), false);
    names.push(BACKUP_FILES.blindIndex);
  }
  if (sources.readModelsFile !== null) {
    await copyDatabase(sources.readModelsFile, path.join(dir, BACKUP_FILES.readModels), false);
    names.push(BACKUP_FILES.readModels);
  }
  const fields = {
    format: MANIFEST_FORMAT, createdAt: now.toISOString(), position: String(position),
    files: await Promise.all(names.map((name) => describeFile(dir, name))),
  } as const;
  const manifest: BackupManifest = { ...fields, mac: manifestMac(sources.masterKey, fields) };
  await writePrivate(path.join(dir, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  return manifest;
}

/** Online backup of one SQLite file; returns the copy's head position when it is the log. */
async function copyDatabase(source: string, target: string, isLog: boolean): Promise<bigint> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Copy every page in one step: a copy in steps restarts whenever another connection writes.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  await chmod(target, 0o600);
  // The copy keeps the source's WAL mode, and opening a WAL file leaves -wal and -shm files beside
  // it that no manifest lists: a backup is one self-contained file per store (the stores turn WAL
  // back on when they open it after a restore).
  const copy = new Database(target);
  copy.defaultSafeIntegers(true);
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = quickCheckProblems(copy, target);
    if (problems !== null) throw new Error(`the copy ${target} of ${source} fails its integrity check (${problems}): this backup is incomplete (no manifest) and cannot be restored`);
    return isLog ? (copy.prepare('SELECT max(position) AS position FROM events').get() as { position: bigint | null }).position ?? 0n : 0n;
  } finally {
    copy.close();
  }
}

function assertIntact(file: string, what: string, advice: string): void {
  const db = openLogReader(file);
  try {
    const problems = quickCheckProblems(db, file);
    if (problems !== null) throw new Error(`${file} (${what}) fails its integrity check (${problems}): ${advice}; nothing written`);
  } finally {
    db.close();
  }
}

/**
 * The backup folder: created (not its parents, which must be a writable folder) or an existing
 * empty one. A recursive create looped for ever under /proc; this fails at once, naming the path.
 */
async function makeTarget(dir: string): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  const parentStat = await stat(parent).catch(() => null);
  if (parentStat === null) throw new Error(`cannot back up into ${dir}: ${parent} does not exist (create it first)`);
  if (!parentStat.isDirectory()) throw new Error(`cannot back up into ${dir}: ${parent} is not a folder`);
  await access(parent, constants.W_OK).catch(() => {
    throw new Error(`cannot back up into ${dir}: ${parent} is not writable`);
  });
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new Error(`cannot create the backup folder ${dir} (${code ?? (error as Error).message}): choose a folder on a writable disk`);
    if (!(await stat(dir)).isDirectory()) throw new Error(`cannot back up into ${dir}: it is a file, not a folder`);
    if ((await readdir(dir)).length > 0) throw new Error(`${dir} is not empty: back up into a new folder`);
  }
}

async function writePrivate(file: string, bytes: Buffer): Promise<void> {
  await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
}
