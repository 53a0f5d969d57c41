import type { Actor } from '../domain/actor.js';

/** Everything a command carries besides its payload: who, when, why, and the client's guards. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  /** Client-chosen key; scoped by the actor's sub (idempotency-lookup.ts idempotencyRecordKey), so two clients never collide. */
  idempotencyKey?: string | null;
  /** sha256 of the canonical request body; defaults to the hash of the command. */
  requestHash?: string;
  /** Business time stamped on every event the command produces. */
  occurredAt: string;
  /** From an If-Match header: the revision the client saw. A mismatch is a conflict, never retried. */
  expectedRevision?: bigint;
}
