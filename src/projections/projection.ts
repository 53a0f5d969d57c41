import type { RecordedEvent } from '../eventstore/port.js';
import type { CollectionSpec, Doc, FindQuery, Page } from '../readstore/port.js';
import type { LoanStates } from './loan-states.js';

/**
 * What a projector handler may do: read documents (its own pending writes first, then the store)
 * and stage writes. The runner commits the staged writes with the checkpoint in one transaction.
 */
export interface ProjectionContext {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  find<T extends Doc>(collection: string, query: FindQuery): Promise<Page<T>>;
  /**
   * Reads the documents of these ids not read or written in this batch yet, in one query, so that
   * `get` answers them from the batch (what the store held, as a `get` would have read it).
   */
  prefetch(collection: string, ids: Iterable<string>): Promise<void>;
  put(collection: string, doc: Doc): void;
  delete(collection: string, id: string): void;
  /** The loan's domain state around a loan event, folded from the log (never stored in a read model). */
  readonly loans: LoanStates;
  /**
   * Runs `work` once per `key` after the batch's last event and before its commit; registering the
   * key again replaces the earlier work. For documents derived from a loan's state: built once per
   * loan per batch instead of once per event. A failure is reported against `event`, and the
   * batch is then committed only up to the event before it.
   */
  settle(key: string, event: RecordedEvent, work: () => Promise<void> | void): void;
}

export type ProjectionHandler = (event: RecordedEvent, ctx: ProjectionContext) => Promise<void> | void;

/**
 * A read model: name, version (bump it and the runner rebuilds at start-up), the collections it
 * owns, and one handler per event type it consumes. Other known event types pass by; an event type
 * the catalog does not know, or a handler that throws, stops the projection with a clear error
 * instead of being skipped.
 */
export interface Projection {
  name: string;
  version: number;
  collections: CollectionSpec[];
  handlers: Record<string, ProjectionHandler>;
  /**
   * Called with a batch's events before its first handler, to `prefetch` the documents the
   * handlers will `get`: one query per collection for the batch instead of one per event.
   */
  prefetch?: (events: readonly RecordedEvent[], ctx: ProjectionContext) => Promise<void>;
}
