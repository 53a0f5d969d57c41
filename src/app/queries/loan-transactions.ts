import type {
  Allocation, ChargeApplied, ChargeKind, OfficerChargeKind, InstallmentAllocation, LoanApplicationSubmitted, LoanDisbursed, LoanWrittenOff, PenaltyCharged, RecoveryReceived, RecoveryReversed, RefundIssued,
  RepaymentReceived, RepaymentReversed, ChargeWaived,
} from '../../domain/loan/events.js';
import { Dec } from '../../domain/decimal.js';
import { evolveLoan } from '../../domain/loan/evolve.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import { loanContext } from '../../domain/loan/payoff.js';
import { owedOn } from '../../domain/loan/penalties-owed-by.js';
import type { AppliedCharge } from '../../domain/loan/charges-standing.js';
import { replayServicing } from '../../domain/loan/servicing-replay.js';
import { initialLoanState, type LoanState } from '../../domain/loan/state.js';
import { minorUnits } from '../../domain/money.js';
import { formatMinor } from '../../domain/schedule/minor-units.js';
import { canonicalJson } from '../../eventstore/canonical-json.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { LoanStream } from './loan-stream.js';
import type { ReplayMemo } from '../../domain/loan/replay-memo.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

/** What every money movement carries: where it sits in the log, when it took effect (business date), who recorded it and how much. */
interface Movement {
  revision: string;
  position: string;
  /** Business date the movement took effect, YYYY-MM-DD. */
  date: string;
  recordedAt: string;
  actor: { sub: string; role: string };
  currency: string;
  /** Decimal string, always positive; `type` says which way it went. */
  amount: string;
}

export type LoanTransaction = Movement & (
  | { type: 'disbursement'; netAmount: string; fees: { kind: string; amount: string }[]; channel: string }
  | {
    type: 'repayment'; channel: string; reference: string; reversed: boolean;
    /** How the payment is split as every fact of the loan now stands (a back-dated payment recorded later re-splits it), penalties owed by the business date included whether or not a close has charged them yet. */
    allocation: Allocation & { installments: InstallmentAllocation[] };
    /** The split when it was recorded, where that differs. */
    recordedAllocation?: Allocation & { installments: InstallmentAllocation[] };
  }
  | { type: 'reversal'; reference: string; reason: string }
  | {
    type: 'waiver'; kind: ChargeKind; reason: string;
    /** The amount as recorded, present only where the replay waives a different amount (`amount`): a payment recorded later, dated before it, paid part of what it waived. */
    recordedAmount?: string;
  }
  | {
    type: 'penalty'; installment: number;
    /** True when the penalty does not stand: a payment recorded later, dated in time, showed the installment was not late. */
    voided: boolean;
    /** The amount as charged, present only where the replay charges a different amount (`amount`): a percent penalty re-priced on its row after a back-dated payment. */
    recordedAmount?: string;
  }
  | {
    type: 'charge'; kind: OfficerChargeKind; component: 'fee' | 'penalty'; dueDate: string; installment: number; reason: string;
    /** The amount as applied, present only where the replay charges a different amount (`amount`, 0.00 or less where it was forgone, by its own rule or by a payoff forgiving fees of rows not yet due, or cut off by a write-off dated before it). */
    recordedAmount?: string;
  }
  | { type: 'refund'; channel: string; reference: string }
  | { type: 'recovery'; channel: string; reference: string; reversed: boolean }
  | {
    type: 'write-off';
    /** The claim written off by component; with `refundDue` they sum to `amount`. */
    writtenOff: { principal: string; interest: string; fees: string; penalties: string; refundDue: string };
    /** The claim as first recorded, present only where it differs: a repayment reversed since re-derived the write-off. */
    recordedAmount?: string;
  }
);

/**
 * Every money movement of the loan, oldest first, read from its event history: disbursement,
 * repayments with their allocation, waivers, penalties, officer charges, refunds, recoveries and the write-off.
 * Accruals, classification and status changes move no money and are left out. A reversed
 * repayment is marked `reversed` and its reversal listed as a movement of its own; a penalty that
 * no longer stands is marked `voided`. Every servicing fact is shown as the servicing replay
 * applies it now (what the figures and the ledger hold): a repayment's split, a waiver's, penalty's
 * or charge's amount, the write-off's claim; its recorded one beside it where that differs. The
 * facts before a reschedule are shown as the replay applied them when the reschedule settled them.
 */
