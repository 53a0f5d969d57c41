import { describe, expect, it } from 'vitest';
import { eodFigures } from '../../bench/eod/eod-report.js';

describe('eodFigures', () => {
  it('rates the first close and the month-end close and counts the ordinary night\'s events per loan in the book', () => {
    const figures = eodFigures({
      bookLoans: 10_000,
      firstClose: { loansScanned: 10_000, eventsAppended: 0, durationMs: 4_000 },
      monthEnd: { loansScanned: 10_000, eventsAppended: 10_000, durationMs: 2_000 },
      night: { loansScanned: 358, eventsAppended: 358, durationMs: 600 },
    });
    expect(figures).toEqual({ loansPerSecond: 5_000, firstCloseLoansPerSecond: 2_500, eventsPerLoan: 0.0358 });
  });

  it('refuses an empty book', () => {
    const none = { loansScanned: 0, eventsAppended: 0, durationMs: 0 };
    expect(() => eodFigures({ bookLoans: 0, firstClose: none, monthEnd: none, night: none })).toThrow('empty book');
  });
});
