import type { Actor } from '../../../src/domain/actor.js';
import type { RecordedEvent } from '../../../src/eventstore/port.js';
import type { Doc, FieldValue, FindQuery, Page } from '../../../src/readstore/port.js';
import type { Projection, ProjectionContext } from '../../../src/projections/projection.js';
import { LoanStates } from '../../../src/projections/loan-states.js';

/**
 * An in-memory ProjectionContext: collections are Maps, documents are deep-copied through JSON on
 * the way in and out so a handler that forgets to `put` a mutated document is caught, as it would
 * be by a real store.
 */
export class FakeContext implements ProjectionContext {
  readonly collections = new Map<string, Map<string, Doc>>();
  gets = 0;
  puts = 0;
  /** Every event fed through `project`: the log the loan states fold from when their cache misses. */
  readonly log: RecordedEvent[] = [];
  readonly loans = new LoanStates({
    read: async (streamId, from, count) => this.log.filter((e) => e.streamId === streamId && e.revision >= from).slice(0, count),
    snapshot: async () => null,
  });

  private collection(name: string): Map<string, Doc> {
    let docs = this.collections.get(name);
    if (!docs) {
      docs = new Map();
      this.collections.set(name, docs);
    }
    return docs;
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    this.gets += 1;
    const doc = this.collection(collection).get(id);
    return doc ? (JSON.parse(JSON.stringify(doc)) as T) : null;
  }

  /** Nothing to read ahead: every `get` reads the Maps. Checks the ids are strings, as a store needs. */
  async prefetch(collection: string, ids: Iterable<string>): Promise<void> {
    for (const id of ids) if (typeof id !== 'string') throw new Error(`prefetch of ${collection}: id ${String(id)} is not a string`);
  }

  async find<T extends Doc>(collection: string, query: FindQuery): Promise<Page<T>> {
    let docs = [...this.collection(collection).values()].filter((doc) => matches(doc, query.where ?? {}));
    if (query.sort) {
      const { field, direction } = query.sort;
      docs.sort((a, b) => compare(a[field], b[field]) * (direction === 'asc' ? 1 : -1));
    }
    if (query.limit !== undefined) docs = docs.slice(0, query.limit);
    return { items: docs.map((doc) => JSON.parse(JSON.stringify(doc)) as T), nextCursor: null };
  }

  put(collection: string, doc: Doc): void {
    this.puts += 1;
    this.collection(collection).set(doc.id, JSON.parse(JSON.stringify(doc)) as Doc);
  }

  delete(collection: string, id: string): void {
    this.collection(collection).delete(id);
  }

  private readonly settlers = new Map<string, () => Promise<void> | void>();

  settle(key: string, _event: RecordedEvent, work: () => Promise<void> | void): void {
    this.settlers.set(key, work);
  }

  /** Runs the settle work registered since the last call, as the runner does before a commit. */
  async runSettlers(): Promise<void> {
    for (const work of this.settlers.values()) await work();
    this.settlers.clear();
  }

  /** Every document of a collection, in id order. */
  all<T extends Doc>(collection: string): T[] {
    return [...this.collection(collection).values()].sort((a, b) => compare(a.id, b.id)) as T[];
  }

  doc<T extends Doc>(collection: string, id: string): T {
    const doc = this.collection(collection).get(id);
    if (!doc) throw new Error(`no ${collection}/${id}`);
    return doc as T;
  }
}

function compare(a: unknown, b: unknown): number {
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matches(doc: Doc, where: NonNullable<FindQuery['where']>): boolean {
  return Object.entries(where).every(([field, condition]) => {
    const value = doc[field] as FieldValue;
    if (condition !== null && typeof condition === 'object') {
      return (condition.gte === undefined || compare(value, condition.gte) >= 0)
        && (condition.lte === undefined || compare(value, condition.lte) <= 0);
    }
    return value === condition;
  });
}

/**
 * Feeds events through a projection's handlers as the runner would, skipping types it does not
 * consume, as one batch: its prefetch runs first, the settle work after the last event.
 */
export async function project(projection: Projection, events: RecordedEvent[], ctx = new FakeContext()): Promise<FakeContext> {
  await projection.prefetch?.(events, ctx);
  for (const event of events) {
    if (!ctx.log.includes(event)) ctx.log.push(event);
    const handler = projection.handlers[event.type];
    if (handler) await handler(event, ctx);
  }
  await ctx.runSettlers();
  return ctx;
}

const OFFICER: Actor = { sub: 'officer-1', role: 'officer' };

/** Builds RecordedEvents with consecutive positions and per-stream revisions. */
export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();

  append<D>(streamId: string, type: string, data: D, occurredAt: string, actor: Actor = OFFICER): RecordedEvent<D> {
    const revision = this.revisions.has(streamId) ? (this.revisions.get(streamId) ?? 0n) + 1n : 0n;
    this.revisions.set(streamId, revision);
    const position = BigInt(this.events.length + 1);
    const event: RecordedEvent<D> = {
      eventId: `evt-${position}`,
      type,
      schemaVersion: 1,
      streamId,
      revision,
      position,
      occurredAt,
      recordedAt: occurredAt,
      actor,
      correlationId: `corr-${position}`,
      causationId: null,
      idempotencyKey: null,
      prevHash: '0'.repeat(64),
      hash: `hash-${position}`,
      data,
    };
    this.events.push(event);
    return event;
  }
}
