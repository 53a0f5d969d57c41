import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** A private key from a PEM file (PKCS#8 or PKCS#1). */
export async function privateKeyFile(file: string): Promise<KeyObject> {
  return createPrivateKey(await readFile(file, 'utf8'));
}

/** A public key from a PEM file holding either the key itself or an X.509 certificate carrying it. */
export async function publicKeyFile(file: string): Promise<KeyObject> {
  const pem = await readFile(file, 'utf8');
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** The serial number (upper-case hex) of the certificate in a PEM file; null when the file holds a bare public key. */
export async function certificateSerial(file: string): Promise<string | null> {
  const pem = await readFile(file, 'utf8');
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).serialNumber.toUpperCase() : null;
}
