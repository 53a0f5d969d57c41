import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { chargedPenaltyRows } from '../../src/domain/loan/late-paid-penalty.js';
import type { PenaltyCharged } from '../../src/domain/loan/events.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import type { Installment } from '../../src/domain/loan/state.js';
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
        const check = () => {
          const state = loan.state;
          for (const event of loan.log.events.slice(seen)) {
            if (event.type !== 'PenaltyCharged') continue;
            const { number, amount, date } = (event.data as PenaltyCharged['data']);
            const lastGrace = addDays(date, -1);
            const row = stateAsOf(state, lastGrace).installments[number - 1];
            expect(row, `row ${number}`).toBeDefined();
            if (row === undefined) continue;
            expect(amount, `row ${number}'s penalty dated ${date}`).toBe(formatMinor(percentOfOverdue(row, perMille), 2));
          }
          seen = loan.log.events.length;
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
          if (row !== undefined && percentOfOverdue(row, perMille) > 0n) {
            expect(charged.has(inst.number), `row ${inst.number} owed at the end of ${lastGrace}`).toBe(true);
          }
        }
      },
    ), { numRuns: Number(process.env.PENALTY_PRICE_RUNS ?? 200) });
  }, 240_000);
});
