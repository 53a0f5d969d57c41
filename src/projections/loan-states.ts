import type { LoanEvent } from '../domain/loan/events.js';
import { evolveLoan } from '../domain/loan/evolve.js';
import { initialLoanState, type LoanState } from '../domain/loan/state.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';

/** Reads a stream's first `count` events (revisions 0 … count − 1). */
export type StreamPrefixReader = (streamId: string, count: number) => Promise<RecordedEvent[]>;

export function streamPrefixReader(store: EventStore): StreamPrefixReader {
  return (streamId, count) => (count === 0 ? Promise.resolve([]) : store.readStream(streamId, { maxCount: count }));
}

interface Entry {
  /** Revision of the last event folded in (−1 for none). */
  revision: bigint;
  state: LoanState;
}

const DEFAULT_CAPACITY = 10_000;

/**
 * A projection's way to a loan's domain state around one event, so a read model stores only the
 * view fields it takes from the loan's figures, never the state itself. Loans seen recently stay
 * folded in memory (a bounded, least-recently-used cache, so the next event is one evolve); any
 * other loan is folded from its stream in the event log, which is the only source of truth.
 */
export class LoanStates {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly readPrefix: StreamPrefixReader, private readonly capacity = DEFAULT_CAPACITY) {}

  /** The loan's state just before `event` (its stream's events up to revision − 1). Evolve it with `advance`. */
  async before(event: RecordedEvent): Promise<LoanState> {
    const cached = this.entries.get(event.streamId);
    if (cached && cached.revision === event.revision - 1n) {
      this.entries.delete(event.streamId);
      this.entries.set(event.streamId, cached);
      return cached.state;
    }
    const state = initialLoanState();
    for (const earlier of await this.readPrefix(event.streamId, Number(event.revision))) {
      evolveLoan(state, { type: earlier.type, data: earlier.data } as LoanEvent);
    }
    this.remember(event.streamId, { revision: event.revision - 1n, state });
    return state;
  }

  /** Folds `event` into the state `before` gave for it (in place) and returns it. */
  advance(event: RecordedEvent, state: LoanState): LoanState {
    evolveLoan(state, { type: event.type, data: event.data } as LoanEvent);
    this.remember(event.streamId, { revision: event.revision, state });
    return state;
  }

  private remember(streamId: string, entry: Entry): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
