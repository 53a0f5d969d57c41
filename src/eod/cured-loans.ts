import { addDays } from '../domain/calendar.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';
import type { ReadStore } from '../readstore/port.js';

/** Days a loan had something due and unpaid at the close: from a row's due date through the day a later fact cured it. */
interface DueWindow {
  from: string;
  to: string;
}

/**
 * Loans that had an installment due and unpaid on some of the dates a catch-up closes that the loan
 * book's next due date no longer brings on them: a payment recorded since, dated after the row fell
 * due, settled it (and maybe the rows after, leaving a later one past due), yet closing those dates
 * on their nights would have brought them (overdue, classification, due-date accrual, the cure). Read from each loan summary's
 * delinquency spells (re-derived from the facts' effective dates), ids in ascending order.
 */
export class CuredLoans {
  private constructor(private readonly windows: ReadonlyMap<string, readonly DueWindow[]>, private readonly ids: readonly string[]) {}

  /** One pass over the loan summaries: the loans whose ended spell past due overlaps `first`…`last`. */
  static async find(readStore: ReadStore, first: string, last: string): Promise<CuredLoans> {
    const windows = new Map<string, DueWindow[]>();
    for await (const loan of readStore.scan<LoanSummaryDoc>(LOAN_SUMMARY)) {
      if (loan.status !== 'active' && loan.status !== 'overdue') continue;
      for (const spell of loan.delinquency) {
        // A spell still open is past due now, but its next due date may be after the dates closed (rows paid since,
        // a later one still late): it is brought on every date from its first due date on (QA 8 N7).
        const window = { from: addDays(spell.since, -1), to: spell.until ?? last };
        if (window.to < first || window.from > last) continue;
        windows.set(loan.id, [...(windows.get(loan.id) ?? []), window]);
      }
    }
    return new CuredLoans(windows, [...windows.keys()].sort());
  }

  /** Ids of the loans that had something due and unpaid on `date`, after `afterId` (exclusive), ascending. */
  on(date: string, afterId: string | null): string[] {
    return this.ids.filter((id) => (afterId === null || id > afterId) && (this.windows.get(id) ?? []).some((w) => w.from <= date && date <= w.to));
  }
}
