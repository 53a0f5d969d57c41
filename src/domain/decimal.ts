import { Decimal } from 'decimal.js';

/**
 * The domain's own Decimal constructor (40 significant digits, HALF_EVEN): a clone, so
 * nothing here depends on or disturbs the global decimal.js configuration.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type { Decimal };

/** Plain decimal notation only: no exponent, no '+', no leading or trailing '.', no spaces. */
export const PLAIN_DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** The value of plain decimal text (rates, percentages), or null when the text is not one. */
export function decimalOrNull(text: string): Decimal | null {
  return PLAIN_DECIMAL.test(text) ? new Dec(text) : null;
}
