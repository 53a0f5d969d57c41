import { Decimal } from 'decimal.js';
import { addMonthsClamped, daysBetween, endOfMonth } from '../domain/calendar.js';
import type { LoanSummaryDoc } from '../projections/models/loan-summary/documents.js';

/** What vintage analysis reads of a loan-summary document. */
export type VintageLoan = Pick<LoanSummaryDoc, 'id' | 'currency' | 'disbursedOn' | 'delinquency'>;

export interface VintageRow {
  /** Disbursement month, YYYY-MM. */
  cohort: string;
  /** Months on book: observed at the end of the k-th month after the disbursement month. */
  monthOnBook: number;
  observedOn: string;
  loans: number;
  /** Loans more than 30 days past due on `observedOn` (as PAR30 counts them). */
  delinquent30: number;
  /** delinquent30 ÷ loans to four places. */
  ratio: string;
}

const THRESHOLD_DAYS = 30;

/** True when a delinquency spell covers `date` and has lasted more than 30 days by then (`since` is day 1 past due). */
function moreThan30PastDue(loan: VintageLoan, date: string): boolean {
  return loan.delinquency.some((spell) => spell.since <= date && (spell.until === null || date < spell.until) && daysBetween(spell.since, date) + 1 > THRESHOLD_DAYS);
}

function ratioOf(part: number, whole: number): string {
  return whole === 0 ? '0' : new Decimal(part).div(whole).toDecimalPlaces(4).toFixed(4);
}

/**
 * Vintage (cohort) analysis: loans grouped by disbursement month and, for each month on book
 * k = 1, 2, … whose month end is on or before `asOf`, the share more than 30 days past due then.
 * A loan closed or cured before the observation counts as current; a written-off loan stays delinquent.
 */
export function buildVintage(loans: Iterable<VintageLoan>, asOf: string): VintageRow[] {
  const cohorts = new Map<string, VintageLoan[]>();
  for (const loan of loans) {
    if (!loan.disbursedOn || loan.disbursedOn > asOf) continue;
    const cohort = loan.disbursedOn.slice(0, 7);
    cohorts.set(cohort, [...(cohorts.get(cohort) ?? []), loan]);
  }
  const rows: VintageRow[] = [];
  for (const cohort of [...cohorts.keys()].sort()) {
    const members = cohorts.get(cohort) ?? [];
    for (let k = 1; ; k++) {
      const observedOn = endOfMonth(addMonthsClamped(`${cohort}-01`, k));
      if (observedOn > asOf) break;
      const delinquent30 = members.filter((loan) => moreThan30PastDue(loan, observedOn)).length;
      rows.push({ cohort, monthOnBook: k, observedOn, loans: members.length, delinquent30, ratio: ratioOf(delinquent30, members.length) });
    }
  }
  return rows;
}

export const VINTAGE_COLUMNS = ['cohort', 'monthOnBook', 'observedOn', 'loans', 'delinquent30', 'ratio'] as const;
