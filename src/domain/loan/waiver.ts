import type { ReplayMemo } from './replay-memo.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { WaiveCharge } from './commands.js';
import type { ChargeKind, LoanEvent } from './events.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { onOrAfterDisbursement, positiveAmount, requireActive, requireLoan } from './guards.js';
import { fmt } from './installment.js';
import { owedOnDate } from './payoff-parts.js';
import { loanContext } from './payoff.js';
import { installmentsOn } from './installments-on.js';
import { splitWaiver, waivableRows } from './waivable-rows.js';
import { replayServicing } from './servicing-replay.js';
import { foldedCopy, penaltiesOwedBy } from './penalties-owed-by.js';
import { settlementEvents } from './settlement.js';
import type { Installment, LoanState } from './state.js';

function waivedMinor(rows: readonly Installment[], kind: ChargeKind, places: number): bigint {
  let sum = 0n;
  for (const row of rows) sum += minorOf(row.waived[kind], places);
  return sum;
}

/**
 * One waiver of a charge waits at a time: while a request of `kind` waits for its checker, another
 * waiver of that kind, applied at once or requested, is WAIVER_PENDING (409, naming the request).
 * Letting it through would leave the checker approving against a loan the second waiver has since
 * changed (the approval re-checks what is owed, so one of them would fail or waive less than its
 * maker asked): decide the waiting one first (approve or reject it), then waive again.
 */
function requireNoPendingWaiver(state: LoanState, kind: WaiveCharge['data']['kind']): void {
  const pending = Object.entries(state.waiverRequests).find(([, request]) => request.kind === kind);
  if (pending === undefined) return;
  throw new DomainError('WAIVER_PENDING', `The ${kind} waiver request ${pending[0]} is waiting for approval: approve or reject it before waiving ${kind} again`, 'conflict', { reference: pending[0], kind });
}

/**
 * Waives penalty, fee or interest at once, or, above the product's `waiverApprovalAbove` (what it
 * waives: the amount given, or all that is waivable), only requests it (ChargeWaiverRequested under
 * `reference`, default `WAIVER-<revision>`) until a second person approves it (approveWaiver). The
 * waiver is checked in full either way, so a request that could never apply is refused at once.
 * Asking again under a reference still pending is a no-op; under one already approved or rejected
 * it is WAIVER_ALREADY_DECIDED (409). Errors otherwise: waiverEvents'.
 */
export function waiveCharge({ data }: WaiveCharge, state: LoanState, memo: ReplayMemo): LoanEvent[] {
  const reference = data.reference ?? null;
  if (reference !== null && state.waiverRequests[reference]) return [];
  if (reference !== null && state.decidedWaivers[reference]) {
    throw new DomainError('WAIVER_ALREADY_DECIDED', `The waiver request ${reference} was already ${state.decidedWaivers[reference]}; use a new reference`, 'conflict', { reference });
  }
  requireNoPendingWaiver(state, data.kind);
  const events = waiverEvents(data, state, memo);
  // After the penalties owed by its date that it records first (waiverEvents); a request records them when approved.
  const waived = events.find((event) => event.type === 'ChargeWaived');
  const threshold = requireLoan(state).waiverApprovalAbove ?? null;
  if (waived?.type !== 'ChargeWaived' || threshold === null || !new Dec(waived.data.amount).gt(threshold)) return events;
  if (!data.waivedBy) throw new DomainError('FOUR_EYES_REQUIRED', `A waiver above ${threshold} needs its maker named, for a second person to approve it`, 'rule');
  const { kind, amount, reason } = waived.data;
  return [{
    type: 'ChargeWaiverRequested',
    data: { reference: reference ?? `WAIVER-${state.eventsFolded}`, kind, amount, reason, effectiveDate: waived.data.effectiveDate ?? data.effectiveDate, requestedBy: data.waivedBy },
  }];
}

/**
 * Waives penalty, fee or interest owed on the waiver's effective date (the rows as the facts before
 * it in the replay leave them: installmentsOn; owed as a payoff on that date counts it, owedOnDate:
 * a fee only of a row fallen due by then), oldest installment first; never more than was owed
 * then (AMOUNT_OUT_OF_RANGE, 422, naming what was waivable). Interest is waivable only as far as it is due or accrued on the waiver's date (waivableInterest):
 * more is WAIVER_EXCEEDS_INTEREST_DUE (422), never a waiver of interest of periods not yet run.
 * The waiver takes effect on its effective date: replayed there among the loan's other facts, and
 * booked in the ledger on that date. A waiver dated before what it would waive was owed (a
 * penalty charged later) is refused (AMOUNT_OUT_OF_RANGE, 422) rather than recorded in full and
 * applied in part. Like a payment, it first records the penalties owed by its date that no close
 * has charged yet (penaltiesOwedBy), and decides on the loan with them (QA 10 R1: a penalty the
 * payoff counted was refused as NOTHING_TO_WAIVE until the night's close charged it).
 */
