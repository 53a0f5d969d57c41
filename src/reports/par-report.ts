import { Decimal } from 'decimal.js';
import { minorUnits } from '../domain/money.js';
import { isOnBook, type LoanBookEntry } from './loan-book.js';

export interface ParRow {
  currency: string;
  /** PAR30 counts loans more than 30 days past due, and so on. */
  bucket: 'PAR30' | 'PAR60' | 'PAR90';
  atRisk: string;
  total: string;
  /** atRisk ÷ total to four places; "0" for an empty book. */
  ratio: string;
}

const BUCKETS = [['PAR30', 30], ['PAR60', 60], ['PAR90', 90]] as const;

/** Portfolio at risk: outstanding principal of loans with DPD above 30/60/90 over all outstanding principal, per currency. */
export function buildParReport(loans: Iterable<LoanBookEntry>): ParRow[] {
  const sums = new Map<string, { total: Decimal; atRisk: Decimal[] }>();
  for (const loan of loans) {
    if (!isOnBook(loan)) continue;
    const sum = sums.get(loan.currency) ?? { total: new Decimal(0), atRisk: BUCKETS.map(() => new Decimal(0)) };
    sum.total = sum.total.plus(loan.outstanding.principal);
    BUCKETS.forEach(([, days], i) => {
      if (loan.daysPastDue > days) sum.atRisk[i] = (sum.atRisk[i] ?? new Decimal(0)).plus(loan.outstanding.principal);
    });
    sums.set(loan.currency, sum);
  }
  return [...sums.keys()].sort().flatMap((currency) => {
    const sum = sums.get(currency)!;
    const scale = minorUnits(currency);
    return BUCKETS.map(([bucket], i) => {
      const atRisk = sum.atRisk[i] ?? new Decimal(0);
      return {
        currency, bucket, atRisk: atRisk.toFixed(scale), total: sum.total.toFixed(scale),
        ratio: sum.total.isZero() ? '0' : atRisk.div(sum.total).toDecimalPlaces(4).toFixed(),
      };
    });
  });
}

export const PAR_COLUMNS = ['currency', 'bucket', 'atRisk', 'total', 'ratio'] as const;
