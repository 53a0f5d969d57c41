import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../eventstore/canonical-json.js';

export const MANIFEST_FILE = 'manifest.json';

/** The files a backup may hold, by name in the backup folder. */
export const BACKUP_FILES = {
  log: 'lendcore.db',
  checkpoints: 'checkpoints.db',
  readModels: 'readmodels.db',
  /** keys.db serialized and sealed under the master key. */
  keys: 'keys.db.sealed',
  /** signing.key sealed under the master key (absent when LENDCORE_SIGNING_KEY is used). */
  signingKey: 'signing.key.sealed',
  /** users.db (accounts, password hashes, sessions) serialized and sealed under the master key. */
  accounts: 'users.db.sealed',
  /** blind-index.db: keyed HMACs only, useless without the master key. */
  blindIndex: 'blind-index.db',
} as const;

/** The manifest format written now: version 1's fields and their MAC. */
export const MANIFEST_FORMAT = 'lendcore-backup/2';

export const manifestSchema = z.object({
  /** Version 1 (the releases before stop 37) has no `mac`. */
  format: z.enum(['lendcore-backup/1', MANIFEST_FORMAT]),
  createdAt: z.string(),
  /** Head position of the log copy. */
  position: z.string().regex(/^\d+$/),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  /** manifestMac of the other fields (version 2). */
  mac: z.string().regex(/^[0-9a-f]{64}$/).optional(),
}).strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

/**
 * HMAC-SHA256, hex, of the manifest's fields but `mac` (canonical JSON) under a key derived from
 * the master key: whoever holds the backup folder but not the master key cannot edit a file, fix
 * its sha256 in the manifest and leave the rest (stop 37's tamper test dropped three streams and
 * checkpoints.db from a backup, recomputed the sums, and the restore verified "ok").
 */
export function manifestMac(masterKey: Buffer, manifest: Omit<BackupManifest, 'mac'>): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, 'lendcore', 'lendcore backup manifest v2', 32));
  const { mac: _mac, ...fields } = manifest as BackupManifest;
  return createHmac('sha256', key).update(canonicalJson(fields)).digest('hex');
}

/** Size and sha256 of one file of the backup folder. */
export async function describeFile(dir: string, name: string): Promise<BackupManifest['files'][number]> {
  const bytes = await readFile(path.join(dir, name));
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
