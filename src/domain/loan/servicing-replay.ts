import { addDays } from '../calendar.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { AllocationOrder } from '../product/events.js';
import { allocateRepayment, type AllocationResult } from './allocation.js';
import { addAmounts, fmt, isSettled, owedMinor } from './installment.js';
import { paymentRecords, type PaymentRecord } from './payment-book.js';
import { applyAllocation } from './apply-allocation.js';
import { penaltyAmount } from './delinquency.js';
import type { ChargeFact, Installment, LoanContext, LoanState, PenaltyFact, WaiverFact } from './state.js';
import { splitWaiver, waivableRows } from './waivable-rows.js';
import { chargesStanding, type AppliedCharge } from './charges-standing.js';
import { applyPayment, principalOwedMinor } from './payment-settlement.js';
import { recalledReplay, rememberReplay, replayKey, NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { InstallmentsTimeline } from './installments-timeline.js';

/**
 * A servicing fact in replay order: by effective date; on one date, close of business's penalties
 * before every other fact of that date, and otherwise in the order recorded. A penalty dated D is
 * charged at the start of D, the first day after its installment's grace (Fineract's close of
 * business charges it then): a payment dated D pays it like any charge owed that day and never
 * undoes it, so a loan's figures do not depend on whether a same-day fact was recorded before or
 * after the close.
 */
export type ServicingFact =
  | { kind: 'payment'; date: string; sequence: number; payment: PaymentRecord }
  | { kind: 'waiver'; date: string; sequence: number; waiver: WaiverFact }
  | { kind: 'penalty'; date: string; sequence: number; penalty: PenaltyFact }
  | { kind: 'charge'; date: string; sequence: number; charge: ChargeFact };

/**
 * The replay sort key of a fact of `kind` on `date` (facts of one key replay in recording order); a
 * fact with a lower key than the latest applied re-runs the replay.
 */
export function factKey(date: string, kind: ServicingFact['kind'] = 'payment'): string {
  return `${date}|${kind === 'penalty' ? 0 : 1}`;
}

// Whether an installment was late is judged at the end of its last day of grace, after every fact of that day.
function endOfDayKey(date: string): string {
  return `${date}|2`;
}

function compareFacts(a: ServicingFact, b: ServicingFact): number {
  const x = factKey(a.date, a.kind);
  const y = factKey(b.date, b.kind);
  if (x !== y) return x < y ? -1 : 1;
  return a.sequence - b.sequence;
}

/** The loan's facts since its contract was last set, in replay order. */
export function servicingFacts(state: LoanState): ServicingFact[] {
  const facts: ServicingFact[] = [];
  const reversed = new Set(state.reversed);
  for (const payment of paymentRecords(state.payments)) {
    if (payment.sequence < state.replayFrom || reversed.has(payment.reference)) continue;
    const prepayment = state.prepaymentOverrides[payment.reference];
    facts.push({ kind: 'payment', date: payment.effectiveDate, sequence: payment.sequence, payment: prepayment ? { ...payment, prepayment } : payment });
  }
  for (const waiver of state.waivers) facts.push({ kind: 'waiver', date: waiver.date, sequence: waiver.sequence, waiver });
  for (const penalty of state.penalties) facts.push({ kind: 'penalty', date: penalty.date, sequence: penalty.sequence, penalty });
  for (const charge of state.charges) facts.push({ kind: 'charge', date: charge.date, sequence: charge.sequence, charge });
  return facts.sort(compareFacts);
}

/** True for a fee charge on a row not yet due at its date while no principal is owed (see addCharge). */
export function chargeIsForgone(rows: readonly Installment[], charge: ChargeFact, currency: string): boolean {
  const inst = rows[charge.number - 1];
  return inst !== undefined && charge.component === 'fee' && inst.dueDate > charge.date && principalOwedMinor(rows, minorUnits(currency)) === 0n;
}

/**
 * Applies a waiver at its place in the replay: its recorded amount (the sum of its parts) split
 * afresh over what the rows as they stand here owe of its kind (waivableRows, the rule the decision
 * used), so a payment back-dated before it does not make it waive less while as much is still
 * waivable on its date; never more than is. Returns what it waived, in minor units.
 */
export function applyWaiver(rows: Installment[], waiver: WaiverFact, ctx: LoanContext): bigint {
  const currency = ctx.currency;
  const places = minorUnits(currency);
  const asked = waiver.parts.reduce((sum, part) => sum + minorOf(part.amount, places), 0n);
  let waived = 0n;
  for (const part of splitWaiver(waivableRows(rows, waiver.kind, waiver.date, ctx), asked)) {
    const inst = rows[part.number - 1] as Installment;
    const next = { ...inst, waived: { ...inst.waived, [waiver.kind]: addAmounts(inst.waived[waiver.kind], formatMinor(part.owed, places), currency) } };
    rows[part.number - 1] = { ...next, settled: isSettled(next, currency) };
    waived += part.owed;
  }
  return waived;
}

/**
 * True while the installment still owes principal, interest or fees (what makes it late), beyond the
 * officer fee charges among `charges` applied to it after its due date and by `through` (QA 12 Q5: a
 * document fee billed on a row paid on time is not owed since the row's due date, so it does not
 * make the row late for its penalty; it is past due only from the day it was applied, unpaidSince).
 */
export function stillUnpaid(rows: readonly Installment[], number: number, currency: string, charges: readonly ChargeFact[] = [], through = '9999-12-31'): boolean {
  const inst = rows[number - 1];
  if (inst === undefined) return false;
  const places = minorUnits(currency);
  if (owedMinor(inst, 'principal', places) > 0n || owedMinor(inst, 'interest', places) > 0n) return true;
  let lateFees = 0n;
  for (const charge of charges) {
    if (charge.number === number && charge.component === 'fee' && charge.date > inst.dueDate && charge.date <= through) lateFees += minorOf(charge.amount, places);
  }
  return owedMinor(inst, 'fee', places) > lateFees;
}

/**
 * A percent penalty replayed is that percent of what its row owed at the end of its last grace day
 * (every fact dated up to then applied): a payment back-dated into the grace lowers it. A fixed one
 * stands as charged. Null when the row owes nothing then.
 */
function repriced(rows: readonly Installment[], penalty: PenaltyFact, ctx: LoanContext): PenaltyFact | null {
  const terms = ctx.schedule?.terms;
  const inst = rows[penalty.number - 1];
  if (terms?.penalty?.type !== 'percent' || !inst) return penalty;
  const amount = penaltyAmount(inst, terms.penalty, ctx.currency, terms.roundingMode);
  return amount.isZero() ? null : { ...penalty, amount: fmt(amount, ctx.currency) };
}

function addPenalty(rows: Installment[], penalty: PenaltyFact, currency: string): void {
  const inst = rows[penalty.number - 1] as Installment;
  rows[penalty.number - 1] = { ...inst, settled: false, due: { ...inst.due, penalty: addAmounts(inst.due.penalty, penalty.amount, currency) } };
}

/**
 * Adds an officer's charge to its installment (reopening it if it was settled). A fee on a row not
 * yet due once no principal is owed is void: fees of periods not yet due are forgone then, like
 * the schedule's own (see forgoUnearned). Returns the row it was added to (null: forgone).
 */
export function addCharge(rows: Installment[], fact: ChargeFact, currency: string): number | null {
  // A reduce-term payment dated before the charge may have dropped its row: the last row takes it.
  const charge = { ...fact, number: Math.min(fact.number, rows.length) };
  const inst = rows[charge.number - 1];
  if (!inst) return null;
  if (chargeIsForgone(rows, charge, currency)) return null;
  rows[charge.number - 1] = { ...inst, settled: false, due: { ...inst.due, [charge.component]: addAmounts(inst.due[charge.component], charge.amount, currency) } };
  return charge.number;
}

/**
 * Charges a penalty that arrives as the latest fact: it stands if its installment still owes
 * principal, interest or fees (then it did on every earlier night too); otherwise it is void.
 */
export function applyPenalty(rows: Installment[], penalty: PenaltyFact, currency: string): boolean {
  if (!stillUnpaid(rows, penalty.number, currency)) return false;
  addPenalty(rows, penalty, currency);
  return true;
}

/** The installment's last day of grace: unpaid at its end, the installment is late and a penalty stands. */
export function lastDayOfGrace(state: LoanState, number: number): string | null {
  const inst = state.contract[number - 1];
  if (!inst) return null;
  return addDays(inst.dueDate, state.terms?.penalty?.graceDays ?? 0);
}

/**
 * Money already received beyond every balance pays a charge that arrives later (a penalty dated
 * after an overpaying payment), so a loan never sits overpaid and owing at once. Returns the minor
 * units of credit used.
 */
export function applyCredit(rows: Installment[], creditMinor: bigint, date: string, order: AllocationOrder, ctx: LoanContext): bigint {
  if (creditMinor <= 0n) return 0n;
  const places = minorUnits(ctx.currency);
  const result = allocateRepayment(rows, formatMinor(creditMinor, places), date, order, ctx);
  applyAllocation(rows, result.installments, ctx.currency);
  return creditMinor - minorOf(result.totals.excess, places);
}

const NONE_UNDATED: ReadonlySet<number> = new Set();

/**
 * The numbers of the rows settled with no date: settled before settledOn was tracked, which count
 * as never late (a migrated loan's legacy rows, whose settlement date the legacy book does not
 * give; rows of a snapshot older than codec 5). Taken before a fact is applied, for stampSettled.
 */
export function undatedSettled(rows: readonly Installment[]): ReadonlySet<number> {
  let found: Set<number> | null = null;
  for (const row of rows) if (row.settled && row.settledOn === null) (found ??= new Set()).add(row.number);
  return found ?? NONE_UNDATED;
}

/**
 * Dates the rows a fact settled (and clears the date of one a penalty reopened): delinquency spells
 * end there. `undated` (undatedSettled, taken before the fact) are rows already settled with no
 * date: they stay undated. Stamping them too dated a migrated loan's legacy rows with the first fact
 * after the cut-over, so a row paid in the legacy book read as owed until then, and the first close
 * suspended a performing loan's interest as non-performing (qa18 D3).
 */
export function stampSettled(rows: Installment[], date: string, undated: ReadonlySet<number>): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Installment;
    if (row.settled && row.settledOn === null) {
      if (!undated.has(row.number)) rows[i] = { ...row, settledOn: date };
    } else if (!row.settled && row.settledOn !== null) rows[i] = { ...row, settledOn: null };
  }
}

