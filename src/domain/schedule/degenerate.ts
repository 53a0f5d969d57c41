import { Dec } from '../decimal.js';
import type { ScheduleRow } from '../loan/events.js';
import type { ProductTerms } from '../product/events.js';

/**
 * Why a schedule is degenerate, in words, or null when it is sound. An amortizing schedule
 * (anything but bullet) is degenerate when the balance is gone before the last row — the rows
 * after it would repay nothing, typically because `inMultiplesOf` rounds every installment up
 * past what the loan needs — or when a row after the principal grace repays no principal while
 * principal is still owed (the installment does not even cover the interest).
 */
export function degenerateScheduleReason(rows: readonly ScheduleRow[], terms: ProductTerms): string | null {
  if (terms.amortization === 'bullet') return null;
  const rounding = terms.inMultiplesOf === null ? '' : ` (each installment rounded up to a multiple of ${terms.inMultiplesOf})`;
  for (let i = 0; i < rows.length - 1; i++) {
    const row = rows[i]!;
    if (new Dec(row.balance).isZero()) {
      return `the principal is repaid by row ${row.number} of ${rows.length}${rounding}, so rows ${row.number + 1}–${rows.length} would repay nothing`;
    }
    if (row.number > terms.graceOnPrincipal && new Dec(row.principal).isZero()) {
      return `row ${row.number} repays no principal: its installment does not cover its interest`;
    }
  }
  return null;
}
