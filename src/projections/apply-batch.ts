import type { RecordedEvent } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { BatchContext } from './batch-context.js';
import { LoanStates, loanLogOf } from './loan-states.js';
import type { EventStore } from '../eventstore/port.js';
import type { Projection, ProjectionHandler } from './projection.js';
import { ProjectionFailure } from './projection-failure.js';

/** Where a projection's batches go: live collections and checkpoint, or the shadow ones during a rebuild. */
export interface ApplyTarget {
  projection: Projection;
  handlers: ReadonlyMap<string, ProjectionHandler>;
  store: ReadStore;
  /** Collection as the projection names it → collection in the store. */
  collections: ReadonlyMap<string, string>;
  checkpointName: string;
  knownEventTypes: ReadonlySet<string>;
  now: () => Date;
  /** This projection's own cache of loan states, folded from the log. */
  loans: LoanStates;
}

/** Builds the target that writes a projection's own collections under their own names (or mapped by `rename`). */
export function applyTarget(
  projection: Projection,
  deps: { store: ReadStore; eventStore: EventStore; knownEventTypes: ReadonlySet<string>; now: () => Date; loans?: LoanStates },
  rename: (collection: string) => string = (c) => c,
  checkpointName = projection.name,
): ApplyTarget {
  const { eventStore, loans, ...rest } = deps;
  return {
    ...rest,
    loans: loans ?? new LoanStates(loanLogOf(eventStore)),
    projection,
    handlers: new Map(Object.entries(projection.handlers)),
    collections: new Map(projection.collections.map((c) => [c.name, rename(c.name)])),
    checkpointName,
  };
}

/**
 * Applies the events and commits their writes with the checkpoint in one transaction. When an event
 * cannot be applied, the events before it are committed and a ProjectionFailure naming it is thrown.
 */
export async function applyAndCommit(target: ApplyTarget, events: RecordedEvent[]): Promise<void> {
  let good = events;
  let failure: ProjectionFailure | null = null;
  // A failed event may have staged writes already: the good prefix is applied again into a clean batch.
  while (good.length > 0) {
    const context = new BatchContext(target.store, target.collections, target.projection.name, target.loans);
    const failed = await applyEvents(target, good, context);
    if (!failed) {
      await commit(target, context, good[good.length - 1]!);
      break;
    }
    failure = failed.error;
    good = good.slice(0, failed.index);
  }
  if (failure) throw failure;
}

/**
 * Applies the events to several targets in step (each event to every target before the next
 * event), so targets sharing one LoanStates fold each loan event and compute its figures once, and
 * commits each target's writes with its checkpoint. For a rebuild into shadows: on a failure
 * nothing of the page is committed and the ProjectionFailure is thrown.
 */
export async function applyInStep(targets: ApplyTarget[], events: RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const contexts = targets.map((t) => new BatchContext(t.store, t.collections, t.projection.name, t.loans));
  for (let i = 0; i < targets.length; i++) {
    const failure = await prefetchBatch(targets[i]!, events, contexts[i]!);
    if (failure) throw failure;
  }
  for (const event of events) {
    for (let i = 0; i < targets.length; i++) {
      const failure = await applyEvent(targets[i]!, event, contexts[i]!);
      if (failure) throw failure;
    }
  }
  for (let i = 0; i < targets.length; i++) {
    const failed = await settleBatch(targets[i]!, events, contexts[i]!);
    if (failed) throw failed.error;
  }
  const last = events[events.length - 1]!;
  for (let i = 0; i < targets.length; i++) await commit(targets[i]!, contexts[i]!, last);
}

/** Runs the projection's prefetch for the batch; its failure is reported against the batch's first event. */
async function prefetchBatch(target: ApplyTarget, events: RecordedEvent[], context: BatchContext): Promise<ProjectionFailure | null> {
  const { prefetch, name } = target.projection;
  if (!prefetch || events.length === 0) return null;
  try {
    await prefetch(events, context);
    return null;
  } catch (error) {
    return new ProjectionFailure(name, events[0]!, error instanceof Error ? error.message : String(error));
  }
}

async function applyEvent(target: ApplyTarget, event: RecordedEvent, context: BatchContext): Promise<ProjectionFailure | null> {
  const { handlers, knownEventTypes, projection } = target;
  if (!knownEventTypes.has(event.type)) return new ProjectionFailure(projection.name, event, `event type ${event.type} is not in the catalog`);
  const handler = handlers.get(event.type);
  if (!handler) return null;
  try {
    // Handlers may be synchronous; only a returned promise is awaited.
    const result = handler(event, context);
    if (result) await result;
    return null;
  } catch (error) {
    return new ProjectionFailure(projection.name, event, error instanceof Error ? error.message : String(error));
  }
}

async function applyEvents(target: ApplyTarget, events: RecordedEvent[], context: BatchContext): Promise<{ index: number; error: ProjectionFailure } | null> {
  const prefetchFailure = await prefetchBatch(target, events, context);
  if (prefetchFailure) return { index: 0, error: prefetchFailure };
  for (let index = 0; index < events.length; index++) {
    const error = await applyEvent(target, events[index]!, context);
    if (error) return { index, error };
  }
  return settleBatch(target, events, context);
}

/** Runs the batch's settle work; a failure is the failure of the event that registered it. */
async function settleBatch(target: ApplyTarget, events: RecordedEvent[], context: BatchContext): Promise<{ index: number; error: ProjectionFailure } | null> {
  const failed = await context.runSettlers();
  if (!failed) return null;
  const message = failed.error instanceof Error ? failed.error.message : String(failed.error);
  return { index: events.indexOf(failed.event), error: new ProjectionFailure(target.projection.name, failed.event, message) };
}

function commit(target: ApplyTarget, context: BatchContext, last: RecordedEvent): Promise<void> {
  return target.store.commit(context.writes(), {
    projection: target.checkpointName,
    version: target.projection.version,
    position: last.position,
    updatedAt: target.now().toISOString(),
  });
}
