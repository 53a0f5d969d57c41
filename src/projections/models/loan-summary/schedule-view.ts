import { Decimal } from 'decimal.js';
import { minorUnits } from '../../../domain/money.js';
import { COMPONENTS, owedTotal } from '../../../domain/loan/installment.js';
import type { LoanSummaryDoc } from './documents.js';

export interface ScheduleViewRow {
  number: number;
  dueDate: string;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  total: string;
  /** Principal still to be repaid after this row, per the schedule. */
  balance: string;
  paid: string;
  status: 'paid' | 'overdue' | 'due';
}

/** The schedule with paid amounts per row (DESIGN.md "schedule"), as of the summary's `asOf` date. */
export function scheduleOf(doc: LoanSummaryDoc): { currency: string; rows: ScheduleViewRow[] } {
  const scale = minorUnits(doc.currency);
  let balance = new Decimal(doc.state.disbursement?.amount ?? '0');
  const rows = doc.state.installments.map((inst) => {
    balance = balance.minus(inst.due.principal);
    const total = COMPONENTS.reduce((sum, c) => sum.plus(inst.due[c]), new Decimal(0));
    const paid = COMPONENTS.reduce((sum, c) => sum.plus(inst.paid[c]), new Decimal(0));
    const open = !owedTotal(inst).isZero();
    return {
      number: inst.number, dueDate: inst.dueDate, principal: inst.due.principal, interest: inst.due.interest, fee: inst.due.fee,
      penalty: inst.due.penalty, total: total.toFixed(scale), balance: balance.toFixed(scale), paid: paid.toFixed(scale),
      status: !open ? 'paid' as const : inst.overdueSince !== null && inst.dueDate < doc.asOf ? 'overdue' as const : 'due' as const,
    };
  });
  return { currency: doc.currency, rows };
}