/** Applies one fact to the rows; a payment returns its allocation and excess. */
export function applyFact(rows: Installment[], fact: ServicingFact, order: AllocationOrder, ctx: LoanContext): AllocationResult | null {
  const undated = undatedSettled(rows);
  let result: AllocationResult | null = null;
  switch (fact.kind) {
    case 'payment':
      result = applyPayment(rows, fact.payment, order, ctx);
      break;
    case 'waiver':
      applyWaiver(rows, fact.waiver, ctx);
      break;
    case 'penalty':
      applyPenalty(rows, fact.penalty, ctx.currency);
      break;
    case 'charge':
      addCharge(rows, fact.charge, ctx.currency);
      break;
  }
  stampSettled(rows, fact.date, undated);
  return result;
}

export interface Replay {
  installments: Installment[];
  /** Each replayed payment's allocation by reference. */
  allocations: Map<string, AllocationResult>;
  /** Sum of every replayed payment's excess, in minor units. */
  excessMinor: bigint;
  /** Sequences of the penalties replayed that do not stand (their installment was paid in time after all). */
  voidedPenalties: Set<number>;
  /** What each replayed waiver waived, by its sequence (minor units): no more than its rows owed at its place. */
  waived: Map<number, bigint>;
  /** What each standing penalty charged as replayed, by its sequence (a percent one re-priced on its row then). */
  penaltiesCharged: Map<number, string>;
  /** Each officer's charge as replayed, by its sequence: its row and what of it stands (chargesStanding); absent where it was forgone. */
  charged: Map<number, AppliedCharge>;
}

