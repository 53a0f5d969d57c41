import type { LoanEvent } from '../domain/loan/events.js';
import { evolveLoan } from '../domain/loan/evolve.js';
import { figuresAsOf, formatLedger, latestDate, ledgerMinor, loanFigures, type LedgerMinor, type LoanFigures } from '../domain/loan/figures.js';
import type { LedgerBalances } from '../domain/loan/ledger-accounts.js';
import { minorUnits } from '../domain/money.js';
import { loanSnapshotCodec } from '../domain/loan/snapshot-codec.js';
import { initialLoanState, type LoanState } from '../domain/loan/state.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { processReplayMemo } from '../commands/bounded-replay-memo.js';

/** Where a loan not in memory is folded from: its stream in the log, from its snapshot when one helps. */
export interface LoanLog {
  /** `count` events of a stream from revision `from` on. */
  read(streamId: string, from: bigint, count: number): Promise<RecordedEvent[]>;
  /** The stream's newest snapshot, decoded (null when there is none, or of another state version). */
  snapshot(streamId: string): Promise<{ revision: bigint; state: LoanState } | null>;
}

/**
 * The loan log of an event store. Snapshots are those the command pipeline writes (LOAN_SNAPSHOT);
 * the store has already checked each against the stream's hash chain (and MAC) before returning it.
 */
export function loanLogOf(store: EventStore): LoanLog {
  return {
    read: (streamId, from, count) => (count === 0 ? Promise.resolve([]) : store.readStream(streamId, { fromRevision: from, maxCount: count })),
    async snapshot(streamId) {
      const stored = await store.readSnapshot<unknown>(streamId);
      if (stored === null || stored.version !== loanSnapshotCodec.version) return null;
      return { revision: stored.revision, state: loanSnapshotCodec.decode(stored.state) };
    },
  };
}

/** A loan as of one of its events: its state (read-only to callers) and its figures (summed once, aged to any date asked). */
export interface FoldedLoan {
  readonly state: LoanState;
  figures(asOf?: string): LoanFigures;
  /**
   * figures().ledger, without the rest of the figures unless they were asked for already: the
   * general ledger needs the balances after every event, the other read models the figures once
   * per loan per batch.
   */
  ledger(): LedgerBalances;
}

class Entry implements FoldedLoan {
  private computed: LoanFigures | null = null;
  /** ledgerMinor of the state, and formatted, when the ledger asked before the figures were. */
  private balances: { minor: LedgerMinor; formatted: LedgerBalances } | null = null;
  /** What the budget last charged for this entry (bytes, by the budget's weigher). */
  weight = 0;

  /** `revision`: the last event folded in (−1 for none). */
  constructor(public revision: bigint, readonly state: LoanState) {}

  /** Folds the events after `revision` up to and including `event`'s, read from `log`. */
  async catchUp(log: LoanLog, event: RecordedEvent): Promise<this> {
    if (this.revision === event.revision) return this;
    const from = this.revision + 1n;
    for (const earlier of await log.read(event.streamId, from, Number(event.revision - from))) this.fold(earlier);
    this.fold(event);
    return this;
  }

  figures(asOf?: string): LoanFigures {
    this.computed ??= loanFigures(this.state, undefined, this.balances?.minor);
    return asOf === undefined || asOf === latestDate(this.state) ? this.computed : figuresAsOf(this.computed, asOf);
  }

  ledger(): LedgerBalances {
    if (this.computed !== null) return this.computed.ledger;
    if (this.balances === null) {
      const minor = ledgerMinor(this.state);
      this.balances = { minor, formatted: formatLedger(minor, minorUnits(this.state.currency)) };
    }
    return this.balances.formatted;
  }

  fold(event: RecordedEvent): void {
    evolveLoan(this.state, { type: event.type, data: event.data } as LoanEvent, processReplayMemo);
    this.revision = event.revision;
    this.computed = null;
    this.balances = null;
  }
}

const DEFAULT_CAPACITY = 10_000;

/** A bound on the bytes the folded loans hold, by an O(1) estimate of one loan's heap (loanStateBytes). */
export interface LoanStatesBudget {
  maxBytes: number;
  weigh(state: LoanState): number;
}

/**
 * A projection's way to a loan's domain state and figures as of one event, so a read model stores
 * only the view fields it takes from the figures, never the state itself. Loans seen recently stay
 * folded in memory (a bounded, least-recently-used cache, so the next event is one evolve); any
 * other loan is folded from its stream in the event log, which is the only source of truth, starting
 * at its snapshot when that is not past the event (a month-end close touches every loan of a book
 * larger than the cache: a snapshot and a short tail cost a tenth of the whole stream's fold). One
 * instance may serve several projections that apply the same events in step (a rebuild): the
 * second to ask about an event gets the fold and the figures the first one paid for.
 */
export class LoanStates {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** The entry last asked for: the newest in `entries`' order of use. */
  private newest: Entry | null = null;

  /**
   * At most `capacity` loans and, with a `budget`, at most its bytes. The server's projection
   * thread bounds by bytes (a book of long loans would otherwise fill its heap); a rebuild keeps the
   * count alone, since a loan it evicts must be folded again from its first event (its snapshot is
   * past the events being replayed).
   */
  constructor(private readonly log: LoanLog, private readonly capacity = DEFAULT_CAPACITY, private readonly budget: LoanStatesBudget | null = null) {}

  /** Loans held, and their weight by the budget's weigher (0 without a budget). */
  get held(): { loans: number; bytes: number } {
    return { loans: this.entries.size, bytes: this.bytes };
  }

  /** The loan just after `event` (its stream's events up to and including its revision). */
  async after(event: RecordedEvent): Promise<FoldedLoan> {
    let entry = this.entries.get(event.streamId);
    if (entry && entry.revision === event.revision - 1n) entry.fold(event);
    else if (!entry || entry.revision !== event.revision) entry = await this.foldFromLog(event);
    // Each projection in step asks for the same event: the loan asked for last is the newest already.
    if (entry !== this.newest) {
      this.entries.delete(event.streamId);
      this.entries.set(event.streamId, entry);
      this.newest = entry;
    }
    if (this.budget !== null) {
      // Re-weighed on every event (O(1)): a fold in place may add rows or facts to the entry.
      const weight = this.budget.weigh(entry.state);
      this.bytes += weight - entry.weight;
      entry.weight = weight;
    }
    this.evict(entry);
    return entry;
  }

  /** Drops least recently used loans beyond the count or the byte budget, never the one just asked for. */
  private evict(keep: Entry): void {
    while (this.entries.size > this.capacity || (this.budget !== null && this.bytes > this.budget.maxBytes && this.entries.size > 1)) {
      const [oldestId, oldest] = this.entries.entries().next().value as [string, Entry];
      if (oldest === keep) return;
      this.entries.delete(oldestId);
      this.bytes -= oldest.weight;
    }
  }

  private async foldFromLog(event: RecordedEvent): Promise<Entry> {
    // A stream's first event needs nothing from the log: a rebuild meets every loan this way, and
    // looking up (and decoding) a snapshot that lies past it cost a twentieth of the rebuild.
    if (event.revision === 0n) return new Entry(-1n, initialLoanState()).catchUp(this.log, event);
    const snapshot = await this.log.snapshot(event.streamId);
    // A snapshot past the event (the projection is behind the commands) is no start for it.
    const start = snapshot !== null && snapshot.revision <= event.revision
      ? new Entry(snapshot.revision, snapshot.state)
      : new Entry(-1n, initialLoanState());
    return start.catchUp(this.log, event);
  }
}
