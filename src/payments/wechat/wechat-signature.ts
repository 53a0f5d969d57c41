import { createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';

/** WeChat Pay v3 signs lines, each ending in "\n" (request: method, path, timestamp, nonce, body; notification: timestamp, nonce, body). */
const lines = (...parts: string[]) => parts.map((p) => `${p}\n`).join('');

/**
 * The Authorization header of a merchant request (WECHATPAY2-SHA256-RSA2048): SHA256-RSA over
 * method, path with query, timestamp, nonce and body, with the merchant's API private key.
 */
export function wechatAuthorization(request: { method: string; path: string; body: string }, merchant: { mchId: string; serialNo: string; privateKey: KeyObject }, now: Date): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(lines(request.method, request.path, timestamp, nonce, request.body)).sign(merchant.privateKey, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serialNo}"`;
}

/** True when Wechatpay-Signature (base64) is the platform's SHA256-RSA signature over timestamp, nonce and body. */
export function wechatSignatureValid(platformKey: KeyObject, timestamp: string, nonce: string, body: string, signature: string): boolean {
  return createVerify('RSA-SHA256').update(lines(timestamp, nonce, body)).verify(platformKey, signature, 'base64');
}
