/** What the close-of-business worker reports for the two nights it closes. */
export interface EodReport {
  /** Loans in the book (every one still owes at month-end, so the month-end close acts on each). */
  bookLoans: number;
  monthEnd: { loansScanned: number; eventsAppended: number; durationMs: number };
  night: { loansScanned: number; eventsAppended: number; durationMs: number };
}

/**
 * eod.loans is the month-end close, the heaviest night (every loan accrues), as loans/s;
 * eod.events-per-loan is the ordinary night after it, events appended per loan in the book.
 */
export function eodFigures(report: EodReport): { loansPerSecond: number; eventsPerLoan: number } {
  if (report.bookLoans === 0 || report.monthEnd.durationMs <= 0) throw new Error('close of business ran over an empty book');
  return {
    loansPerSecond: report.monthEnd.loansScanned / (report.monthEnd.durationMs / 1000),
    eventsPerLoan: report.night.eventsAppended / report.bookLoans,
  };
}
