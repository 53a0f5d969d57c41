import type { KeyObject } from 'node:crypto';
import type { WechatConfig } from '../../config/payments-config.js';
import { DomainError } from '../../domain/errors.js';
import { wechatAuthorization, wechatSignatureValid } from './wechat-signature.js';

export interface WechatApiDeps {
  config: WechatConfig;
  merchantKey: KeyObject;
  /** Verifies the Wechatpay-Signature of every answer. */
  platformKey: KeyObject;
  now: () => Date;
  fetch: typeof fetch;
}

/** A WeChat Pay v3 answer whose signature verified: its HTTP status and JSON body (null when empty). */
export interface WechatAnswer {
  status: number;
  json: Record<string, unknown> | null;
}

const unavailable = (detail: string) => new DomainError('CHANNEL_UNAVAILABLE', `WeChat Pay gave no trustworthy answer: ${detail}`, 'upstream');

/**
 * One signed WeChat Pay v3 call (Authorization: WECHATPAY2-SHA256-RSA2048 over method, path, body)
 * whose answer is trusted only when its Wechatpay-Signature verifies with the platform key over
 * timestamp, nonce and body: WeChat signs its answers, 2xx and 4xx alike. No answer, a 5xx, or an
 * answer that does not verify is CHANNEL_UNAVAILABLE 502. `headers` adds e.g. Wechatpay-Serial.
 */
export async function wechatApiCall(deps: WechatApiDeps, method: 'GET' | 'POST', path: string, body: string, headers: Record<string, string> = {}): Promise<WechatAnswer> {
  const { config } = deps;
  const authorization = wechatAuthorization({ method, path, body }, { mchId: config.mchId, serialNo: config.merchantSerialNo, privateKey: deps.merchantKey }, deps.now());
  let response: Response;
  let text: string;
  try {
    response = await deps.fetch(`${config.apiBase}${path}`, {
      method, headers: { authorization, accept: 'application/json', ...(body === '' ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(method === 'GET' || body === '' ? {} : { body }),
    });
    text = await response.text();
  } catch (error) {
    throw unavailable(`no answer (${(error as Error).message})`);
  }
  if (response.status >= 500) throw unavailable(`HTTP ${response.status}`);
  const timestamp = response.headers.get('wechatpay-timestamp');
  const nonce = response.headers.get('wechatpay-nonce');
  const signature = response.headers.get('wechatpay-signature');
  if (!timestamp || !nonce || !signature || !wechatSignatureValid(deps.platformKey, timestamp, nonce, text, signature)) {
    throw unavailable(`the HTTP ${response.status} answer's signature does not verify with the platform key`);
  }
  if (text.trim() === '') return { status: response.status, json: null };
  try {
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown> };
  } catch {
    throw unavailable(`the HTTP ${response.status} answer is not JSON`);
  }
}
