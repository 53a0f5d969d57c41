import type { AllocationOrder } from '../product/events.js';
import type { AllocationResult } from './allocation.js';
import type { PaymentRecord } from './payment-book.js';
import { stampSettled, undatedSettled } from './servicing-replay.js';
import type { Installment, LoanState } from './state.js';

/** A payment's allocation as deciding it applied it to a copy of the loan's rows. */
interface DecidedPayment {
  /** The state's eventsFolded when it was decided: the fold of its event comes next, one higher. */
  foldedAt: number;
  order: AllocationOrder;
  payment: PaymentRecord;
  result: AllocationResult;
  rows: readonly Installment[];
}

/**
 * The allocation a repayment's decision computed on the loan's current rows (paymentOutcome), kept
 * for the fold of the event it produced: the command pipeline folds the event into the very state
 * it decided on, and allocating again there was a third of a repayment's CPU. Keyed by the rows
 * array (weakly: a state dropped takes its entry with it); an entry is used only for the same
 * payment, order and rows, by the fold that comes right after the decision (any other fold moves
 * eventsFolded), so a hit applies exactly what allocating again would. Rows are never mutated
 * (applyAllocation replaces them), so the rows kept stay what they were.
 */
const decided = new WeakMap<readonly Installment[], DecidedPayment>();

/** Records that `payment` on `state`'s rows, allocated in `order`, gives `result` and `rows`. */
export function rememberDecidedPayment(state: LoanState, payment: PaymentRecord, order: AllocationOrder, result: AllocationResult, rows: readonly Installment[]): void {
  decided.set(state.installments, { foldedAt: state.eventsFolded, order, payment, result, rows: [...rows] });
}

const samePayment = (a: PaymentRecord, b: PaymentRecord): boolean =>
  a.reference === b.reference && a.amount === b.amount && a.effectiveDate === b.effectiveDate && a.sequence === b.sequence
  && a.channel === b.channel && a.prepayment === b.prepayment;

/**
 * Applies the decided allocation of `payment` to `state`'s rows in place (as applyFact would) and returns it, when the
 * decision was made on these very rows just before this fold; null otherwise (allocate as usual).
 */
export function applyDecidedPayment(state: LoanState, payment: PaymentRecord, order: AllocationOrder): AllocationResult | null {
  const entry = decided.get(state.installments);
  if (entry === undefined) return null;
  decided.delete(state.installments);
  if (entry.foldedAt + 1 !== state.eventsFolded || entry.order !== order || !samePayment(entry.payment, payment)) return null;
  const undated = undatedSettled(state.installments);
  state.installments.splice(0, state.installments.length, ...entry.rows);
  // As applyFact ends every fact: the rows it settled are dated.
  stampSettled(state.installments, payment.effectiveDate, undated);
  return entry.result;
}
