import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { chargedPenaltyRows } from '../../src/domain/loan/late-paid-penalty.js';
import type { LoanEvent, PenaltyCharged } from '../../src/domain/loan/events.js';
import { evolveLoan } from '../../src/domain/loan/evolve.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import { minorOf } from '../../src/domain/money.js';
import type { ChargeFact, Installment } from '../../src/domain/loan/state.js';
import { formatMinor, roundRatio } from '../../src/domain/schedule/minor-units.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory, type Nights } from './run-history.js';
import { step, type Step } from './servicing-history.js';

/**
 * Histories dense in what moves a row between its grace and its penalty's recording: a payment near a
 * due date, the date moved past the grace, a later payment, then a reversal of some earlier payment
 * (so a row paid in time may now have been late, with later money on it); between them, any other step.
 */
const episode: fc.Arbitrary<Step[]> = fc.tuple(
  fc.integer({ min: 1, max: 30 }),
  fc.integer({ min: 40_000, max: 110_000 }),
  fc.integer({ min: 1, max: 35 }),
  fc.integer({ min: 1, max: 110_000 }),
  fc.integer({ min: 0, max: 20 }),
  fc.nat(),
).map(([before, inTime, after, later, back, pick]): Step[] => [
  { op: 'advance', days: before },
  { op: 'repay', cents: inTime, back: 0, prepayment: null },
  { op: 'advance', days: after },
  { op: 'repay', cents: later, back, prepayment: null },
  { op: 'reverse', pick },
]);
const history: fc.Arbitrary<Step[]> = fc.array(fc.oneof(episode, step.filter((s) => s.op !== 'reschedule').map((s) => [s])), { minLength: 1, maxLength: 8 })
  .map((chunks) => chunks.flat());

/**
 * Whether `row` (as of its last grace day) was late then: it owed principal or interest, or fees beyond
 * the officer fees applied after its due date (through `lastGrace`). A fee applied after the row fell
 * due was never owed on its due date, so it alone makes no row late (QA 12 Q5; seedhunt13 F5: a 0.11
 * document fee applied on the last grace day, the row otherwise paid, is no penalty's cause).
 */
function lateAtGrace(row: Installment, charges: readonly ChargeFact[], lastGrace: string): boolean {
  if (owedMinor(row, 'principal', 2) > 0n || owedMinor(row, 'interest', 2) > 0n) return true;
  const lateFees = charges
    .filter((c) => c.number === row.number && c.component === 'fee' && c.date > row.dueDate && c.date <= lastGrace)
    .reduce((sum, c) => sum + minorOf(c.amount, 2), 0n);
  return owedMinor(row, 'fee', 2) > lateFees;
}

/** `perMille` ‰ of what `row` owes of principal, interest and fees, in cents, rounded HALF_EVEN (the servicing product's rounding). */
function percentOfOverdue(row: Installment, perMille: bigint): bigint {
  const overdue = owedMinor(row, 'principal', 2) + owedMinor(row, 'interest', 2) + owedMinor(row, 'fee', 2);
  return roundRatio(overdue * perMille, 1000n, 'HALF_EVEN');
}

/**
 * A percent penalty is that percent of what its row owed (principal, interest, fees) at the end of its
 * last grace day, every fact dated by then applied and none dated later (DOMAIN.md "penalties as % of
 * overdue"; late-paid-penalty.ts). The oracle reads the row from the loan as of that day (stateAsOf),
 * once the penalty is recorded: a payment, reversal or charge recorded before the penalty but dated
 * after the grace must not move its price, whichever fact or close happens to record it.
 */
