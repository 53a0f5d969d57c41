import { addDays } from '../calendar.js';
import { unpaidSince } from './delinquency.js';
import { installmentsTimeline } from './installments-on.js';
import { mergeSpans } from './day-spans.js';
import { loanContext } from './payoff.js';
import type { ChargeFact, DaySpan, Installment, LoanState } from './state.js';

/**
 * Whether some officer charge was applied to a row after the row fell due. Only then can a row's
 * days past due run from a date other than its due date (delinquency.ts unpaidSince), so only then
 * do the counts read from the rows as they stand now (non-performing-days.ts, figures.ts
 * delinquencySpells) need the rows of each earlier date (pastDueSpansByDate).
 */
export function hasLateCharges(state: LoanState): boolean {
  for (const charge of state.charges) {
    const row = state.installments[charge.number - 1];
    if (row !== undefined && charge.date > row.dueDate) return true;
  }
  return false;
}

/**
 * The days after `from` through `to` at whose close some installment was owed more than `afterDays`
 * days past due (0: past due at all; NPA_AFTER_DAYS: non-performing), each day read from the rows as
 * the facts dated by that day leave them (the replay's timeline, installments-timeline.ts) with
 * days past due as delinquency.ts's unpaidSince counts them: from the row's due date while it owes
 * anything owed then; from the earliest officer charge applied after it fell due and still owed
 * when that is all it owes (DOMAIN.md "Delinquency and classification"; QA 12 Q5). So a late fee
 * applied 50 days after a row paid on time makes the loan non-performing 91 days after the fee,
 * not after the row's due date, and once the fee is paid the row's spell is the fee's, not one from
 * its due date. Merged spans, oldest first. Pure; one replay of the loan's facts.
 */
export function pastDueSpansByDate(state: LoanState, afterDays: number, from: string, to: string): DaySpan[] {
  const first = addDays(from, 1);
  if (first > to) return [];
  const charges = [...state.charges].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const segments: { date: string | null; rows: readonly Installment[] }[] = [];
  installmentsTimeline(state, loanContext(state)).forEachDate((date, rows) => segments.push({ date, rows }));
  const spans: DaySpan[] = [];
  for (let i = 0; i < segments.length; i++) {
    const { date, rows } = segments[i] as (typeof segments)[number];
    const next = segments[i + 1]?.date;
    const start = date === null || date < first ? first : date;
    const end = next === undefined || next === null || next > to ? to : addDays(next, -1);
    if (start > end) continue;
    const standing = chargesBy(charges, date);
    for (const row of rows) {
      // A row settled on a later date than this one is a row a reschedule kept as it stood
      // (evolve.ts): the replay starts from it settled, so its own settledOn says until when it was owed.
      const keptOwing = row.settled && row.settledOn !== null && row.settledOn > start;
      const since = keptOwing ? row.dueDate : row.settled ? null : unpaidSince(row, standing, state.currency);
      if (since === null) continue;
      const late = addDays(since, afterDays + 1);
      const until = keptOwing ? addDays(row.settledOn as string, -1) : end;
      const span = { from: late > start ? late : start, to: until < end ? until : end };
      if (span.from <= span.to) spans.push(span);
    }
  }
  return mergeSpans(spans);
}

/** The charges applied on or before `date` (none before any fact), from charges sorted by date. */
function chargesBy(sorted: readonly ChargeFact[], date: string | null): readonly ChargeFact[] {
  if (date === null) return [];
  let n = 0;
  while (n < sorted.length && (sorted[n] as ChargeFact).date <= date) n++;
  return n === sorted.length ? sorted : sorted.slice(0, n);
}
