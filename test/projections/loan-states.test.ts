import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { loanSnapshotCodec } from '../../src/domain/loan/snapshot-codec.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { LoanStates, type LoanLog } from '../../src/projections/loan-states.js';
import { runHistory } from '../servicing/run-history.js';
import { DISBURSED, step } from '../servicing/servicing-history.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/** The state after the stream's first `count` events, folded from the start. */
function foldedThrough(events: RecordedEvent[], count: number): LoanState {
  let state = loanDecider.initialState();
  for (const event of events.slice(0, count)) state = loanDecider.evolve(state, { type: event.type, data: event.data } as LoanEvent);
  return state;
}

/** A log over `events` whose snapshot (if any) is the state at revision `snapshotAt`, stored as the store stores it (JSON). */
function logOf(events: RecordedEvent[], snapshotAt: number | null, reads: { events: number }): LoanLog {
  return {
    async read(_streamId, from, count) {
      const read = events.slice(Number(from), Number(from) + count);
      reads.events += read.length;
      return read;
    },
    async snapshot() {
      if (snapshotAt === null) return null;
      const stored: unknown = JSON.parse(JSON.stringify(loanSnapshotCodec.encode(foldedThrough(events, snapshotAt + 1))));
      return { revision: BigInt(snapshotAt), state: loanSnapshotCodec.decode(stored) };
    },
  };
}

/** One loan's recorded stream after a random servicing history (see servicing-history.ts). */
function servicedHistory(): fc.Arbitrary<RecordedEvent[]> {
  return fc.array(step, { minLength: 1, maxLength: 15 }).map((drawn) => {
    const loan = new ServicedLoan();
    runHistory(loan, drawn);
    return loan.log.events;
  });
}

describe('LoanStates: a loan not in memory', () => {
  it('folded from its snapshot and the tail after it is the loan folded from the start, with the same figures; a snapshot past the event is not used', async () => {
    await fc.assert(fc.asyncProperty(servicedHistory(), fc.nat(), fc.nat(), async (events, a, b) => {
      const target = events[a % events.length]!;
      const snapshotAt = b % events.length;
      const fromStart = await new LoanStates(logOf(events, null, { events: 0 })).after(target);
      const reads = { events: 0 };
      const fromSnapshot = await new LoanStates(logOf(events, snapshotAt, reads)).after(target);
      expect(fromSnapshot.state).toEqual(fromStart.state);
      expect(fromSnapshot.figures()).toEqual(fromStart.figures());
      const revision = Number(target.revision);
      // From a usable snapshot only the events between it and the target are read; else the whole prefix.
      expect(reads.events).toBe(snapshotAt <= revision ? Math.max(0, revision - snapshotAt - 1) : revision);
    }), { numRuns: 60 });
  });
});

describe('LoanStates: a stream\'s first event', () => {
  it('is folded without asking the log for a snapshot or earlier events (a rebuild meets every loan so)', async () => {
    await fc.assert(fc.asyncProperty(servicedHistory(), async (events) => {
      const log: LoanLog = {
        read: async (_streamId, _from, count) => (count === 0 ? [] : Promise.reject(new Error('read'))),
        snapshot: () => Promise.reject(new Error('snapshot')),
      };
      const first = await new LoanStates(log).after(events[0]!);
      expect(first.state).toEqual(foldedThrough(events, 1));
    }), { numRuns: 20 });
  });
});

