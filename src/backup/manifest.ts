import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

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

export const manifestSchema = z.object({
  format: z.literal('lendcore-backup/1'),
  createdAt: z.string(),
  /** Head position of the log copy. */
  position: z.string().regex(/^\d+$/),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
}).strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Size and sha256 of one file of the backup folder. */
export async function describeFile(dir: string, name: string): Promise<BackupManifest['files'][number]> {
  const bytes = await readFile(path.join(dir, name));
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