/**
 * Decisions a replay takes at the end of given days (penaltiesOwed: whether a row was unpaid at the
 * end of its last grace day): `days` ascending; `decide(index, rows)` sees the rows after every fact
 * dated up to `days[index]` and returns the penalties it charges, each dated after that day, which
 * the replay then applies in their place (so a later decision sees them, as it would replayed).
 */
export interface EndOfDayDecisions {
  days: readonly string[];
  decide(index: number, rows: readonly Installment[]): PenaltyFact[];
}

/**
 * Re-runs every fact since the contract in effective-date order (Fineract's reprocessing of a
 * back-dated transaction): the same facts always give the same installments, whatever order they
 * arrived in. Pure; the contract rows are copied, never changed. With `throughDay`, only the facts
 * dated up to the end of that day are replayed; with `endOfDay`, its decisions are taken on the way.
 * A long history's replay without end-of-day decisions is remembered in `memo` (replay-memo.ts): asked
 * again for the same facts, it is not run again.
 */
export function replayServicing(
  state: LoanState, order: AllocationOrder, ctx: LoanContext, extra: ServicingFact[] = [], throughDay: string | null = null, endOfDay: EndOfDayDecisions | null = null, memo: ReplayMemo = NO_REPLAY_MEMO,
): Replay {
  const facts = extra.length === 0 ? servicingFacts(state) : [...servicingFacts(state), ...extra].sort(compareFacts);
  // End-of-day decisions are callbacks: such a replay is never remembered.
  const key = endOfDay === null ? replayKey(memo, state.contract, facts, order, ctx, state.terms?.penalty?.graceDays ?? 0, throughDay) : null;
  if (key === null) return replayFacts(state, facts, order, ctx, throughDay, endOfDay);
  const recalled = recalledReplay(memo, key);
  if (recalled !== undefined) return recalled;
  const replay = replayFacts(state, facts, order, ctx, throughDay, null);
  rememberReplay(memo, key, replay);
  return replay;
}