describe('LoanStates: bounded by count and, with a budget, by bytes', () => {
  /** Several loans' streams, each with its own id, folded in an interleaved order. */
  function streamsOf(histories: RecordedEvent[][]): { log: LoanLog; events: RecordedEvent[] } {
    const byStream = new Map<string, RecordedEvent[]>();
    const all: RecordedEvent[] = [];
    histories.forEach((events, n) => {
      const renamed = events.map((event) => ({ ...event, streamId: `loan-${n}` }));
      byStream.set(`loan-${n}`, renamed);
      all.push(...renamed);
    });
    const log: LoanLog = {
      read: async (streamId, from, count) => (byStream.get(streamId) ?? []).slice(Number(from), Number(from) + count),
      snapshot: async () => null,
    };
    // Interleave: each loan's events stay in revision order.
    const order = [...all].sort((a, b) => Number(a.revision) - Number(b.revision) || a.streamId.localeCompare(b.streamId));
    return { log, events: order };
  }

  it('never holds more loans than its capacity nor, past the loan just asked for, more bytes than its budget, and a loan it evicted folds again the same (random books)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(servicedHistory(), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 4_000, max: 40_000 }), async (histories, capacity, maxBytes) => {
      const { log, events } = streamsOf(histories);
      const weigh = (state: LoanState) => 1_000 + 100 * (state.installments.length + state.payments.length);
      const bounded = new LoanStates(log, capacity, { maxBytes, weigh });
      for (const event of events) {
        const loan = await bounded.after(event);
        const held = bounded.held;
        expect(held.loans).toBeLessThanOrEqual(capacity);
        if (held.loans > 1) expect(held.bytes).toBeLessThanOrEqual(maxBytes);
        // The loan asked for is always held, whatever it weighs.
        expect(held.loans).toBeGreaterThanOrEqual(1);
        const fresh = await new LoanStates(log).after(event);
        expect(loan.state).toEqual(fresh.state);
      }
    }), { numRuns: 25 });
  });
});

describe('LoanStates: the ledger without the rest of the figures', () => {
  /** A stream through penalties, suspension (long gaps), write-offs, reschedules and refunds as well. */
  const richHistory = fc.tuple(fc.array(step, { minLength: 1, maxLength: 20 }), fc.constantFrom(1, 3), fc.boolean()).map(([drawn, dayScale, penalty]) => {
    const terms = servicingTerms({
      writeOffDpd: dayScale === 3 ? 400 : 30, fees: [{ kind: 'service', type: 'fixed', value: '5.00' }],
      penalty: penalty ? { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } : null,
    });
    const loan = new ServicedLoan('L1', terms, '3000.00', 6, DISBURSED);
    runHistory(loan, drawn, { dayScale });
    return loan.log.events;
  });

  it('after every event, ledger() is what loanFigures gives the loan folded from the start, whether the figures were asked before, after or not at all', async () => {
    await fc.assert(fc.asyncProperty(richHistory, fc.array(fc.constantFrom('ledger', 'figures', 'ledger-then-figures', 'figures-then-ledger'), { minLength: 1 }), async (events, asks) => {
      const loans = new LoanStates(logOf(events, null, { events: 0 }));
      for (const [i, event] of events.entries()) {
        const folded = await loans.after(event);
        const expected = loanFigures(foldedThrough(events, i + 1));
        const ask = asks[i % asks.length]!;
        if (ask === 'figures' || ask === 'figures-then-ledger') expect(folded.figures()).toStrictEqual(expected);
        if (ask !== 'figures') expect(folded.ledger()).toStrictEqual(expected.ledger);
        if (ask === 'ledger-then-figures') expect(folded.figures()).toStrictEqual(expected);
      }
    }), { numRuns: 60 });
  });
});

describe('LoanStates: least recently used first out', () => {
  it('evicts the loan asked for least recently, however many projections ask for the same event in step', async () => {
    const events = new ServicedLoan().log.events;
    const streams = ['loan-A', 'loan-B', 'loan-C'].map((streamId) => events.map((event) => ({ ...event, streamId })));
    const reads: string[] = [];
    const log: LoanLog = {
      read: async (streamId, from, count) => {
        if (count > 0) reads.push(streamId);
        return streams.find((s) => s[0]!.streamId === streamId)!.slice(Number(from), Number(from) + count);
      },
      snapshot: async () => null,
    };
    const [a, b, c] = streams as [RecordedEvent[], RecordedEvent[], RecordedEvent[]];
    const loans = new LoanStates(log, 2);
    // Two projections in step ask for each event; A is used again after B, so C evicts B.
    for (const event of [a[0]!, a[0]!, b[0]!, b[0]!, a[1]!, a[1]!, c[0]!, c[0]!]) await loans.after(event);
    await loans.after(a[2]!);
    expect(reads).toEqual([]);
    await loans.after(b[1]!);
    expect(reads).toEqual(['loan-B']);
  });
});
