import { DomainError, type DomainErrorKind } from '../../domain/errors.js';
import type { ProjectionStatus } from '../projection-status.js';

/**
 * The wire between the HTTP thread and the projection thread. Structured clone carries bigints,
 * but positions cross as decimal strings anyway, as everywhere else they leave the process, so
 * the protocol does not depend on what the channel can clone.
 */
export type ControlCall =
  | { method: 'status' }
  | { method: 'waitForPosition'; name: string; position: string; timeoutMs: number }
  | { method: 'rebuild'; name: string }
  | { method: 'stop' };

export type HostMessage =
  | { kind: 'call'; id: number; call: ControlCall }
  /** New head of the log after an append in the HTTP thread: wakes the live projections at once. */
  | { kind: 'appended'; head: string };

export interface WireError {
  message: string;
  /** Set when the error was a DomainError, so the API maps it as it would in-thread. */
  domain?: { code: string; kind: DomainErrorKind };
}

export type WireStatus = Omit<ProjectionStatus, 'position' | 'headPosition'> & { position: string; headPosition: string };

export type ThreadMessage =
  | { kind: 'started' }
  | { kind: 'start-failed'; error: WireError }
  | { kind: 'reply'; id: number; ok: true; value: WireStatus[] | boolean | null }
  | { kind: 'reply'; id: number; ok: false; error: WireError };

export function toWireStatus(status: ProjectionStatus): WireStatus {
  return { ...status, position: status.position.toString(), headPosition: status.headPosition.toString() };
}

export function fromWireStatus(status: WireStatus): ProjectionStatus {
  return { ...status, position: BigInt(status.position), headPosition: BigInt(status.headPosition) };
}

export function toWireError(error: unknown): WireError {
  if (error instanceof DomainError) return { message: error.message, domain: { code: error.code, kind: error.kind } };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The thread's error as the caller would have seen it in-thread: a DomainError keeps its code and HTTP meaning. */
export function fromWireError(error: WireError): Error {
  return error.domain ? new DomainError(error.domain.code, error.message, error.domain.kind) : new Error(error.message);
}