/**
 * The loan's installments on every date (installments-timeline.ts), from one replay of all its facts
 * (replayServicing's, with no extra facts, day limit or end-of-day decisions): what that replay
 * limited to the facts dated by a date leaves, for any date. A long history's is remembered in `memo`
 * by the same key as its replay; with `asked`, also by the facts dated by that day and the day, so a
 * later state with the same facts up to it finds it (a close's day asked again after each payment
 * recorded since: the facts dated later differ, the answer for that day does not).
 */
export function replayTimeline(state: LoanState, order: AllocationOrder, ctx: LoanContext, memo: ReplayMemo = NO_REPLAY_MEMO, asked: string | null = null): InstallmentsTimeline {
  const facts = servicingFacts(state);
  const graceDays = state.terms?.penalty?.graceDays ?? 0;
  const key = replayKey(memo, state.contract, facts, order, ctx, graceDays, null);
  if (key === null) return replayedTimeline(state, facts, order, ctx);
  const upTo = asked === null ? facts : facts.filter((fact) => fact.date <= asked);
  const dayKey = upTo.length === facts.length ? null : replayKey(memo, state.contract, upTo, order, ctx, graceDays, asked, facts.length);
  const recalled = memo.timelines.get(key) ?? (dayKey === null ? undefined : memo.timelines.get(dayKey));
  if (recalled !== undefined) return recalled;
  const timeline = replayedTimeline(state, facts, order, ctx);
  memo.timelines.set(key, timeline);
  if (dayKey !== null) memo.timelines.set(dayKey, timeline);
  return timeline;
}

function replayedTimeline(state: LoanState, facts: ServicingFact[], order: AllocationOrder, ctx: LoanContext): InstallmentsTimeline {
  const rows = state.contract.map((row) => ({ ...row }));
  const timeline = new InstallmentsTimeline(rows.slice());
  replayFacts(state, facts, order, ctx, null, null, rows, timeline);
  return timeline;
}

/**
 * replayServicing of `facts` (in replay order; end-of-day decisions add theirs to it) over `rows` (the
 * contract's, copied); with `timeline`, the rows at the end of each date a fact is dated are noted in it.
 */
