import type { EventStore, RecordedEvent, Subscription } from '../../src/eventstore/port.js';

/**
 * An in-memory log with just what the runner uses (readAll, subscribeToAll, headPosition); every
 * other method throws so a test notices if the runner starts depending on more.
 */
export class FakeEventStore {
  readonly events: RecordedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  /** Appends events of the given types to one stream, positions 1, 2, 3… across the log. */
  add(...events: { type: string; streamId?: string; data?: unknown }[]): bigint {
    for (const e of events) {
      const position = BigInt(this.events.length + 1);
      this.events.push({
        eventId: `e${position}`,
        type: e.type,
        schemaVersion: 1,
        streamId: e.streamId ?? 'loan-1',
        revision: position - 1n,
        position,
        occurredAt: '2024-01-01T00:00:00.000Z',
        recordedAt: '2024-01-01T00:00:00.000Z',
        actor: { sub: 'tester', role: 'officer' },
        correlationId: 'c',
        causationId: null,
        idempotencyKey: null,
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
        data: e.data ?? {},
      });
    }
    for (const wake of [...this.listeners]) wake();
    return BigInt(this.events.length);
  }

  asEventStore(): EventStore {
    const unsupported = (): never => {
      throw new Error('not used by the runner');
    };
    return {
      readAll: async ({ fromPosition = 0n, maxCount = Number.MAX_SAFE_INTEGER } = {}) => this.after(fromPosition).slice(0, maxCount),
      subscribeToAll: ({ fromPosition = 0n } = {}) => this.subscribe(fromPosition),
      headPosition: async () => BigInt(this.events.length),
      append: unsupported,
      findIdempotency: unsupported,
      readStream: unsupported,
      streamRevision: unsupported,
      verifyStreams: unsupported,
      readSnapshot: unsupported,
      writeSnapshot: unsupported,
      close: async () => undefined,
    };
  }

  /** Subscriptions opened and not closed yet. */
  get openSubscriptions(): number {
    return this.listeners.size;
  }

  private after(position: bigint): RecordedEvent[] {
    return this.events.slice(Number(position));
  }

  private subscribe(from: bigint): Subscription {
    let position = from;
    let closed = false;
    let wake: () => void = () => undefined;
    const listener = () => wake();
    this.listeners.add(listener);
    const { listeners, events } = this;
    return {
      async close() {
        closed = true;
        listeners.delete(listener);
        wake();
      },
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          const next = events[Number(position)];
          if (next) {
            position = next.position;
            yield next;
          } else {
            await new Promise<void>((resolve) => (wake = resolve));
          }
        }
      },
    };
  }
}
