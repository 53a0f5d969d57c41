import type { Decider, DomainEvent } from '../domain/decider.js';
import { DomainError } from '../domain/errors.js';
import { ConcurrencyError } from '../eventstore/concurrency-error.js';
import { IdempotencyKeyTaken } from '../eventstore/idempotency.js';
import type { EventStore, IdempotencyRecord, NewEvent, RecordedEvent } from '../eventstore/port.js';
import { aggregateCacheFor } from './aggregate-cache.js';
import type { CommandContext } from './command-context.js';
import { withConflictRetry, type RetryOptions } from './conflict-retry.js';
import { asDomainEvent, loadAggregate, type SnapshotOptions } from './load-aggregate.js';
import { answersRequest, findSeenRequest, idempotencyRecordKey } from './idempotency-lookup.js';
import { loadForCommand } from './load-for-command.js';
import { requestHash } from './request-hash.js';
import { streamLocksFor } from './stream-locks.js';

export interface CommandDeps {
  store: EventStore;
  retry?: RetryOptions;
  /** A snapshot is only a cache: failing to write one must not fail a command that already committed. */
  onSnapshotFailure?(streamId: string, error: unknown): void;
}

export interface CommandRequest<C, E extends DomainEvent, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  context: CommandContext;
  snapshot?: SnapshotOptions<S>;
  /**
   * The decider to decide with once the state is loaded, when deciding needs a fact beyond the
   * stream that only some states need (read once, under the stream's lock); `decider` when absent.
   * Its `evolve` must be `decider.evolve`.
   */
  deciderFor?(state: S): Promise<Decider<C, E, S>>;
}

export interface CommandResult<S> {
  streamId: string;
  /** The stream's revision after the command (-1n when a no-op left the stream empty). */
  revision: bigint;
  /** Global position of the stream's last event (0n when it is empty); wait for it to read your writes. */
  position: bigint;
  /** Events this command appended; empty for a no-op or a replayed idempotent request. */
  events: RecordedEvent[];
  /** Read-only: it may be the state this process caches for the stream's next command. */
  state: S;
  /** True when the idempotency key was seen before and the first result is returned. */
  replayed: boolean;
}

/**
 * Loads the stream (from this process's aggregate cache when the stream has not moved since),
 * decides, and appends at the loaded revision; commands on one stream queue in
 * this process (StreamLocks). A conflict (another process) reloads and decides
 * again (bounded, jittered); an If-Match mismatch surfaces at once. With an idempotency key (the
 * caller's own: idempotencyRecordKey) the same request is answered with its first result and
 * never runs twice; another body under the same key is refused.
 */
export async function handleCommand<C, E extends DomainEvent, S>(deps: CommandDeps, request: CommandRequest<C, E, S>): Promise<CommandResult<S>> {
  const { context } = request;
  const idempotency = context.idempotencyKey
    ? { key: idempotencyRecordKey(context, context.idempotencyKey), requestHash: context.requestHash ?? requestHash(request.command) }
    : undefined;
  if (idempotency !== undefined) {
    const seen = await findSeenRequest(deps.store, context, context.idempotencyKey!);
    if (seen !== null) return replay(deps, request, seen, idempotency.requestHash);
  }
  try {
    return await streamLocksFor(deps.store).run(request.streamId, () =>
      withConflictRetry(() => attempt(deps, request, idempotency), deps.retry, () => context.expectedRevision === undefined),
    );
  } catch (error) {
    // A concurrent retry of the same request committed first: answer as if we had seen its record.
    if (!(error instanceof IdempotencyKeyTaken) || idempotency === undefined) throw error;
    const seen = await findSeenRequest(deps.store, context, context.idempotencyKey!);
    if (seen === null) throw error;
    return replay(deps, request, seen, idempotency.requestHash);
  }
}

