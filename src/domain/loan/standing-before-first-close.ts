import { classify, isNonPerforming, type ClassificationThresholds, DEFAULT_THRESHOLDS } from './classification.js';
import type { Classification, LoanStatus } from './events.js';
import type { LoanFlag } from './state.js';

/** What a loan's view says of its standing: its status, flags and five-category class. */
export interface Standing {
  status: LoanStatus;
  flags: LoanFlag[];
  classification: Classification;
}

/**
 * The standing a loan shows before the lender's first close of business, given the days past due
 * it shows then (counted to the document's own date, loan-summary-view.ts daysPastDueAt). A loan's
 * class, its overdue status and its NPA flag are recorded by close of business, and by a command
 * that changes its history once a close has run (reclassification.ts); before the first close
 * nothing records them, so a loan disbursed back-dated and never paid showed 154 days past due as
 * 正常 and active, the five-category report counted it performing while PAR counted it in PAR90,
 * and the list's overdue filters missed it (qa17). Shown instead is what that first close will
 * record: classify(days past due), overdue while any day is past due, NPA for the last three
 * categories — the one rule of reclassification.ts, `classify` with the close's thresholds. So does
 * a loan keyed in late until its first close catches it up, its commands recording no class either
 * (loan-summary.ts, counted to the last close that ran without it; qa21).
 * Only a loan on the book (active or overdue) still in the class it was disbursed in (正常, never
 * judged) is re-read: a closed, overpaid or written-off loan, or one whose class something recorded
 * (an imported book's cut-over class), shows what is recorded. Pure.
 */
export function standingBeforeFirstClose(recorded: Standing, daysPastDue: number, thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS): Standing {
  const onBook = recorded.status === 'active' || recorded.status === 'overdue';
  if (!onBook || recorded.classification !== 'normal' || daysPastDue <= 0) return recorded;
  const classification = classify(daysPastDue, thresholds);
  const flags = isNonPerforming(classification) && !recorded.flags.includes('npa') ? [...recorded.flags, 'npa' as const] : recorded.flags;
  return { status: 'overdue', flags, classification };
}