export function loanTransactions(stream: LoanStream, current: ServicingNow = servicingNow(stream.events)): LoanTransaction[] {
  const application = stream.events.find((e) => e.type === 'LoanApplicationSubmitted') as RecordedEvent<LoanApplicationSubmitted['data']> | undefined;
  const currency = application?.data.terms.currency ?? '';
  const reversed = new Set(stream.events.filter((e) => e.type === 'RepaymentReversed').map((e) => (e.data as RepaymentReversed['data']).reference));
  const reversedRecoveries = new Set(stream.events.filter((e) => e.type === 'RecoveryReversed').map((e) => (e.data as RecoveryReversed['data']).reference));
  return stream.events.flatMap((event) => {
    const movement = asReplayed(withCurrentAllocation(toMovement(event, currency, reversed, current.voidedPenalties, reversedRecoveries), current.splits), event.revision.toString(), current, currency);
    if (!movement) return [];
    const base = {
      revision: event.revision.toString(), position: event.position.toString(), recordedAt: event.recordedAt,
      actor: { sub: event.actor.sub, role: event.actor.role }, currency,
    };
    return [{ ...base, ...movement } as LoanTransaction];
  });
}

export type SplitPayment = Allocation & { installments: InstallmentAllocation[] };

/**
 * What the servicing replay says of the loan's facts now: each standing repayment's split, the
 * penalties that no longer stand, and what each waiver and standing penalty amounts to as
 * replayed (what the figures and the ledger hold).
 */
export interface ServicingNow {
  /** By reference, for repayments since the last reschedule. */
  splits: ReadonlyMap<string, SplitPayment>;
  /** Revisions of PenaltyCharged events voided (a payment dated in time, recorded later). */
  voidedPenalties: ReadonlySet<string>;
  /** By revision of the ChargeWaived event: what the replay waived (decimal string); absent, as recorded. */
  waived?: ReadonlyMap<string, string>;
  /** By revision of the PenaltyCharged event: what the replay charged (decimal string); absent, as recorded. */
  penaltiesCharged?: ReadonlyMap<string, string>;
  /** By revision of the ChargeApplied event: its row and what of it stands as replayed; a charge replayed and absent here was forgone. */
  charged?: ReadonlyMap<string, AppliedCharge>;
  /** Revisions of the penalties and charges some replay saw; one never replayed was cut off by a write-off dated before it. */
  replayed?: ReadonlySet<string>;
  /** The write-off as the loan holds it now (re-derived by a reversal since); null when not written off. */
  writtenOff?: LoanState['writtenOff'];
}

/**
 * Folds the stream and replays its servicing facts. A reschedule settles the facts before it into
 * its contract, so the penalties voided by then are read just before it. `loaded`, the loan as
 * folded through exactly these events (loaded from its snapshot), spares the fold after the last
 * reschedule (QA 10 R9: folding a loan's 1 500 repayments cost as much as replaying them); a fact's
 * sequence is its event's place in the stream (evolve counts every event it folds), so the facts
 * since are read off the events themselves. With `today` (the business date), the splits are those
 * of the loan as a payment that day finds it (owedOn): with the penalties owed by then, charged by a
 * close or not, so they do not depend on whether the night's close has run. Long replays go through
 * `memo` (the process's unless a caller brings its own).
 */
