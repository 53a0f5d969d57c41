import { addDays } from '../domain/calendar.js';
import type { RepaymentBehaviour } from './repayment-behaviour.js';

export interface PlannedPayment {
  date: string;
  /** 'due': pay what has fallen due by then (penalties included); 'payoff': settle the whole loan. */
  kind: 'due' | 'payoff';
}

/** The days a borrower will pay, from the loan's due dates and the borrower's behaviour. */
export function paymentPlan(dueDates: readonly string[], behaviour: RepaymentBehaviour): PlannedPayment[] {
  switch (behaviour.kind) {
    case 'on-time':
      return dueDates.map((date) => ({ date, kind: 'due' }));
    case 'late':
      return dueDates.map((date) => ({ date: addDays(date, behaviour.daysLate), kind: 'due' }));
    case 'defaulted':
      return dueDates.slice(0, behaviour.paidInstallments).map((date) => ({ date, kind: 'due' }));
    case 'prepaid': {
      const paid = dueDates.slice(0, behaviour.afterInstallments);
      const last = paid.at(-1);
      const payoff: PlannedPayment[] = last === undefined || paid.length === dueDates.length ? [] : [{ date: addDays(last, behaviour.daysAfter), kind: 'payoff' }];
      return [...paid.map((date) => ({ date, kind: 'due' as const })), ...payoff];
    }
  }
}
