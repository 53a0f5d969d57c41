import { addDays } from '../calendar.js';
import { classify, type ClassificationThresholds } from './classification.js';
import { daysPastDue } from './delinquency.js';
import type { LoanClassified } from './events.js';
import { nextUnsettled } from './installment.js';
import { installmentsTimeline } from './installments-on.js';
import { missedClosesThrough } from './missed-closes-through.js';
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
 * Moves start on the night of the latest one already recorded (`classifiedOn`), so the history stays
 * in date order. Empty for a loan its closes have seen (each of its nights recorded its own move), unless no
 * close of the book judged the nights after the loan's last close: `bookClosedThrough` is then the
 * book's last close (a command ending the loan, or rewriting its history, catches up the nights after
 * it, missed-closes.ts), or null (the book's first close, over a loan such a command caught up part
 * way). Returns the moves oldest first; the close's own move, on `date`, follows them from the last
 * one's class.
 */
export function missedClassMoves(current: LoanState, closed: LoanState, date: string, thresholds: ClassificationThresholds, memo: ReplayMemo, bookClosedThrough?: string | null): LoanClassified[] {
  const first = current.installments[0];
  // Behind the book (keyed in late, never closed or caught up only part way): the book's closes judged none of its nights.
  const behind = current.lastEodDate === null || missedClosesThrough(current) !== null;
  if (first === undefined || (!behind && bookClosedThrough === undefined)) return [];
  // No row is past due before the day after the first one falls due; nothing is dated before the last move recorded
  // (a move on its night, as a payment curing the loan between closes, is followed by that night's close: a payment
  // dated 04-16 recorded while the closes stood at 04-15 moved 关注 → 正常 and the night's 关注 again was dated 04-17),
  // nor on a night a close judged the loan on.
  const judged = behind ? null : bookClosedThrough ?? null;
  const after = [current.lastEodDate, judged].reduce<string>((a, b) => (b !== null && b > a ? b : a), first.dueDate);
  const movedOn = current.classifiedOn ?? null;
  const from = movedOn !== null && movedOn > addDays(after, 1) ? movedOn : addDays(after, 1);
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
