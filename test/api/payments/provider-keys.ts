import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface KeyPairFiles {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privateFile: string;
  publicFile: string;
}

/** A fresh RSA-2048 key pair, also written as PEM files (PKCS#8 / SPKI) into a temp folder. */
export function rsaKeyPairFiles(name: string): KeyPairFiles {
  const dir = mkdtempSync(path.join(tmpdir(), `lendcore-keys-${name}-`));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateFile = path.join(dir, `${name}-private.pem`);
  const publicFile = path.join(dir, `${name}-public.pem`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey, privateFile, publicFile };
}