export function servicingNow(events: readonly RecordedEvent[], loaded?: LoanState, today?: string, memo: ReplayMemo = processReplayMemo): ServicingNow {
  let state = initialLoanState();
  const factRevisions = new Map<number, string>();
  const voidedPenalties = new Set<string>();
  const waived = new Map<string, string>();
  const penaltiesCharged = new Map<string, string>();
  const charged = new Map<string, AppliedCharge>();
  const replayed = new Set<string>();
  const splits = new Map<string, SplitPayment>();
  // Each replay covers the facts since the last reschedule: the one just before a reschedule is how
  // that reschedule settled them (never replayed again), the last one is how the facts stand now.
  const replay = () => {
    if (!state.terms || state.contract.length === 0) return;
    const result = replayServicing(state, state.terms.allocationOrder, loanContext(state), [], null, null, memo);
    const places = minorUnits(state.currency);
    const revisionOf = (sequence: number) => factRevisions.get(sequence);
    for (const fact of [...state.penalties, ...state.charges]) {
      const revision = revisionOf(fact.sequence);
      if (revision !== undefined) replayed.add(revision);
    }
    for (const sequence of result.voidedPenalties) {
      const revision = revisionOf(sequence);
      if (revision !== undefined) voidedPenalties.add(revision);
    }
    for (const [sequence, minor] of result.waived) {
      const revision = revisionOf(sequence);
      if (revision !== undefined) waived.set(revision, formatMinor(minor, places));
    }
    for (const [sequence, amount] of result.penaltiesCharged) {
      const revision = revisionOf(sequence);
      if (revision !== undefined) penaltiesCharged.set(revision, amount);
    }
    for (const [sequence, applied] of result.charged) {
      const revision = revisionOf(sequence);
      if (revision !== undefined) charged.set(revision, applied);
    }
    for (const [reference, split] of result.allocations) splits.set(reference, { ...split.totals, installments: split.installments });
  };
  const skipFrom = loaded !== undefined && loaded.eventsFolded === events.length ? events.findLastIndex((e) => e.type === 'LoanRescheduled') + 1 : events.length;
  events.forEach((event, index) => {
    // A waiver's, penalty's or charge's fact sequence is the count of events folded with it (see evolve.ts).
    const isFact = event.type === 'PenaltyCharged' || event.type === 'ChargeWaived' || event.type === 'ChargeApplied';
    if (index >= skipFrom) {
      if (isFact) factRevisions.set(index + 1, event.revision.toString());
      return;
    }
    if (event.type === 'LoanRescheduled') replay();
    evolveLoan(state, { type: event.type, data: event.data } as LoanEvent, memo);
    if (isFact) factRevisions.set(state.eventsFolded, event.revision.toString());
  });
  if (skipFrom < events.length) Object.assign(state, loaded);
  // The penalties owed by the business date come first, whether or not a close has charged them yet:
  // a repayment dated after one pays it, as it will once the close has run (QA 10 R1, repro E).
  if (today !== undefined) state = owedOn(state, today, memo);
  replay();
  // A penalty cut off by a write-off dated before it (cutBackTo) was never owed by the loan written off.
  for (const event of events) {
    const revision = event.revision.toString();
    if (event.type === 'PenaltyCharged' && !replayed.has(revision) && !penaltiesCharged.has(revision)) voidedPenalties.add(revision);
  }
  return { splits, voidedPenalties, waived, penaltiesCharged, charged, replayed, writtenOff: state.writtenOff };
}

/**
 * A waiver, standing penalty, officer charge or write-off with the amount the replay gives it (its
 * recorded amount kept beside it where that differs).
 */
function asReplayed(movement: MovementPart | null, revision: string, current: ServicingNow, currency: string): MovementPart | null {
  const shown = <M extends MovementPart & { amount: string }>(m: M, applied: string | undefined): M =>
    applied === undefined || applied === m.amount ? m : { ...m, amount: applied, recordedAmount: m.amount };
  switch (movement?.type) {
    case 'waiver':
      return shown(movement, current.waived?.get(revision));
    case 'penalty':
      return movement.voided ? movement : shown(movement, current.penaltiesCharged?.get(revision));
    case 'charge': {
      if (current.charged === undefined) return movement;
      const applied = current.charged.get(revision);
      return applied === undefined ? shown(movement, sum([], currency)) : shown({ ...movement, installment: applied.row }, applied.amount);
    }
    case 'write-off': {
      const now = current.writtenOff;
      if (!now) return movement;
      const writtenOff = {
        principal: now.principal, interest: sum([now.interest, now.notBooked.interest], currency), fees: sum([now.fee, now.notBooked.fees], currency),
        penalties: sum([now.penalty, now.notBooked.penalties], currency), refundDue: now.refundDue,
      };
      return shown({ ...movement, writtenOff }, now.claim);
    }
    default:
      return movement;
  }
}

