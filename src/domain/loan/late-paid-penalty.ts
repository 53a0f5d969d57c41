import { addDays } from '../calendar.js';
import { minorOf, minorUnits } from '../money.js';
import { penaltyAmount } from './delinquency.js';
import type { LoanEvent } from './events.js';
import { fmt } from './installment.js';
import { loanContext } from './payoff.js';
import { decisionsKey, memoisedPenalties, replayKey, NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { lastDayOfGrace, replayServicing, servicingFacts, stillUnpaid, type ServicingFact } from './servicing-replay.js';
import type { Installment, LoanState, PenaltyFact } from './state.js';

/**
 * The penalties close of business on `date` owes (the rule: a penalty stands iff its installment
 * was unpaid — principal, interest or fees — at the end of its last grace day), one per installment
 * with no penalty yet whose grace ended before `date` and that the replay through its last grace
 * day shows unpaid then. Each is priced on the installment as it stood then and dated the first day
 * after the grace (never before a reschedule), whether the row is still unpaid or was paid later,
 * and whenever the close finds it: catching up missed days, a loan keyed in late, or a reversal or
 * back-dated payment recorded after later closes that leaves a row paid in time now paid late
 * (QA 6 #4). Installments in number order, each judged with the earlier ones' penalties of this
 * close replayed (a penalty takes money a later row's payment would have paid).
 */
export function penaltiesOwed(state: LoanState, date: string, charged: ReadonlySet<number>, memo: ReplayMemo = NO_REPLAY_MEMO): LoanEvent[] {
  const penalty = state.terms?.penalty ?? null;
  if (penalty === null) return [];
  const candidates = lateCandidates(state, date, charged);
  if (candidates.length === 0) return [];
  // One replay deciding each row at the end of its grace, in date order (QA 10 R9: a replay per row
  // made a far-dated quote on a 520-row loan take seconds). Rows whose grace days do not run in
  // number order (never in a schedule as built) keep the replay per row.
  const days = candidates.map((c) => c.lastGrace);
  if (days.some((day, i) => i > 0 && day < (days[i - 1] as string))) return penaltiesOwedRowByRow(state, date, charged, memo);
  const ctx = loanContext(state);
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const through = days[days.length - 1] as string;
  const facts = servicingFacts(state);
  // What the decisions read beyond the replay: the rows judged, the penalty's sequence base and the reschedule date.
  const key = decisionsKey(
    // A far quote date on a long schedule decides a penalty per row: the rows weigh like facts (QA 10 R9).
    replayKey(memo, state.contract, facts, order, ctx, penalty.graceDays, through, facts.length + candidates.length),
    [candidates.map((c) => [c.inst.number, c.lastGrace]), state.eventsFolded, state.rescheduledOn, state.terms?.penalty, state.terms?.roundingMode],
  );
  return memoisedPenalties(memo, key, () => {
    const events: LoanEvent[] = [];
    replayServicing(state, order, ctx, [], through, {
      days,
      decide(index, rows) {
        const { inst, lastGrace } = candidates[index] as (typeof candidates)[number];
        const fact = decidedPenalty(state, rows, inst.number, lastGrace, state.eventsFolded + events.length);
        if (fact === null) return [];
        events.push({ type: 'PenaltyCharged', data: { number: fact.number, amount: fact.amount, date: fact.date } });
        return [fact];
      },
    }, memo);
    return events;
  });
}

/**
 * The rows a close on `date` has to judge (see penaltiesOwed), in number order, with their last grace
 * day: from the first that may be late on the rows as they stand, every later one not charged or
 * judged yet, even one the rows show paid in time — the penalty decided on an earlier row comes
 * first and takes money the later row's payment paid it with (QA 10 R1 repro E: a repayment that
 * paid rows 1 and 2 ahead left row 2 short once row 1's penalty, owed after a reversal, was charged,
 * and a close that judged row 2 paid in time never charged it, while the same facts recorded in
 * date order did).
 */
function lateCandidates(state: LoanState, date: string, charged: ReadonlySet<number>): { inst: Installment; lastGrace: string }[] {
  const penalty = state.terms?.penalty;
  if (!penalty) return [];
  const out: { inst: Installment; lastGrace: string }[] = [];
  // Rows are in due-date order: once a row's grace reaches `date`, every later row's does too.
  const lastDueBefore = addDays(date, -penalty.graceDays);
  for (const inst of state.installments) {
    if (inst.dueDate >= lastDueBefore) break;
    if (charged.has(inst.number) || !(out.length > 0 ? mayBeJudged(state, inst, date) : mayBeLate(state, inst, date))) continue;
    const lastGrace = lastDayOfGrace(state, inst.number);
    if (lastGrace !== null) out.push({ inst, lastGrace });
  }
  return out;
}

/** The penalty row `number` owes when `rows` (as replayed through its last grace day) show it unpaid then, priced on it then; null when it does not. */
function decidedPenalty(state: LoanState, rows: readonly Installment[], number: number, lastGrace: string, sequence: number): PenaltyFact | null {
  const penalty = state.terms?.penalty;
  const then = rows[number - 1];
  if (!penalty || !then || !stillUnpaid(rows, number, state.currency, state.charges, lastGrace)) return null;
  const amount = penaltyAmount(then, penalty, state.currency, state.terms?.roundingMode ?? 'HALF_EVEN');
  if (!amount.gt(0)) return null;
  return { sequence, number, amount: fmt(amount, state.currency), date: penaltyDate(state, lastGrace) };
}

/**
 * penaltiesOwed by one replay per row, each through that row's last grace day with the penalties
 * decided for the rows before it: the definition the one-pass replay is checked against (property
 * in test/servicing/penalties-one-pass.test.ts), and the way for rows whose grace days are out of order.
 */
export function penaltiesOwedRowByRow(state: LoanState, date: string, charged: ReadonlySet<number>, memo: ReplayMemo = NO_REPLAY_MEMO): LoanEvent[] {
  const ctx = loanContext(state);
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const events: LoanEvent[] = [];
  const decided: ServicingFact[] = [];
  for (const { inst, lastGrace } of lateCandidates(state, date, charged)) {
    const rows = replayServicing(state, order, ctx, decided, lastGrace, null, memo).installments;
    const fact = decidedPenalty(state, rows, inst.number, lastGrace, state.eventsFolded + decided.length);
    if (fact === null) continue;
    events.push({ type: 'PenaltyCharged', data: { number: fact.number, amount: fact.amount, date: fact.date } });
    decided.push({ kind: 'penalty', date: fact.date, sequence: fact.sequence, penalty: fact });
  }
  return events;
}

/** The first day after the grace, or the reschedule's date when that is later (nothing is dated before it). */
function penaltyDate(state: LoanState, lastGrace: string): string {
  const day = addDays(lastGrace, 1);
  return state.rescheduledOn !== null && state.rescheduledOn > day ? state.rescheduledOn : day;
}

/**
 * True when the installment may have been unpaid at the end of its grace and a close on `date` has
 * to replay to tell: its grace ended before `date` (and `date` is not before a reschedule), it is
 * unpaid now or was settled only after its grace, and no close has judged it on the facts as they
 * stand (judged). A close that judged it found it paid in time, and only a fact recorded or
 * reversed since, dated on or before its last grace day, can change that.
 */
function mayBeLate(state: LoanState, inst: Installment, date: string): boolean {
  const lastGrace = addDays(inst.dueDate, state.terms?.penalty?.graceDays ?? 0);
  const late = inst.settled ? inst.settledOn !== null && inst.settledOn > lastGrace : true;
  return late && mayBeJudged(state, inst, date);
}

/** True when a close on `date` may judge the installment, late or not: its grace ended before `date` (not before a reschedule) and no close judged it on the facts as they stand. */
function mayBeJudged(state: LoanState, inst: Installment, date: string): boolean {
  const lastGrace = addDays(inst.dueDate, state.terms?.penalty?.graceDays ?? 0);
  if (lastGrace >= date) return false;
  if (state.rescheduledOn !== null && date < state.rescheduledOn) return false;
  return !judged(state, lastGrace);
}

/**
 * True when a close has already judged an installment whose last grace day is `lastGrace` on the
 * facts as they stand: one on or after the first day its penalty could be charged recorded
 * something (closes record something on any day that changes a loan), and no fact dated on or
 * before its last grace day was recorded or reversed since (penaltyReviewFrom).
 */
function judged(state: LoanState, lastGrace: string): boolean {
  const ran = state.lastEodDate !== null && state.lastEodDate >= penaltyDate(state, lastGrace);
  return ran && (state.penaltyReviewFrom === null || state.penaltyReviewFrom > lastGrace);
}

/**
 * The first day after the grace of the earliest installment settled only after its grace ended
 * with no penalty charged on it yet (the day penaltiesOwed would date its penalty), or null.
 * The loan book picks the loan on the first close on or after it: a payment dated that day pays the
 * row, so nothing is due any more and the next due date alone would never bring the loan back.
 */
export function latePenaltyFrom(state: LoanState): string | null {
  if (state.terms?.penalty == null || (state.status !== 'active' && state.status !== 'overdue')) return null;
  const charged = chargedPenaltyRows(state);
  let earliest: string | null = null;
  for (const inst of state.installments) {
    if (charged.has(inst.number) || !inst.settled || inst.settledOn === null) continue;
    const lastGrace = addDays(inst.dueDate, state.terms.penalty.graceDays);
    if (inst.settledOn <= lastGrace || judged(state, lastGrace)) continue;
    const from = penaltyDate(state, lastGrace);
    if (earliest === null || from < earliest) earliest = from;
  }
  return earliest;
}

/**
 * The earliest business date on which a penalty no close has charged yet becomes owed (the first
 * day penaltiesOwedBy on some later date could return one), or null when none can: for each row
 * without its penalty, not settled by the end of its grace and not judged by a close on the facts
 * as they stand, the day after its grace (never before a reschedule). penaltiesOwedBy(state, d) is
 * empty for every d before it. The loan summary stores it, so a query knows when the document (as
 * of the loan's last event) may leave out a penalty a payment that day would record (QA 10 R1).
 */
export function unchargedPenaltyFrom(state: LoanState): string | null {
  const penalty = state.terms?.penalty;
  if (penalty == null || (state.status !== 'active' && state.status !== 'overdue')) return null;
  const charged = chargedPenaltyRows(state);
  let earliest: string | null = null;
  for (const inst of state.installments) {
    if (charged.has(inst.number)) continue;
    const lastGrace = addDays(inst.dueDate, penalty.graceDays);
    const late = inst.settled ? inst.settledOn !== null && inst.settledOn > lastGrace : true;
    if (!late || judged(state, lastGrace)) continue;
    const from = penaltyDate(state, lastGrace);
    if (earliest === null || from < earliest) earliest = from;
  }
  return earliest;
}

/**
 * Installments close of business has already charged their one penalty: a penalty fact since the
 * contract was last set (standing or void), or a penalty already in the contract (baked into a
 * row a reschedule kept, or migrated). An officer's late or collection fee charged since is not
 * the product's penalty and does not count.
 */
export function chargedPenaltyRows(state: LoanState): Set<number> {
  const rows = new Set(state.penalties.map((p) => p.number));
  const places = minorUnits(state.currency);
  for (const inst of state.contract) if (minorOf(inst.due.penalty, places) !== 0n) rows.add(inst.number);
  return rows;
}