function replayFacts(
  state: LoanState, facts: ServicingFact[], order: AllocationOrder, ctx: LoanContext, throughDay: string | null, endOfDay: EndOfDayDecisions | null,
  rows: Installment[] = state.contract.map((row) => ({ ...row })), timeline: InstallmentsTimeline | null = null,
): Replay {
  const allocations = new Map<string, AllocationResult>();
  const places = minorUnits(ctx.currency);
  let excessMinor = 0n;
  const voidedPenalties = new Set<number>();
  const waived = new Map<number, bigint>();
  const penaltiesCharged = new Map<number, string>();
  const charges: { fact: ChargeFact; row: number }[] = [];
  // A penalty stands iff its installment was still unpaid at the end of its last day of grace (it
  // was paid late), priced then; it is added on the date it was charged, so no payment dated
  // earlier pays it.
  const checks = facts
    .filter((fact): fact is Extract<ServicingFact, { kind: 'penalty' }> => fact.kind === 'penalty')
    .map((fact) => ({ key: endOfDayKey(lastDayOfGrace(state, fact.penalty.number) ?? fact.date), fact }))
    .sort((a, b) => (a.key === b.key ? a.fact.sequence - b.fact.sequence : a.key < b.key ? -1 : 1));
  const warranted = new Map<number, PenaltyFact | null>();
  let next = 0;
  const checkThrough = (key: string, sequence: number) => {
    while (next < checks.length) {
      const check = checks[next] as (typeof checks)[number];
      if (check.key > key || (check.key === key && check.fact.sequence > sequence)) return;
      const lastGrace = lastDayOfGrace(state, check.fact.penalty.number) ?? check.fact.date;
      if (stillUnpaid(rows, check.fact.penalty.number, ctx.currency, state.charges, lastGrace)) warranted.set(check.fact.sequence, repriced(rows, check.fact.penalty, ctx));
      next += 1;
    }
  };
  // End-of-day decisions (penaltiesOwed): taken on the rows after every fact dated up to their day;
  // the penalties they charge join the facts still to replay, in replay order.
  let decision = 0;
  const decideBefore = (at: number) => {
    while (endOfDay !== null && decision < endOfDay.days.length && (at >= facts.length || (endOfDay.days[decision] as string) < (facts[at] as ServicingFact).date)) {
      for (const penalty of endOfDay.decide(decision, rows)) {
        const fact: ServicingFact = { kind: 'penalty', date: penalty.date, sequence: penalty.sequence, penalty };
        let p = at;
        while (p < facts.length && compareFacts(facts[p] as ServicingFact, fact) <= 0) p++;
        facts.splice(p, 0, fact);
        // Judged unpaid at the end of its grace just now: it stands, priced on the rows as they are.
        warranted.set(penalty.sequence, repriced(rows, penalty, ctx));
      }
      decision += 1;
    }
  };
  let day: string | null = null;
  for (let i = 0; ; i++) {
    decideBefore(i);
    if (i >= facts.length) break;
    const fact = facts[i] as ServicingFact;
    if (throughDay !== null && fact.date > throughDay) break;
    if (timeline !== null && day !== null && fact.date !== day) timeline.note(day, rows);
    day = fact.date;
    checkThrough(factKey(fact.date, fact.kind), -1);
    if (fact.kind === 'penalty') {
      const penalty = warranted.get(fact.sequence) ?? null;
      if (penalty !== null) {
        const undated = undatedSettled(rows);
        addPenalty(rows, penalty, ctx.currency);
        penaltiesCharged.set(fact.sequence, penalty.amount);
        excessMinor -= applyCredit(rows, excessMinor, fact.date, order, ctx);
        stampSettled(rows, fact.date, undated);
      } else {
        voidedPenalties.add(fact.sequence);
      }
      continue;
    }
    if (fact.kind === 'charge') {
      // Like a penalty: money already received beyond every balance pays it.
      const undated = undatedSettled(rows);
      const row = addCharge(rows, fact.charge, ctx.currency);
      if (row !== null) charges.push({ fact: fact.charge, row });
      excessMinor -= applyCredit(rows, excessMinor, fact.date, order, ctx);
      stampSettled(rows, fact.date, undated);
      continue;
    }
    if (fact.kind === 'waiver') {
      const undated = undatedSettled(rows);
      waived.set(fact.sequence, applyWaiver(rows, fact.waiver, ctx));
      stampSettled(rows, fact.date, undated);
      continue;
    }
    const result = applyFact(rows, fact, order, ctx);
    if (result && fact.kind === 'payment') {
      allocations.set(fact.payment.reference, result);
      excessMinor += minorOf(result.totals.excess, places);
    }
  }
  if (timeline !== null && day !== null) timeline.note(day, rows);
  const charged = chargesStanding(state.contract, rows, charges, ctx.currency);
  return { installments: rows, allocations, excessMinor, voidedPenalties, waived, penaltiesCharged, charged };
}
