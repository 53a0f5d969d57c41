import { Dec } from '../../src/domain/decimal.js';
import type { ScheduleRow } from '../../src/domain/loan/events.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import { loanStory, memoisedSchedules } from './loan-story.js';
import { benchTerms } from './product.js';

const TERM = 360;
const ZERO = '0.00';

/** Splits a row's total into `parts` payments (last one takes the remainder), interest first, then principal. */
function partialPayments(row: ScheduleRow, parts: number): { amount: string; interest: string; principal: string }[] {
  const total = new Dec(row.total);
  const share = total.dividedBy(parts).toDecimalPlaces(2, Dec.ROUND_DOWN);
  let interestLeft = new Dec(row.interest);
  let paid = new Dec(0);
  return Array.from({ length: parts }, (_, i) => {
    const amount = i === parts - 1 ? total.minus(paid) : share;
    paid = paid.plus(amount);
    const interest = Dec.min(amount, interestLeft);
    interestLeft = interestLeft.minus(interest);
    return { amount: amount.toFixed(2), interest: interest.toFixed(2), principal: amount.minus(interest).toFixed(2) };
  });
}

/**
 * A loan stream of exactly `events` events: a 30-year mortgage-like schedule paid in small partial
 * payments (a borrower paying through a wallet every few days), each installment with its accrual.
 */
export function longLoanEvents(index: number, events: number): { loanId: string; events: NewEvent[] } {
  const terms = benchTerms(TERM);
  const story = loanStory({ index, terms, term: TERM, paidInstallments: 0, firstDisbursement: '2000-01-01', scheduleOf: memoisedSchedules(terms, TERM) });
  const disbursed = story.loan.find((e) => e.type === 'LoanDisbursed');
  const schedule = (disbursed?.data as { schedule: ScheduleRow[] }).schedule;
  const perInstallment = Math.ceil((events - story.loan.length) / TERM);
  const out = [...story.loan];
  const base = { actor: { sub: 'bench-officer', role: 'officer' as const }, correlationId: story.loan[0]!.correlationId };
  let from = schedule[0]!.dueDate;
  for (const row of schedule) {
    if (out.length >= events) break;
    out.push({ ...base, type: 'InterestAccrued', occurredAt: `${row.dueDate}T00:00:00.000Z`, data: { date: row.dueDate, from, to: row.dueDate, amount: row.interest } });
    from = row.dueDate;
    partialPayments(row, Math.max(1, perInstallment - 1)).forEach((part, j) => {
      if (out.length >= events) return;
      const allocation = { penalty: ZERO, fee: ZERO, interest: part.interest, principal: part.principal, excess: ZERO };
      const data = {
        amount: part.amount, channel: 'wechat', reference: `long-${index}-${row.number}-${j}`, effectiveDate: row.dueDate, allocation,
        installments: [{ number: row.number, penalty: ZERO, fee: ZERO, interest: part.interest, principal: part.principal }],
      };
      out.push({ ...base, type: 'RepaymentReceived', occurredAt: `${row.dueDate}T09:00:00.000Z`, data });
    });
  }
  if (out.length !== events) throw new Error(`long loan has ${out.length} events, wanted ${events}`);
  return { loanId: story.loanId, events: out };
}
