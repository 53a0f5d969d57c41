import type { ReplayMemo } from './replay-memo.js';
import { Dec } from '../decimal.js';
import type { LoanWrittenOff } from './events.js';
import { loanFigures } from './figures.js';
import { fmt } from './installment.js';
import { payoffQuote } from './payoff.js';
import type { LoanState } from './state.js';

export type WriteOffAmounts = Pick<LoanWrittenOff['data'], 'principal' | 'interest' | 'fees' | 'penalties' | 'refundDue' | 'notBooked'>;

/**
 * What a write-off on `date` takes from a loan already cut back to that day (cutBackTo): what the
 * books carry (principal owed, the interest, fees and penalties recognised and unpaid, a refund owed
 * back) and, in `notBooked`, what the borrower owed beyond it by the payoff quote (interest earned
 * but never accrued, fees fallen due since the last accrual, penalties a loan non-performing
 * that day never booked: penaltiesBooked in figures.ts). The loan is priced as open, whatever its
 * status.
 */
export function writeOffAmounts(cutBack: LoanState, date: string, memo: ReplayMemo): WriteOffAmounts {
  const open: LoanState = { ...cutBack, status: 'overdue', writtenOff: null };
  const figures = loanFigures(open, date);
  const quote = payoffQuote(open, date, memo);
  const notBooked = (owed: string, booked: string) => fmt(new Dec(owed).minus(booked), cutBack.currency);
  return {
    principal: figures.outstanding.principal, interest: figures.receivable.interest, fees: figures.receivable.fees,
    penalties: figures.receivable.penalties, refundDue: figures.refundDue,
    notBooked: {
      interest: notBooked(quote.interest, figures.receivable.interest), fees: notBooked(quote.fees, figures.receivable.fees),
      penalties: notBooked(quote.penalties, figures.receivable.penalties),
    },
  };
}

/** The written-off record the state keeps for those amounts: the loss booked (`total`) and the borrower's claim. */
export function writtenOffRecord(date: string, a: WriteOffAmounts, currency: string): NonNullable<LoanState['writtenOff']> {
  const refundDue = a.refundDue ?? fmt(new Dec(0), currency);
  const total = new Dec(a.principal).plus(a.interest).plus(a.fees).plus(a.penalties).plus(refundDue);
  const notBooked = {
    interest: fmt(new Dec(a.notBooked?.interest ?? 0), currency), fees: fmt(new Dec(a.notBooked?.fees ?? 0), currency),
    penalties: fmt(new Dec(a.notBooked?.penalties ?? 0), currency),
  };
  const claim = total.plus(notBooked.interest).plus(notBooked.fees).plus(notBooked.penalties);
  return { date, total: fmt(total, currency), claim: fmt(claim, currency), principal: a.principal, interest: a.interest, fee: a.fees, penalty: a.penalties, refundDue, notBooked };
}