describe('a percent penalty is priced on its row as it stood at the end of its grace, not as it stands when recorded', () => {
  it('over random histories (payments reaching back, reversals, waivers, officer charges, write-offs; nights closed, left or missed), every PenaltyCharged records the percent of its row as of its last grace day', () => {
    fc.assert(fc.property(
      history,
      fc.constantFrom(['5', 50n] as const, ['2.5', 25n] as const),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom<Nights>('each-day-reached', 'each-day-left', 'none'),
      (steps, [value, perMille], graceDays, nights) => {
        const penalty = { type: 'percent' as const, value, cap: null, graceDays };
        const terms = servicingTerms({ penalty, writeOffDpd: 400 });
        const loan = new ServicedLoan('PP', terms, '3000.00', 6);
        loan.context = { lastClose: null };
        let seen = loan.log.events.length;
        let before = structuredClone(loan.state);
        const check = () => {
          // Each penalty is judged on the history as it stood when recorded: the events before it, not a reversal the same
          // append records after it (a reversal recorded before the closes of the nights before it closes them first, on
          // the history with its payment, as the closes run nightly would have: qa21 #6).
          let state = before;
          for (const event of loan.log.events.slice(seen)) {
            state = evolveLoan(structuredClone(state), { type: event.type, data: event.data } as LoanEvent);
            if (event.type !== 'PenaltyCharged') continue;
            const { number, amount, date } = (event.data as PenaltyCharged['data']);
            const lastGrace = addDays(date, -1);
            const row = stateAsOf(state, lastGrace).installments[number - 1];
            expect(row, `row ${number}`).toBeDefined();
            if (row === undefined) continue;
            expect(amount, `row ${number}'s penalty dated ${date}`).toBe(formatMinor(percentOfOverdue(row, perMille), 2));
          }
          seen = loan.log.events.length;
          before = structuredClone(loan.state);
        };
        const today = runHistory(loan, steps, { nights, onClose: check, onStep: check });
        // A close the day after the history judges every row whose grace ended by then: each row that
        // owed something at the end of its grace has had its penalty recorded (priced as checked).
        const open = loan.state.status === 'active' || loan.state.status === 'overdue';
        if (!open || loan.state.rescheduledOn !== null) return;
        const next = addDays(today, 1);
        loan.close(next);
        check();
        const state = loan.state;
        const charged = chargedPenaltyRows(state);
        for (const inst of state.installments) {
          const lastGrace = addDays(inst.dueDate, graceDays);
          if (lastGrace >= next) break;
          const row = stateAsOf(state, lastGrace).installments[inst.number - 1];
          if (row !== undefined && lateAtGrace(row, state.charges, lastGrace) && percentOfOverdue(row, perMille) > 0n) {
            expect(charged.has(inst.number), `row ${inst.number} owed at the end of ${lastGrace}`).toBe(true);
          }
        }
      },
    ), { numRuns: Number(process.env.PENALTY_PRICE_RUNS ?? 200) });
  }, 240_000);
});

describe('an officer fee applied after its row fell due is no penalty\'s cause', () => {
  it('seedhunt13 F5: row 1 (due 2024-02-15, 2 grace days, 5 % penalty) paid in full on its due date, then a 0.11 document fee dated due 02-15 applied on 02-17: the close of 02-18 marks the row overdue for the 0.11 and charges no penalty (the fee was never owed on the due date)', () => {
    const loan = new ServicedLoan('F5', servicingTerms({ penalty: { type: 'percent', value: '5', cap: null, graceDays: 2 }, writeOffDpd: 400 }));
    for (let day = '2024-01-16'; day <= '2024-02-17'; day = addDays(day, 1)) {
      if (day === '2024-02-15') loan.repay('1020.07', 'p1', day);
      loan.close(day);
    }
    loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '0.11', dueDate: '2024-02-15', reason: 'courier', date: '2024-02-17', appliedBy: 'officer-1' } }, '2024-02-17');
    const closed = loan.close('2024-02-18');
    expect(closed.filter((e) => e.type === 'PenaltyCharged')).toEqual([]);
    expect(closed.find((e) => e.type === 'InstallmentOverdue')?.data).toMatchObject({ number: 1, amountDue: '0.11', date: '2024-02-18' });
  });
});