export function waiverEvents(data: WaiveCharge['data'], current: LoanState, memo: ReplayMemo): LoanEvent[] {
  requireActive(current);
  const effectiveDate = onOrAfterDisbursement(current, data.effectiveDate);
  if (current.rescheduledOn !== null && effectiveDate < current.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `Cannot backdate a waiver before the reschedule on ${current.rescheduledOn}`, 'rule');
  }
  const penalties = penaltiesOwedBy(current, effectiveDate, 'ChargeWaived', memo);
  const state = foldedCopy(current, penalties, memo);
  const c = state.currency;
  // What was owed on the effective date (the rows as the facts before the waiver in the replay leave them), never
  // what is owed now: a back-dated waiver waives what was owed then.
  const rowsThen = installmentsOn(state, effectiveDate, loanContext(state), memo);
  const places = minorUnits(c);
  const open = waivableRows(rowsThen, data.kind, effectiveDate, loanContext(state));
  const total = new Dec(formatMinor(open.reduce((sum, row) => sum + row.owed, 0n), places));
  const amount = data.amount ? positiveAmount(data.amount, c).amount : total;
  if (total.isZero()) {
    // A fee or penalty the rows as they stand now owe by the waiver's date (owedOnDate) but the rows then did not
    // (charged after the waiver's date): the waiver is dated too early. A fee of a row not yet due then is not owed.
    const owedNow = data.kind !== 'interest' && owedOnDate(state.installments, data.kind, effectiveDate, loanContext(state)).length > 0;
    if (owedNow) throw new DomainError('AMOUNT_OUT_OF_RANGE', `No ${data.kind} was owed on ${effectiveDate}; date the waiver on or after the day it was charged`, 'rule', { waivable: fmt(total, c), effectiveDate });
    if (!data.amount || data.kind !== 'interest') throw new DomainError('NOTHING_TO_WAIVE', `No ${data.kind} is ${data.kind === 'interest' ? 'due or accrued' : 'owed'} on ${effectiveDate}`, 'rule');
  }
  if (amount.gt(total) && data.kind === 'interest') {
    throw new DomainError(
      'WAIVER_EXCEEDS_INTEREST_DUE', `Cannot waive ${fmt(amount, c)} interest on ${effectiveDate}: only ${fmt(total, c)} is due or accrued by then; interest of periods not yet run is not owed (reschedule to lower the rate)`,
      'rule', { waivable: fmt(total, c), effectiveDate },
    );
  }
  if (amount.gt(total)) {
    throw new DomainError(
      'AMOUNT_OUT_OF_RANGE', `Cannot waive ${fmt(amount, c)} ${data.kind} on ${effectiveDate}: only ${fmt(total, c)} was owed then`,
      'rule', { waivable: fmt(total, c), effectiveDate },
    );
  }
  const installments = splitWaiver(open, minorOf(fmt(amount, c), places)).map((part) => ({ number: part.number, amount: formatMinor(part.owed, places) }));
  const waived: LoanEvent = { type: 'ChargeWaived', data: { kind: data.kind, amount: fmt(amount, c), reason: data.reason, installments, effectiveDate } };
  // Replayed at its date, the waiver may leave later payments paying more than is owed.
  const replay = replayServicing(state, requireLoan(state).allocationOrder, loanContext(state), [
    { kind: 'waiver', date: effectiveDate, sequence: state.eventsFolded + 1, waiver: { sequence: state.eventsFolded + 1, date: effectiveDate, kind: data.kind, parts: installments } },
  ], null, null, memo);
  // Replayed there, a waiver dated before a later-dated waiver of the same charge leaves that one less to waive: the
  // loan would gain only the difference. A waiver records only what it adds, never more.
  const effective = waivedMinor(replay.installments, data.kind, places) - waivedMinor(state.installments, data.kind, places);
  if (effective < minorOf(fmt(amount, c), places)) {
    throw new DomainError(
      'AMOUNT_OUT_OF_RANGE', `Cannot waive ${fmt(amount, c)} ${data.kind} on ${effectiveDate}: replayed there it waives only ${formatMinor(effective, places)} more (a later waiver already waives the rest)`,
      'rule', { waivable: formatMinor(effective, places), effectiveDate },
    );
  }
  const creditAfter = replay.excessMinor - minorOf(state.refunded, places);
  return [...penalties, waived, ...settlementEvents(state, replay.installments, creditAfter, effectiveDate)];
}
