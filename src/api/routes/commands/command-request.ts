import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandMeta, CommandOutcome } from '../../../app/services.js';
import { requestHash } from '../../../commands/request-hash.js';
import type { Actor } from '../../../domain/actor.js';
import { HttpError } from '../../http-error.js';
import type { RouteId } from '../../auth/policy.js';
import type { CommandResponse } from '../../schemas/common.js';

// A loan summary's ETag adds `@<closed business date>` (entity-tags.ts): the revision is the part a command checks.
const REVISION = /^(?:W\/)?"?(\d{1,19})(?:@\d{4}-\d{2}-\d{2})?"?$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

const badHeader = (code: string, detail: string) => new HttpError(400, code, detail);

// Node joins repeated headers with ", ", so two values fail the patterns below like any other bad value.
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return value === undefined ? undefined : String(value);
}

/**
 * The revision an If-Match header names (`5`, `"5"`, `W/"5"` or a loan summary's `"5@2026-03-31"`);
 * undefined for none and for `*` (RFC 9110 §13.1.1: true whenever the resource exists, which every
 * command checks itself, QA 12 Q6). 400 for anything else, a list of tags included: one command
 * runs against one revision, so a client names the one it read.
 */
export function expectedRevisionOf(request: FastifyRequest): bigint | undefined {
  const value = header(request, 'if-match');
  if (value === undefined || value.trim() === '*') return undefined;
  const match = REVISION.exec(value.trim());
  if (!match?.[1]) throw badHeader('INVALID_IF_MATCH', 'If-Match must be one stream revision such as "3", or *');
  return BigInt(match[1]);
}

/**
 * The command's metadata from the request: actor, correlation id, If-Match and Idempotency-Key.
 * The idempotency hash covers the route, its params and the body as sent (not the command, which
 * carries fresh ids and freshly sealed PII), so a retried request matches its first run.
 */
export function commandMeta(request: FastifyRequest, actor: Actor, route: RouteId): CommandMeta {
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badHeader('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 characters of letters, digits, . _ : -');
  const expectedRevision = expectedRevisionOf(request);
  return {
    actor,
    correlationId: request.id,
    ...(key === undefined ? {} : { idempotencyKey: key, requestHash: requestHash({ route, params: request.params ?? null, body: request.body ?? null }) }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
}

/** 201 when the command appended events, 200 for a replay or no-op; the revision doubles as the ETag. */
export function sendOutcome(reply: FastifyReply, outcome: CommandOutcome): CommandResponse {
  reply.status(outcome.created ? 201 : 200).header('etag', `"${outcome.revision.toString()}"`);
  return { id: outcome.id, revision: outcome.revision.toString(), position: outcome.position.toString() };
}
