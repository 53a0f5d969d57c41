import type { LoanEvent } from '../domain/loan/events.js';
import { evolveLoan } from '../domain/loan/evolve.js';
import { figuresAsOf, latestDate, loanFigures, type LoanFigures } from '../domain/loan/figures.js';
import { initialLoanState, type LoanState } from '../domain/loan/state.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';

/** Reads a stream's first `count` events (revisions 0 … count − 1). */
export type StreamPrefixReader = (streamId: string, count: number) => Promise<RecordedEvent[]>;

export function streamPrefixReader(store: EventStore): StreamPrefixReader {
  return (streamId, count) => (count === 0 ? Promise.resolve([]) : store.readStream(streamId, { maxCount: count }));
}

/** A loan as of one of its events: its state (read-only to callers) and its figures (summed once, aged to any date asked). */
export interface FoldedLoan {
  readonly state: LoanState;
  figures(asOf?: string): LoanFigures;
}

class Entry implements FoldedLoan {
  private computed: LoanFigures | null = null;

  /** `revision`: the last event folded in (−1 for none). */
  constructor(public revision: bigint, readonly state: LoanState) {}

  figures(asOf?: string): LoanFigures {
    this.computed ??= loanFigures(this.state);
    return asOf === undefined || asOf === latestDate(this.state) ? this.computed : figuresAsOf(this.computed, asOf);
  }

  fold(event: RecordedEvent): void {
    evolveLoan(this.state, { type: event.type, data: event.data } as LoanEvent);
    this.revision = event.revision;
    this.computed = null;
  }
}

const DEFAULT_CAPACITY = 10_000;

/**
 * A projection's way to a loan's domain state and figures as of one event, so a read model stores
 * only the view fields it takes from the figures, never the state itself. Loans seen recently stay
 * folded in memory (a bounded, least-recently-used cache, so the next event is one evolve); any
 * other loan is folded from its stream in the event log, which is the only source of truth. One
 * instance may serve several projections that apply the same events in step (a rebuild): the
 * second to ask about an event gets the fold and the figures the first one paid for.
 */
export class LoanStates {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly readPrefix: StreamPrefixReader, private readonly capacity = DEFAULT_CAPACITY) {}

  /** The loan just after `event` (its stream's events up to and including its revision). */
  async after(event: RecordedEvent): Promise<FoldedLoan> {
    let entry = this.entries.get(event.streamId);
    if (entry && entry.revision === event.revision - 1n) entry.fold(event);
    else if (!entry || entry.revision !== event.revision) entry = await this.foldFromLog(event);
    this.entries.delete(event.streamId);
    this.entries.set(event.streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  private async foldFromLog(event: RecordedEvent): Promise<Entry> {
    const entry = new Entry(-1n, initialLoanState());
    for (const earlier of await this.readPrefix(event.streamId, Number(event.revision))) entry.fold(earlier);
    entry.fold(event);
    return entry;
  }
}