function withCurrentAllocation(movement: MovementPart | null, current: ReadonlyMap<string, SplitPayment>): MovementPart | null {
  if (movement?.type !== 'repayment') return movement;
  const now = current.get(movement.reference);
  if (!now || canonicalJson(now) === canonicalJson(movement.allocation)) return movement;
  return { ...movement, allocation: now, recordedAllocation: movement.allocation };
}

// Distributes over the union, so each kind keeps its own fields.
type MovementPart = LoanTransaction extends infer T ? (T extends LoanTransaction ? Omit<T, 'revision' | 'position' | 'recordedAt' | 'actor' | 'currency'> : never) : never;

function toMovement(event: RecordedEvent, currency: string, reversed: ReadonlySet<string>, voided: ReadonlySet<string>, reversedRecoveries: ReadonlySet<string> = new Set()): MovementPart | null {
  switch (event.type) {
    case 'LoanDisbursed': {
      const d = event.data as LoanDisbursed['data'];
      return { type: 'disbursement', date: d.date, amount: d.amount, netAmount: d.netAmount, fees: d.fees, channel: d.channel };
    }
    case 'RepaymentReceived': {
      const d = event.data as RepaymentReceived['data'];
      return {
        type: 'repayment', date: d.effectiveDate, amount: d.amount, channel: d.channel, reference: d.reference, reversed: reversed.has(d.reference),
        allocation: { ...d.allocation, installments: d.installments },
      };
    }
    case 'RepaymentReversed': {
      const d = event.data as RepaymentReversed['data'];
      return { type: 'reversal', date: d.effectiveDate, amount: d.amount, reference: d.reference, reason: d.reason };
    }
    case 'ChargeWaived': {
      const d = event.data as ChargeWaived['data'];
      return { type: 'waiver', date: d.effectiveDate ?? event.occurredAt.slice(0, 10), amount: d.amount, kind: d.kind, reason: d.reason };
    }
    case 'PenaltyCharged': {
      const d = event.data as PenaltyCharged['data'];
      return { type: 'penalty', date: d.date, amount: d.amount, installment: d.number, voided: voided.has(event.revision.toString()) };
    }
    case 'ChargeApplied': {
      const d = event.data as ChargeApplied['data'];
      return { type: 'charge', date: d.date, amount: d.amount, kind: d.kind, component: d.component, dueDate: d.dueDate, installment: d.number, reason: d.reason };
    }
    case 'RefundIssued': {
      const d = event.data as RefundIssued['data'];
      return { type: 'refund', date: d.date, amount: d.amount, channel: d.channel, reference: d.reference };
    }
    case 'RecoveryReceived': {
      const d = event.data as RecoveryReceived['data'];
      return { type: 'recovery', date: d.effectiveDate, amount: d.amount, channel: d.channel, reference: d.reference, reversed: reversedRecoveries.has(d.reference) };
    }
    case 'RecoveryReversed': {
      const d = event.data as RecoveryReversed['data'];
      return { type: 'reversal', date: d.effectiveDate, amount: d.amount, reference: d.reference, reason: d.reason };
    }
    case 'LoanWrittenOff': {
      // The borrower's claim written off (the payoff that day), interest and fees the books never carried included.
      const d = event.data as LoanWrittenOff['data'];
      const { principal } = d;
      const interest = sum([d.interest, d.notBooked?.interest ?? '0'], currency);
      const fees = sum([d.fees, d.notBooked?.fees ?? '0'], currency);
      const penalties = sum([d.penalties, d.notBooked?.penalties ?? '0'], currency);
      const refundDue = sum([d.refundDue ?? '0'], currency);
      return { type: 'write-off', date: d.date, amount: sum([principal, interest, fees, penalties, refundDue], currency), writtenOff: { principal, interest, fees, penalties, refundDue } };
    }
    default:
      return null;
  }
}

/** Component amounts are already rounded to the currency, so their sum is exact at its minor unit. */
function sum(amounts: string[], currency: string): string {
  return amounts.reduce((total, a) => total.plus(a), new Dec(0)).toFixed(minorUnits(currency));
}
