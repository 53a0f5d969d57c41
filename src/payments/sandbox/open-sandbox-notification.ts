import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { InboundNotification } from '../channel.js';
import { badSignature, malformedNotification, unsignedNotification } from '../notification-errors.js';
import type { ReplayGuard } from '../replay-guard.js';
import { SANDBOX_HEADERS, sandboxSignatureValid } from './sandbox-signature.js';

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Opens a sandbox gateway notification, payment or payout alike: signed with the gateway's key
 * over timestamp, nonce and body, fresh and never replayed (the replay guard), and its JSON body of
 * `schema` (`what` names it in the refusal). Errors: NOTIFICATION_UNSIGNED, the bad-signature and
 * replay refusals, NOTIFICATION_MALFORMED.
 */
export function openSandboxNotification<T>({ headers, body }: InboundNotification, publicKey: KeyObject, replayGuard: ReplayGuard, schema: z.ZodType<T>, what: string): T {
  const timestamp = single(headers[SANDBOX_HEADERS.timestamp]);
  const nonce = single(headers[SANDBOX_HEADERS.nonce]);
  const signature = single(headers[SANDBOX_HEADERS.signature]);
  if (!timestamp || !nonce || !signature) throw unsignedNotification(`a sandbox notification needs the ${Object.values(SANDBOX_HEADERS).join(', ')} headers`);
  if (!sandboxSignatureValid(publicKey, timestamp, nonce, body, signature)) throw badSignature('sandbox');
  replayGuard.admit(timestamp, nonce);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformedNotification('the sandbox notification body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw malformedNotification(`the sandbox notification body is not ${what}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
