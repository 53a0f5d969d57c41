import type { AllocationOrder } from '../product/events.js';
import type { LoanEvent } from './events.js';
import type { Replay } from './servicing-replay.js';
import type { InstallmentsTimeline } from './installments-timeline.js';
import type { Installment, LoanContext } from './state.js';

/** A store of remembered values by key: the caller (the application) decides how many it keeps and which it drops. */
export interface MemoStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * Replays of long histories, remembered by everything a replay reads (QA 10 R9): one request on a
 * loan with 1 500 repayments replayed the same facts up to six times — the repayment's check, its
 * decision, the fold of its event, each load of the loan until the next snapshot, and the
 * transactions read — at ~0.2 ms CPU per payment each. A replay is a pure function of the contract
 * rows, the facts in replay order, the allocation order, the loan context and `throughDay`, so the
 * key is those, serialised; a hit returns exactly what replaying again would, in containers of its
 * own (rows are never mutated in place, see decided-payments.ts, so they are shared). The domain
 * keeps nothing between calls: the application owns the stores (src/app/loans/loan-replay-memo.ts,
 * bounded there) and passes them in; NO_REPLAY_MEMO remembers nothing.
 */
export interface ReplayMemo {
  /** Histories of fewer facts than this are not kept (a short replay costs about what its key does); null: none are. */
  readonly minFacts: number | null;
  readonly replays: MemoStore<Replay>;
  /** The penalties end-of-day decisions decided (memoisedPenalties). */
  readonly penalties: MemoStore<readonly LoanEvent[]>;
  /** Full replays' installments on every date (replayTimeline), by the replay's key: never changed once made, so kept as they are. */
  readonly timelines: MemoStore<InstallmentsTimeline>;
}

const nothingKept: MemoStore<never> = { get: () => undefined, set: () => undefined };

/** The memo that keeps nothing: every replay runs. */
export const NO_REPLAY_MEMO: ReplayMemo = { minFacts: null, replays: nothingKept, penalties: nothingKept, timelines: nothingKept };

/**
 * The memo key of a replay of `facts` (in replay order) over `contract`; null when the history is too
 * short for `memo` to keep (`weight`: what the work grows with, the facts unless the caller knows better). Serialised with sorted keys: a payment decided and the same payment folded, or rows
 * decoded from a snapshot, list their fields in different orders.
 */
export function replayKey(
  memo: ReplayMemo, contract: readonly Installment[], facts: readonly unknown[], order: AllocationOrder, ctx: LoanContext, graceDays: number, throughDay: string | null,
  weight = facts.length,
): string | null {
  if (memo.minFacts === null || weight < memo.minFacts) return null;
  return sortedJson([order, graceDays, throughDay, { ...ctx, contract: ctx.contract === contract ? null : ctx.contract }, contract, facts]);
}

/** JSON with every object's keys sorted and undefined members left out (as JSON.stringify leaves them out). */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
}

/** A copy of the replay `memo` remembers under `key`, or undefined. */
export function recalledReplay(memo: ReplayMemo, key: string): Replay | undefined {
  const found = memo.replays.get(key);
  return found === undefined ? undefined : copyOf(found);
}

/** Remembers `replay` under `key` in `memo` (a copy, so the caller's own containers may change after). */
export function rememberReplay(memo: ReplayMemo, key: string, replay: Replay): void {
  memo.replays.set(key, copyOf(replay));
}

/**
 * The penalties a replay with end-of-day decisions (late-paid-penalty.ts's penaltiesOwed) decided,
 * remembered like a replay: `key` is the replay's key with what the decisions read beside it. A
 * payoff or a repayment on a loan whose penalties no close has charged yet replayed its whole
 * history to find them, on every request. Null key: computed, not kept.
 */
export function memoisedPenalties(memo: ReplayMemo, key: string | null, decide: () => LoanEvent[]): LoanEvent[] {
  if (key === null) return decide();
  const found = memo.penalties.get(key);
  if (found !== undefined) return found.map((event) => structuredClone(event));
  const events = decide();
  memo.penalties.set(key, events.map((event) => structuredClone(event)));
  return events;
}

/** The key of what end-of-day decisions over the replay keyed `replay` decide, given everything else they read; null when the replay is not kept. */
export function decisionsKey(replay: string | null, read: unknown): string | null {
  return replay === null ? null : `${replay}|${sortedJson(read)}`;
}

function copyOf(replay: Replay): Replay {
  return {
    installments: replay.installments.slice(),
    allocations: new Map(replay.allocations),
    excessMinor: replay.excessMinor,
    voidedPenalties: new Set(replay.voidedPenalties),
    waived: new Map(replay.waived),
    penaltiesCharged: new Map(replay.penaltiesCharged),
    charged: new Map(replay.charged),
  };
}
