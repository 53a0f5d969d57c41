import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/** Header names the sandbox gateway signs with, shaped like WeChat Pay v3's Wechatpay-* headers. */
export const SANDBOX_HEADERS = { timestamp: 'sandbox-timestamp', nonce: 'sandbox-nonce', signature: 'sandbox-signature' } as const;

/** The signed message: timestamp, nonce and body, each followed by a newline (the WeChat Pay v3 layout). */
const message = (timestamp: string, nonce: string, body: string) => Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8');

/** Signs `body` as the gateway does: Ed25519, base64, with a fresh nonce and the current Unix second. */
export function signSandboxBody(privateKey: KeyObject, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(null, message(timestamp, nonce, body), privateKey).toString('base64');
  return { [SANDBOX_HEADERS.timestamp]: timestamp, [SANDBOX_HEADERS.nonce]: nonce, [SANDBOX_HEADERS.signature]: signature };
}

/** True when `signature` (base64) is the gateway's Ed25519 signature over timestamp, nonce and body. */
export function sandboxSignatureValid(publicKey: KeyObject, timestamp: string, nonce: string, body: string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64');
  return bytes.length === 64 && verify(null, message(timestamp, nonce, body), publicKey, bytes);
}
