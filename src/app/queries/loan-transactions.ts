import type {
  Allocation, ChargeApplied, ChargeKind, OfficerChargeKind, InstallmentAllocation, LoanApplicationSubmitted, LoanDisbursed, LoanWrittenOff, PenaltyCharged, RecoveryReceived, RefundIssued,
  RepaymentReceived, RepaymentReversed, ChargeWaived,
} from '../../domain/loan/events.js';
import { Dec } from '../../domain/decimal.js';
import { evolveLoan } from '../../domain/loan/evolve.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import { loanContext } from '../../domain/loan/payoff.js';
import { replayServicing } from '../../domain/loan/servicing-replay.js';
import { initialLoanState } from '../../domain/loan/state.js';
import { minorUnits } from '../../domain/money.js';
import { canonicalJson } from '../../eventstore/canonical-json.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { LoanStream } from './loan-stream.js';

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
    /** How the payment is split as every fact of the loan now stands (a back-dated payment recorded later re-splits it). */
    allocation: Allocation & { installments: InstallmentAllocation[] };
    /** The split when it was recorded, where that differs. */
    recordedAllocation?: Allocation & { installments: InstallmentAllocation[] };
  }
  | { type: 'reversal'; reference: string; reason: string }
  | { type: 'waiver'; kind: ChargeKind; reason: string }
  | { type: 'penalty'; installment: number }
  | { type: 'charge'; kind: OfficerChargeKind; component: 'fee' | 'penalty'; dueDate: string; installment: number; reason: string }
  | { type: 'refund'; channel: string; reference: string }
  | { type: 'recovery'; channel: string; reference: string }
  | { type: 'write-off'; writtenOff: { principal: string; interest: string; fees: string; penalties: string } }
);

/**
 * Every money movement of the loan, oldest first, read from its event history: disbursement,
 * repayments with their allocation, waivers, penalties, officer charges, refunds, recoveries and the write-off.
 * Accruals, classification and status changes move no money and are left out. A reversed
 * repayment is marked `reversed` and its reversal listed as a movement of its own. A repayment's
 * allocation is the one the servicing replay gives it now (its recorded one too, if different).
 */
export function loanTransactions(stream: LoanStream, current: ReadonlyMap<string, SplitPayment> = currentAllocations(stream.events)): LoanTransaction[] {
  const application = stream.events.find((e) => e.type === 'LoanApplicationSubmitted') as RecordedEvent<LoanApplicationSubmitted['data']> | undefined;
  const currency = application?.data.terms.currency ?? '';
  const reversed = new Set(stream.events.filter((e) => e.type === 'RepaymentReversed').map((e) => (e.data as RepaymentReversed['data']).reference));
  return stream.events.flatMap((event) => {
    const movement = withCurrentAllocation(toMovement(event, currency, reversed), current);
    if (!movement) return [];
    const base = {
      revision: event.revision.toString(), position: event.position.toString(), recordedAt: event.recordedAt,
      actor: { sub: event.actor.sub, role: event.actor.role }, currency,
    };
    return [{ ...base, ...movement } as LoanTransaction];
  });
}

export type SplitPayment = Allocation & { installments: InstallmentAllocation[] };

/** Each standing repayment's split as the servicing replay leaves it (those since the last reschedule). */
export function currentAllocations(events: readonly RecordedEvent[]): Map<string, SplitPayment> {
  const state = initialLoanState();
  for (const event of events) evolveLoan(state, { type: event.type, data: event.data } as LoanEvent);
  const splits = new Map<string, SplitPayment>();
  if (!state.terms || state.contract.length === 0) return splits;
  for (const [reference, result] of replayServicing(state, state.terms.allocationOrder, loanContext(state)).allocations) {
    splits.set(reference, { ...result.totals, installments: result.installments });
  }
  return splits;
}

function withCurrentAllocation(movement: MovementPart | null, current: ReadonlyMap<string, SplitPayment>): MovementPart | null {
  if (movement?.type !== 'repayment') return movement;
  const now = current.get(movement.reference);
  if (!now || canonicalJson(now) === canonicalJson(movement.allocation)) return movement;
  return { ...movement, allocation: now, recordedAllocation: movement.allocation };
}

// Distributes over the union, so each kind keeps its own fields.
type MovementPart = LoanTransaction extends infer T ? (T extends LoanTransaction ? Omit<T, 'revision' | 'position' | 'recordedAt' | 'actor' | 'currency'> : never) : never;

function toMovement(event: RecordedEvent, currency: string, reversed: ReadonlySet<string>): MovementPart | null {
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
      return { type: 'penalty', date: d.date, amount: d.amount, installment: d.number };
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
      return { type: 'recovery', date: d.effectiveDate, amount: d.amount, channel: d.channel, reference: d.reference };
    }
    case 'LoanWrittenOff': {
      const d = event.data as LoanWrittenOff['data'];
      const { principal, interest, fees, penalties } = d;
      return { type: 'write-off', date: d.date, amount: sum([principal, interest, fees, penalties], currency), writtenOff: { principal, interest, fees, penalties } };
    }
    default:
      return null;
  }
}

/** Component amounts are already rounded to the currency, so their sum is exact at its minor unit. */
function sum(amounts: string[], currency: string): string {
  return amounts.reduce((total, a) => total.plus(a), new Dec(0)).toFixed(minorUnits(currency));
}
