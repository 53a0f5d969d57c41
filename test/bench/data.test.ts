import { describe, expect, it } from 'vitest';
import { shapeFor } from '../../bench/data/generate-log.js';
import { longLoanEvents } from '../../bench/data/long-loan.js';
import { loanStory, memoisedSchedules, nextDueDay } from '../../bench/data/loan-story.js';
import { benchTerms } from '../../bench/data/product.js';
import { Dec } from '../../src/domain/decimal.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { NewEvent } from '../../src/eventstore/port.js';

const fold = (events: NewEvent[]) => events.reduce((state, e) => loanDecider.evolve(state, e as unknown as LoanEvent), loanDecider.initialState());

describe('shapeFor', () => {
  it('sizes the history so loans × events per loan comes close to the requested events', () => {
    expect(shapeFor(1_000_000, 100_000)).toEqual({ loans: 100_000, paidInstallments: 2 });
    expect(shapeFor(1_000_000, 10_000)).toEqual({ loans: 10_000, paidInstallments: 47 });
  });

  it('always pays at least one installment, so every loan has a repayment', () => {
    expect(shapeFor(10, 100)).toEqual({ loans: 100, paidInstallments: 1 });
  });
});

describe('loanStory', () => {
  const terms = benchTerms(12);
  const story = (index: number, paidInstallments: number) =>
    loanStory({ index, terms, term: 12, paidInstallments, firstDisbursement: '2025-01-01', scheduleOf: memoisedSchedules(terms, 12) });

  it('is a loan the real decider folds to active, with the paid installments settled', () => {
    const { loan, customer } = story(3, 2);
    expect(customer.map((e) => e.type)).toEqual(['CustomerRegistered', 'KycSubmitted', 'KycVerified']);
    expect(loan).toHaveLength(4 + 2 * 2);
    const state = fold(loan);
    expect(state.status).toBe('active');
    expect(state.installments.filter((i) => i.settled).map((i) => i.number)).toEqual([1, 2]);
  });

  it('gives every loan its own ids and spreads disbursements over 28 days', () => {
    const a = story(0, 1);
    const b = story(29, 1);
    expect(a.loanId).not.toBe(b.loanId);
    expect(a.customerId).not.toBe(b.customerId);
    expect(b.loan[3]?.occurredAt.slice(0, 10)).toBe('2025-01-02');
  });

  it('puts the next due date of the first loan on the business date', () => {
    const { loan } = story(0, 2);
    const schedule = (loan[3]?.data as { schedule: { dueDate: string }[] }).schedule;
    expect(schedule[2]?.dueDate).toBe(nextDueDay('2025-01-01', 2));
  });
});

describe('longLoanEvents', () => {
  it('has exactly the requested number of events and folds through the decider', () => {
    const { events } = longLoanEvents(1, 5_000);
    expect(events).toHaveLength(5_000);
    expect(fold(events).status).toBe('active');
  });

  it('splits each installment into payments that sum to it, interest first', () => {
    const { events } = longLoanEvents(2, 5_000);
    const schedule = (events[3]?.data as { schedule: { number: number; total: string; interest: string }[] }).schedule;
    const first = events.filter((e) => e.type === 'RepaymentReceived' && (e.data as { installments: { number: number }[] }).installments[0]?.number === 1);
    const parts = first.map((e) => e.data as { amount: string; allocation: { interest: string; principal: string } });
    expect(parts).toHaveLength(13);
    expect(parts.reduce((sum, p) => sum.plus(p.amount), new Dec(0)).toFixed(2)).toBe(schedule[0]?.total);
    expect(parts.reduce((sum, p) => sum.plus(p.allocation.interest), new Dec(0)).toFixed(2)).toBe(schedule[0]?.interest);
    // Interest is paid off before any principal.
    expect(parts[0]?.allocation.principal).toBe('0.00');
    expect(fold(events).installments[0]?.settled).toBe(true);
  });

  it('refuses a length it cannot build', () => {
    expect(() => longLoanEvents(3, 2)).toThrow('long loan has 4 events, wanted 2');
  });
});
