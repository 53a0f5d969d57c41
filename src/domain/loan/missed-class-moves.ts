import { addDays } from '../calendar.js';
import { classify, type ClassificationThresholds } from './classification.js';
import { daysPastDue } from './delinquency.js';
import type { LoanClassified } from './events.js';
import { nextUnsettled } from './installment.js';
import { installmentsTimeline } from './installments-on.js';
import { loanContext } from './payoff.js';
import type { ReplayMemo } from './replay-memo.js';
import { servicingFacts } from './servicing-replay.js';
import type { Installment, LoanState } from './state.js';

/**
 * The class moves closing each night before `date` would have recorded on a loan no close has
 * judged yet (`current.lastEodDate` null): a loan keyed in late, one on a book whose first close
 * catches up every night since the disbursement, or one a payoff or write-off ends before any close
 * (missed-closes.ts). Each move is dated the night the days past due crossed a threshold, with the
 * days past due of that night, judged on `closed` (the loan as this close leaves it: its facts dated
 * by `date` and the penalties the close charges) as the facts dated by that night leave its rows
 * (installments-timeline.ts). Before, such a close recorded one move, normal → 损失, and the class
 * history a regulator replays missed 关注, 次级 and 可疑 (qa19 Q8).
 *
 * Moves start after the latest one already recorded (`classifiedOn`), so the history stays in date
 * order. Empty for a loan its closes have seen (each of its nights recorded its own move), unless a
 * command ending it catches up the nights after the book's last close (`bookClosedThrough`,
 * missed-closes.ts), which no close judged. Returns the moves oldest first; the close's own move, on
 * `date`, follows them from the last one's class.
 */
export function missedClassMoves(current: LoanState, closed: LoanState, date: string, thresholds: ClassificationThresholds, memo: ReplayMemo, bookClosedThrough: string | null = null): LoanClassified[] {
  const first = current.installments[0];
  if (first === undefined || (current.lastEodDate !== null && bookClosedThrough === null)) return [];
  // No row is past due before the day after the first one falls due; nothing is dated before the last move recorded,
  // nor on a night a close judged the loan on.
  const after = [current.classifiedOn ?? null, current.lastEodDate, bookClosedThrough].reduce<string>((a, b) => (b !== null && b > a ? b : a), first.dueDate);
  const from = addDays(after, 1);
  if (from >= date) return [];
  const timeline = installmentsTimeline(closed, loanContext(closed), memo);
  const factDays = new Set(servicingFacts(closed).map((fact) => fact.date));
  const moves: LoanClassified[] = [];
  let classOf = current.classification;
  let rows: Installment[] = timeline.at(from);
  let firstUnsettled = nextUnsettled(rows, 0);
  for (let night = from; night < date; night = addDays(night, 1)) {
    if (factDays.has(night)) {
      rows = timeline.at(night);
      firstUnsettled = nextUnsettled(rows, 0);
    }
    const charges = closed.charges.length === 0 ? closed.charges : closed.charges.filter((c) => c.date <= night);
    const dpd = daysPastDue(rows, firstUnsettled, night, charges, closed.currency);
    const to = classify(dpd, thresholds);
    if (to === classOf) continue;
    moves.push({ type: 'LoanClassified', data: { from: classOf, to, dpd, date: night } });
    classOf = to;
  }
  return moves;
}
