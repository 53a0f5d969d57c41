import { createHash } from 'node:crypto';
import { canonicalJson } from '../eventstore/canonical-json.js';

/** sha256 (hex) of a request's canonical JSON: equal bodies hash equal whatever their key order. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