/**
 * Whether the command's request would run, asked before writing elsewhere first (a bank transfer's
 * claim on its bank transaction): 'replay' when its Idempotency-Key already answered this request,
 * 'run' otherwise. Throws what handleCommand would before deciding: IDEMPOTENCY_KEY_REUSED (422) for
 * another request under the key, CONCURRENCY_CONFLICT (409) when If-Match names a revision the
 * stream (at `revision`, null when it has none) is not at.
 */
export async function preconditionsOf<C>(
  store: EventStore, streamId: string, context: Omit<CommandContext, 'occurredAt'>, command: C, revision: bigint | null,
): Promise<'replay' | 'run'> {
  if (context.idempotencyKey) {
    const seen = await findSeenRequest(store, context, context.idempotencyKey);
    if (seen !== null) {
      if (!answersRequest(seen, context.requestHash ?? requestHash(command))) throw keyReused(context);
      return 'replay';
    }
  }
  if (context.expectedRevision !== undefined && revision !== context.expectedRevision) throw new ConcurrencyError(streamId, context.expectedRevision, revision);
  return 'run';
}

function keyReused(context: Pick<CommandContext, 'idempotencyKey'>): DomainError {
  return new DomainError('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was used for a different request', 'rule', { idempotencyKey: context.idempotencyKey });
}

async function attempt<C, E extends DomainEvent, S>(
  deps: CommandDeps,
  request: CommandRequest<C, E, S>,
  idempotency: { key: string; requestHash: string } | undefined,
): Promise<CommandResult<S>> {
  const { store } = deps;
  const { streamId, decider, command, context } = request;
  const cache = aggregateCacheFor(store);
  const loaded = await loadForCommand(store, cache, streamId, decider, request.snapshot);
  if (context.expectedRevision !== undefined && loaded.revision !== context.expectedRevision) {
    throw new ConcurrencyError(streamId, context.expectedRevision, loaded.revision);
  }
  const deciding = request.deciderFor ? await request.deciderFor(loaded.state) : decider;
  const decided = deciding.decide(command, loaded.state);
  if (decided.length === 0) {
    const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return { streamId, revision: loaded.revision ?? -1n, position: last?.position ?? 0n, events: [], state: loaded.state, replayed: false };
  }
  const events: NewEvent[] = decided.map((event) => ({
    type: event.type,
    data: event.data,
    occurredAt: context.occurredAt,
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    idempotencyKey: context.idempotencyKey ?? null,
  }));
  // Evolve may update the state in place: until it is done the cached entry would lie, so drop it.
  cache.forget(streamId);
  const appended = await store.append(streamId, events, loaded.revision ?? 'no_stream', idempotency ? { idempotency } : undefined);
  let state = loaded.state;
  for (const event of appended.events) state = decider.evolve(state, asDomainEvent<E>(event));
  let snapshotRevision = loaded.snapshotRevision;
  const snapshot = request.snapshot;
  if (snapshot !== undefined && appended.revision - (snapshotRevision ?? -1n) >= BigInt(snapshot.every)) {
    const stored = snapshot.encode ? snapshot.encode(state) : state;
    await store.writeSnapshot({ streamId, revision: appended.revision, version: snapshot.version, state: stored }).then(
      () => (snapshotRevision = appended.revision),
      (error: unknown) => deps.onSnapshotFailure?.(streamId, error),
    );
  }
  const bytes = snapshot?.weigh?.(state) ?? 0;
  cache.remember(streamId, { fold: decider.evolve, snapshotVersion: snapshot?.version, state, revision: appended.revision, snapshotRevision, bytes });
  return { streamId, revision: appended.revision, position: appended.position, events: appended.events, state, replayed: false };
}

async function replay<C, E extends DomainEvent, S>(
  deps: CommandDeps,
  request: CommandRequest<C, E, S>,
  seen: IdempotencyRecord,
  hash: string,
): Promise<CommandResult<S>> {
  if (!answersRequest(seen, hash)) throw keyReused(request.context);
  const { state } = await loadAggregate(deps.store, seen.streamId, request.decider, { snapshot: request.snapshot });
  return { streamId: seen.streamId, revision: seen.revision, position: seen.position, events: [], state, replayed: true };
}
