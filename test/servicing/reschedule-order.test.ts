import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import { given } from '../domain/decider-spec.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const reschedule = (effectiveDate: string, term: number): LoanCommand => ({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate, term } });

function refused(loan: ServicedLoan, command: LoanCommand, date: string): string {
  try {
    loan.run(command, date);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'accepted';
}

/** The loan's events as the decider produced them. */
const history = (loan: ServicedLoan): LoanEvent[] => loan.log.events.map((e) => ({ type: e.type, data: e.data }) as LoanEvent);

/** QA M3: 10 000.00 over 6 months from 2026-08-10, rescheduled on 2026-10-15 over 6 (10.86 interest capitalised). */
function rescheduledLoan(terms = servicingTerms()): ServicedLoan {
  const loan = new ServicedLoan('L1', terms, '10000.00', 6, '2026-08-10');
  const [event] = loan.run(reschedule('2026-10-15', 6), '2026-10-15');
  expect(event).toMatchObject({ type: 'LoanRescheduled', data: { effectiveDate: '2026-10-15', capitalizedInterest: '10.86' } });
  return loan;
}

describe('nothing is dated before the last reschedule (its contract already holds every earlier day)', () => {
  it('M3: a second reschedule dated before the first is refused, so no day is charged twice', () => {
    const loan = rescheduledLoan();
    given(loanDecider, history(loan)).when(reschedule('2026-10-10', 3)).thenThrows('BACKDATED_BEFORE_RESCHEDULE', 'rule');
    // On or after it, a reschedule is taken, and the principal column still sums to what was owed plus interest capitalised.
    const [again] = loan.run(reschedule('2026-10-20', 3), '2026-10-20');
    expect(again?.type).toBe('LoanRescheduled');
  });

  it('M3: every servicing fact kind dated between the two dates is refused', () => {
    const loan = rescheduledLoan(servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    const between = '2026-10-12';
    expect(refused(loan, { type: 'ReceiveRepayment', data: { amount: '100.00', channel: 'online', reference: 'p1', effectiveDate: between } }, '2026-10-16')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    expect(refused(loan, { type: 'WaiveCharge', data: { kind: 'interest', amount: '1.00', reason: 'goodwill', effectiveDate: between } }, '2026-10-16')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    expect(refused(loan, { type: 'ApplyCharge', data: { kind: 'late-fee', amount: '10.00', dueDate: between, reason: 'test', date: between, appliedBy: 'officer-1' } }, '2026-10-16')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    expect(refused(loan, reschedule(between, 3), '2026-10-16')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    // Close of business for a day before the reschedule charges no penalty (none can land before it).
    expect(loan.close(between).filter((e) => e.type === 'PenaltyCharged')).toEqual([]);
  });

  it('given a loan rescheduled on 2026-10-15, when a late fee is applied on 2026-10-20 falling due on 2026-10-10, then it is refused: it would sit on row 2 (due 2026-10-10), kept as it stood, due before the new contract', () => {
    const loan = rescheduledLoan();
    // By hand: rows 1–2 (due 09-10, 10-10) are kept, rows from 10-15 are the new schedule; 10-10 lies in row 2's period.
    expect(loan.state.installments[1]?.dueDate).toBe('2026-10-10');
    const lateFee = (dueDate: string) => ({ type: 'ApplyCharge' as const, data: { kind: 'late-fee' as const, amount: '10.00', dueDate, reason: 'test', date: '2026-10-20', appliedBy: 'officer-1' } });
    expect(refused(loan, lateFee('2026-10-10'), '2026-10-20')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    // Falling due on the reschedule's day or after, it lands on a row due on or after it.
    const [applied] = loan.run(lateFee('2026-10-16'), '2026-10-20');
    expect(applied?.type === 'ChargeApplied' && loan.state.installments[applied.data.number - 1]!.dueDate >= '2026-10-15').toBe(true);
  });

  it('M2: a reschedule dated before a penalty already charged is refused (the penalty would sit in its contract, paid by payments dated before it)', () => {
    const terms = servicingTerms({ penalty: { type: 'percent', value: '5', cap: null, graceDays: 3 } });
    const loan = new ServicedLoan('L1', terms, '10000.00', 6, '2026-08-01');
    const penalties = loan.close('2026-11-30').filter((e) => e.type === 'PenaltyCharged');
    // Each dated the first day after its row's grace (due 09-01, 10-01, 11-01; 3 grace days), though one close found them all.
    expect(penalties.map((e) => e.data)).toEqual([['09-05', 1], ['10-05', 2], ['11-05', 3]].map(([day, number]) => ({ number, amount: '86.27', date: `2026-${day}` })));
    expect(refused(loan, reschedule('2026-11-04', 6), '2026-11-30')).toBe('RESCHEDULE_BACKDATED');
    // Dated on the last penalty's day it is accepted: it is charged at the start of that day (a payment dated that day
    // replays after it and pays it), so it keeps them on the rows it keeps; no payment dated earlier can be posted,
    // a later one pays them (row 1's first).
    expect(loan.run(reschedule('2026-11-05', 6), '2026-11-30')[0]?.type).toBe('LoanRescheduled');
    expect(refused(loan, { type: 'ReceiveRepayment', data: { amount: '1000.00', channel: 'online', reference: 'p1', effectiveDate: '2026-11-04' } }, '2026-12-01')).toBe('BACKDATED_BEFORE_RESCHEDULE');
    const [received] = loan.repay('1000.00', 'p2', addDays('2026-12-01', 1));
    expect(received?.type === 'RepaymentReceived' && received.data.allocation.penalty).toBe('86.27');
  });
});
