import { addDays } from '../calendar.js';
import { latestDate } from './figures.js';
import { hasLateCharges, pastDueSpansByDate } from './past-due-spans.js';
import type { LoanState } from './state.js';

/** A spell the loan spent past due: `since` the first day past due, `until` the day it was cured (null while it lasts). */
export interface DelinquencySpell {
  since: string;
  until: string | null;
}

/**
 * The loan's spells past due up to `asOf`, from its installments as the facts leave them: each row
 * is past due from the day after its due date until the fact that settled it. Re-derived with the
 * replay, so a back-dated payment that shows a row was paid on time removes its spell. A loan with an
 * officer charge applied after its row fell due reads each day from the rows of that day
 * (past-due-spans.ts): a row owing only such a charge is past due from the day after the charge,
 * and once the charge is paid its spell stays the charge's, not one from the row's due date.
 */
export function delinquencySpells(state: LoanState, asOf: string = latestDate(state)): DelinquencySpell[] {
  if (hasLateCharges(state)) {
    const from = addDays(state.contract[0]?.fromDate ?? asOf, -1);
    return pastDueSpansByDate(state, 0, from, asOf).map((span) => ({ since: span.from, until: span.to === asOf ? null : addDays(span.to, 1) }));
  }
  const intervals: { since: string; until: string | null }[] = [];
  for (const inst of state.installments) {
    if (inst.dueDate >= asOf) continue;
    const until = inst.settled ? inst.settledOn : null;
    if (until !== null && until <= inst.dueDate) continue;
    // A row settled before settledOn was tracked counts as never late.
    if (inst.settled && until === null) continue;
    intervals.push({ since: addDays(inst.dueDate, 1), until });
  }
  intervals.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const spells: DelinquencySpell[] = [];
  for (const interval of intervals) {
    const last = spells[spells.length - 1];
    if (last && (last.until === null || interval.since <= last.until)) {
      if (last.until !== null && (interval.until === null || interval.until > last.until)) last.until = interval.until;
      continue;
    }
    spells.push({ ...interval });
  }
  return spells;
}
