import { Dec, type Decimal } from '../decimal.js';
import { countsPastDue } from './delinquency.js';
import { COMPONENTS, fmt } from './installment.js';
import type { Installment, LoanState } from './state.js';

/**
 * `written-off`: a row still owed when the loan was written off; its amounts moved off the books into the
 * written-off claim (recoveries collect it), so it is neither due nor overdue any more.
 */
export type RowStatus = 'paid' | 'partially-paid' | 'due' | 'overdue' | 'future' | 'written-off';

export interface ScheduleViewRow {
  number: number;
  dueDate: string;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  total: string;
  balance: string;
  paid: string;
  status: RowStatus;
}

function sum(parts: Record<string, string>): Decimal {
  return COMPONENTS.reduce((total, c) => total.plus(parts[c] ?? '0'), new Dec(0));
}

function rowStatus(inst: Installment, paid: Decimal, isNext: boolean, pastDue: boolean, writtenOff: boolean): RowStatus {
  if (inst.settled) return 'paid';
  if (writtenOff) return 'written-off';
  if (inst.overdueSince !== null || pastDue) return 'overdue';
  if (paid.gt(0)) return 'partially-paid';
  return isNext ? 'due' : 'future';
}

/**
 * The schedule read model: each row's amounts net of waivers, the principal balance after it,
 * what was paid, and its status (the first open row that is not overdue is the one due next).
 * With `asOf` (the date the loan's days past due are aged to), a row that counts past due then
 * (countsPastDue, the rule close of business marks rows by: what it still owes counts from a day
 * before `asOf`) is overdue even before close of business has marked it, so the rows agree with the
 * days past due shown beside them (QA: a loan recorded back-dated after the last close showed
 * rows "future" and 86 days past due; qa18: a row owing only a charge dated `asOf` showed overdue
 * beside 0 days past due). A written-off loan's rows still owed read `written-off`: they showed
 * overdue and due amounts beside a loan owing 0.00 on the books (qa-console).
 */
export function scheduleView(state: LoanState, asOf: string | null = null): { currency: string; rows: ScheduleViewRow[] } {
  const c = state.currency;
  // The balance after a row is the principal of the rows after it: right through reschedules that
  // capitalised interest, and the last row always ends at zero.
  const after: Decimal[] = [];
  let remaining = new Dec(0);
  for (let i = state.installments.length - 1; i >= 0; i--) {
    after[i] = remaining;
    remaining = remaining.plus((state.installments[i] as Installment).due.principal);
  }
  let nextMarked = false;
  const rows = state.installments.map((inst, index) => {
    const net = (k: 'principal' | 'interest' | 'fee' | 'penalty') => new Dec(inst.due[k]).minus(inst.waived[k]);
    const balance = after[index] as Decimal;
    const paid = sum(inst.paid);
    const pastDue = asOf !== null && countsPastDue(inst, asOf, state.charges, c);
    const open = !inst.settled && inst.overdueSince === null && !pastDue;
    const status = rowStatus(inst, paid, open && !nextMarked, pastDue, state.status === 'written_off');
    if (open) nextMarked = true;
    return {
      number: inst.number,
      dueDate: inst.dueDate,
      principal: fmt(net('principal'), c),
      interest: fmt(net('interest'), c),
      fee: fmt(net('fee'), c),
      penalty: fmt(net('penalty'), c),
      total: fmt(sum(inst.due).minus(sum(inst.waived)), c),
      balance: fmt(balance, c),
      paid: fmt(paid, c),
      status,
    };
  });
  return { currency: c, rows };
}
