import {
  START, type AllStreamRecordedEvent, type AllStreamSubscription, type EventStoreDBClient, type Filter, type ReadPosition,
} from '@eventstore/db-client';
import { isConnectionDrop } from './esdb-errors.js';
import type { RecordedEvent, Subscription } from './port.js';

/** Our event from an $all record, or null for one this store does not own (system, side stream, other namespace). */
export type DecodeEvent = (event: AllStreamRecordedEvent) => RecordedEvent | null;

// The client's Transform pipes from the gRPC stream, so a full buffer pauses the server (HTTP/2
// flow control): a slow consumer holds at most this many events.
const BUFFERED_EVENTS = 256;
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/** The ESDB read position that starts at or before `afterPosition` (reads are inclusive; we skip up to it). */
export function readPositionAfter(afterPosition: bigint): ReadPosition {
  return afterPosition === 0n ? START : { commit: afterPosition, prepare: afterPosition };
}

/**
 * Catch-up then live on $all, pulled by the consumer (back-pressure). The client does not resume
 * a dropped subscription, so on a connection error this one resubscribes from the last position
 * it delivered; other errors (a corrupt envelope, an unknown schema) end it with that error.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | null = null;

  constructor(
    private readonly client: EventStoreDBClient,
    private position: bigint,
    private readonly filter: Filter,
    private readonly decode: DecodeEvent,
    private readonly onClose: () => void = () => {},
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.onClose();
    const current = this.current;
    this.current = null;
    if (current) {
      await current.unsubscribe();
      current.destroy();
    }
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let failures = 0;
    try {
      while (!this.closed) {
        try {
          for await (const event of this.subscribeOnce()) {
            failures = 0;
            yield event;
          }
          return;
        } catch (error) {
          if (this.closed) return;
          if (!isConnectionDrop(error)) throw error;
          await sleep(RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!);
          failures += 1;
        }
      }
    } finally {
      await this.close();
    }
  }

  private async *subscribeOnce(): AsyncGenerator<RecordedEvent> {
    const subscription = this.client.subscribeToAll(
      { fromPosition: readPositionAfter(this.position), filter: this.filter },
      { highWaterMark: BUFFERED_EVENTS },
    );
    this.current = subscription;
    for await (const resolved of subscription) {
      const event = resolved.event === undefined ? null : this.decode(resolved.event);
      if (event === null || event.position <= this.position) continue;
      this.position = event.position;
      yield event;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
