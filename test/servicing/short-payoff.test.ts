import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { foldedCopy, payoffOwedOn, penaltiesOwedBy } from '../../src/domain/loan/penalties-owed-by.js';
import type { PrepaymentOverride, LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { step } from './servicing-history.js';

const cents = (v: string) => minorOf(v, 2);

/**
 * Interest the rows not yet due on `date` have earned by then, net of waivers, in cents (paid or
 * not): how far short of the payoff a payment may fall and still pay all principal.
 */
function earnedNotDueCents(state: LoanState, date: string): bigint {
  const ctx = loanContext(state);
  let sum = 0n;
  for (const row of state.installments) {
    if (row.dueDate <= date) continue;
    const net = earnedMinor(row, date, ctx, 2) - minorOf(row.waived.interest, 2);
    if (net > 0n) sum += net;
  }
  return sum;
}

function paid(state: LoanState, amount: bigint, date: string, prepayment?: PrepaymentOverride): LoanState {
  let next = structuredClone(state);
  const data = { amount: formatMinor(amount, 2), channel: 'online' as const, reference: 'short', effectiveDate: date, ...(prepayment ? { prepayment } : {}) };
  for (const event of decideLoan({ type: 'ReceiveRepayment', data }, next)) next = loanDecider.evolve(next, event);
  return next;
}

describe('a payment a little short of the payoff (QA 8 N9)', () => {
  it('pays all principal whenever it falls short of the day\'s payoff by no more than the interest rows not yet due have earned: the shortfall is then all that is owed, as interest, and no later row keeps a fee (random histories, every strategy, grace and override)', () => {
    fc.assert(fc.property(
      fc.array(step, { minLength: 0, maxLength: 12 }), fc.constantFrom('next-installment' as const, 'last-installments' as const, 're-amortise' as const),
      fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(undefined, 'reduce-installment' as const, 'reduce-term' as const), fc.boolean(),
      (steps, prepaymentStrategy, graceOnInterest, perMille, override, fee) => {
        const terms = servicingTerms({
          writeOffDpd: 30, prepaymentStrategy, graceOnInterest, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 },
          ...(fee ? { fees: [{ kind: 'service' as const, type: 'fixed' as const, value: '20.00' }] } : {}),
        });
        const loan = new ServicedLoan('L1', terms);
        const today = runHistory(loan, steps);
        const state = loan.state;
        if (state.status !== 'active' && state.status !== 'overdue') return;
        if (state.lastFactKey !== null && state.lastFactKey.slice(0, 10) > today) return;
        if (state.principalOutstanding === '0.00') return;
        const quote = cents(payoffOwedOn(state, today).total);
        // On the loan as the payment decides on it: with the penalties owed by today charged (QA 9 Q5).
        const allowance = earnedNotDueCents(foldedCopy(state, penaltiesOwedBy(state, today, 'RepaymentReceived')), today);
        const shortfall = (allowance * BigInt(perMille)) / 1000n;
        if (shortfall >= quote) return;
        const after = paid(state, quote - shortfall, today, override);
        const label = `${quote - shortfall} against a ${quote} quote on ${today} (earned not due ${allowance})`;
        expect(after.principalOutstanding, label).toBe('0.00');
        expect(cents(payoffOwedOn(after, today).total), label).toBe(shortfall);
        for (const row of after.installments) {
          if (row.dueDate <= today) continue;
          expect(owedMinor(row, 'fee', 2) + owedMinor(row, 'principal', 2), `row ${row.number}: ${label}`).toBe(0n);
        }
        // Everything due was paid: the loan is closed, or current and owing only the shortfall.
        expect(after.status, label).toBe(shortfall === 0n ? 'closed' : 'active');
      },
    ), { numRuns: Number(process.env.SHORT_PAYOFF_RUNS ?? 300) });
  });

  /**
   * QA 8 N9 (s76). 12 000.00 at 12 %, 12 monthly rows from 2026-10-15, a 20.00 service fee a row.
   * The payoff on 2026-11-30, by hand: 12 000.00 principal + row 1's 120.00 interest and 20.00 fee
   * (due 11-15) + row 2's interest for 15 of its 30 days, 11 053.81 × 1 % = 110.54 × 15 ÷ 30 = 55.27:
   * 12 195.27. Paying 12 185.27 (10.00 short, less than the 55.27 earned) pays row 1 (1 086.19), all
   * 11 053.81 principal left, and 45.27 of row 2's earned interest; the fees of rows 2–12 are never
   * owed and row 2 owes 55.27 − 45.27 = 10.00, the only thing left (it was 256.98 of principal under
   * next-installment, 30.15 under last-installments, 231.80 with ten fees under re-amortise).
   */
  for (const strategy of ['next-installment', 'last-installments', 're-amortise'] as const) {
    it(`${strategy}: given 12 000.00 with a 20.00 fee a row, when 12 185.27 (the 12 195.27 quote less 10.00) is paid on 2026-11-30, then 10.00 of row 2's interest is all that is owed`, () => {
      const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: strategy, fees: [{ kind: 'service', type: 'fixed', value: '20.00' }] }), '12000.00', 12, '2026-10-15');
      expect(loan.payoff('2026-11-30').total).toBe('12195.27');
      const [received] = loan.repay('12185.27', 'short', '2026-11-30');
      expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '20.00', interest: '165.27', principal: '12000.00', excess: '0.00' });
      expect(loan.state.principalOutstanding).toBe('0.00');
      expect(loan.figures().outstanding).toMatchObject({ principal: '0.00', interest: '10.00', fees: '0.00', total: '10.00' });
      expect(loan.payoff('2026-11-30').total).toBe('10.00');
      // Still 10.00 a month later: no interest runs on interest, and no later row owes anything.
      expect(loan.payoff('2026-12-30').total).toBe('10.00');
      const events = loan.repay('10.00', 'rest', '2026-11-30');
      expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    });
  }
});
