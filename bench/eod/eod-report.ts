/** What the close-of-business worker reports for the three nights it closes. */
export interface EodReport {
  /** Loans in the book (every one still owes at month-end, so the month-end close acts on each). */
  bookLoans: number;
  /** The book's first close, the night before the month-end: it judges every loan's nights since its disbursement. */
  firstClose: { loansScanned: number; eventsAppended: number; durationMs: number };
  monthEnd: { loansScanned: number; eventsAppended: number; durationMs: number };
  night: { loansScanned: number; eventsAppended: number; durationMs: number };
}

/**
 * eod.loans is the month-end close of a book closed the night before, the heaviest ordinary night
 * (every loan accrues), as loans/s; eod.first-close.loans the book's first close, which catches up
 * each loan's nights since its disbursement (done once, when a book is migrated or keyed in);
 * eod.events-per-loan the ordinary night after the month-end, events appended per loan in the book.
 */
export function eodFigures(report: EodReport): { loansPerSecond: number; firstCloseLoansPerSecond: number; eventsPerLoan: number } {
  if (report.bookLoans === 0 || report.monthEnd.durationMs <= 0 || report.firstClose.durationMs <= 0) throw new Error('close of business ran over an empty book');
  return {
    loansPerSecond: report.monthEnd.loansScanned / (report.monthEnd.durationMs / 1000),
    firstCloseLoansPerSecond: report.firstClose.loansScanned / (report.firstClose.durationMs / 1000),
    eventsPerLoan: report.night.eventsAppended / report.bookLoans,
  };
}
