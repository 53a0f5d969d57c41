import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { chargedPenaltyRows, penaltiesOwed, penaltiesOwedRowByRow } from '../../src/domain/loan/late-paid-penalty.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { step } from './servicing-history.js';

/**
 * QA 10 R9: penaltiesOwed decides every row in one replay, at the end of each row's last grace day
 * (replayServicing's endOfDay decisions), instead of one replay per row. Over random histories
 * (payments, reversals, waivers, charges, reschedules, write-offs, nights missed or closed) and on
 * dates up to a year on, both give the same events, in the same order.
 */
describe('the penalties owed decided in one replay are those decided by a replay per row (QA 10 R9)', () => {
  it('same PenaltyCharged events over random histories, penalty kinds and graces, on random quote dates (random histories)', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), fc.integer({ min: 0, max: 4 }), fc.boolean(),
      fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 }),
      (steps, type, grace, closeNightly, ahead) => {
        const penalty = type === 'fixed' ? { type, value: '25.00', cap: null, graceDays: grace } : { type, value: '5', cap: '60.00', graceDays: grace };
        const loan = new ServicedLoan('OP', servicingTerms({ penalty }), '3000.00', 6);
        loan.context = { lastClose: null };
        const today = runHistory(loan, steps, { nights: closeNightly ? 'each-day-left' : 'none' });
        const charged = chargedPenaltyRows(loan.state);
        for (const days of ahead) {
          const date = addDays(today, days);
          expect(penaltiesOwed(loan.state, date, charged), date).toEqual(penaltiesOwedRowByRow(loan.state, date, charged));
        }
      },
    ), { numRuns: Number(process.env.ONE_PASS_RUNS ?? 300) });
  });

  it('on a weekly 520-row loan quoted ten years on: the same 156 events either way (every row unpaid past its grace)', () => {
    const terms = servicingTerms({ frequency: 'weekly', term: { min: 1, max: 520 }, principal: { min: '100.00', max: '200000.00' }, penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } });
    const loan = new ServicedLoan('W', terms, '12000.00', 520, '2026-06-30');
    const charged = chargedPenaltyRows(loan.state);
    const fast = penaltiesOwed(loan.state, '2029-06-30', charged);
    expect(fast.length).toBe(156);
    expect(fast).toEqual(penaltiesOwedRowByRow(loan.state, '2029-06-30', charged));
  });
});
