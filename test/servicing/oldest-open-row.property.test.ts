import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextUnsettled } from '../../src/domain/loan/installment.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { amount, attempt, DISBURSED, step } from './servicing-history.js';
import { addDays } from '../../src/domain/calendar.js';
import { Dec } from '../../src/domain/decimal.js';

/**
 * The loan's oldest open row (`firstUnsettled`), kept incrementally as facts are applied on top, is
 * the first unsettled row: days past due, the overdue status and the close's marks all start from it.
 * A payment allocated principal first takes back interest paid ahead on a row already settled and
 * reopens it (seedhunt13 F2: the loan showed 0 days past due while row 1 owed 18.51, due 02-15).
 */
describe('the oldest open row the loan keeps is the first unsettled row', () => {
  it('over random histories (payments of any size, back-dated or not, bounces, waivers, charges, refunds, reschedules, write-offs), after every step', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.boolean(), (steps, nightly) => {
      const loan = new ServicedLoan('U', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 3 } }));
      runHistory(loan, steps, {
        nights: nightly ? 'each-day-left' : 'none',
        onStep: (at) => expect(loan.state.firstUnsettled, `after step ${at.n} ${JSON.stringify(at.step)}`).toBe(nextUnsettled(loan.state.installments, 0)),
      });
    }), { numRuns: Number(process.env.OPEN_ROW_RUNS ?? 200) });
  });

  it('over histories of a payment ahead, nights closed, then a payment just short of the payoff dated some days back (allocated principal first), then random steps', () => {
    const history = fc.record({
      aheadOn: fc.integer({ min: 1, max: 30 }), aheadCents: fc.integer({ min: 100, max: 200_000 }), nights: fc.integer({ min: 1, max: 70 }),
      back: fc.integer({ min: 0, max: 10 }), shortCents: fc.integer({ min: 1, max: 4_000 }), rest: fc.array(step, { maxLength: 8 }),
    });
    fc.assert(fc.property(history, (h) => {
      const loan = new ServicedLoan('V', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 3 } }));
      const same = (what: string) => expect(loan.state.firstUnsettled, what).toBe(nextUnsettled(loan.state.installments, 0));
      let today = DISBURSED;
      const closeUntil = (date: string) => {
        for (; today < date; today = addDays(today, 1)) {
          loan.close(today);
          loan.context = { lastClose: today };
        }
      };
      closeUntil(addDays(DISBURSED, h.aheadOn));
      attempt(loan, { type: 'ReceiveRepayment', data: { amount: amount(h.aheadCents), channel: 'online', reference: 'ahead', effectiveDate: today } }, today);
      same('after the payment ahead');
      closeUntil(addDays(today, h.nights));
      const on = addDays(today, -h.back) < DISBURSED ? DISBURSED : addDays(today, -h.back);
      const payoff = new Dec(loan.payoff(on).total).minus(amount(h.shortCents));
      if (payoff.gt(0)) attempt(loan, { type: 'ReceiveRepayment', data: { amount: payoff.toFixed(2), channel: 'online', reference: 'short', effectiveDate: on } }, today);
      same('after the payment just short of the payoff');
      runHistory(loan, h.rest, { from: today, nights: 'each-day-left', onStep: (at) => same(`after step ${at.n} ${JSON.stringify(at.step)}`) });
    }), { numRuns: Number(process.env.OPEN_ROW_RUNS ?? 200) });
  });
});
