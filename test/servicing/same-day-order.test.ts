import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { decideLoan } from '../../src/domain/loan/decider.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import { loanContext, payoffQuote } from '../../src/domain/loan/payoff.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { DISBURSED, step } from './servicing-history.js';

/** The loan as its facts leave it when each close's penalties are given recording sequences shifted by `shift` (the close recorded first or last on its day). */
function withCloseRecorded(state: LoanState, shift: number): LoanState {
  const moved: LoanState = { ...state, penalties: state.penalties.map((p) => ({ ...p, sequence: p.sequence + shift })) };
  const replay = replayServicing(moved, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(moved));
  const credit = replay.excessMinor - minorOf(state.refunded, 2);
  return { ...moved, installments: replay.installments, creditBalance: formatMinor(credit, 2) };
}

const rows = (state: LoanState) => state.installments.map(({ due, paid, waived, settled }) => ({ due, paid, waived, settled }));
const figures = (state: LoanState) => {
  const { outstanding, receivable, creditBalance, ledger } = loanFigures(state);
  return { outstanding, receivable, creditBalance, ledger };
};

describe('facts of one value date and that day\'s close of business', () => {
  const terms = servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } });

  it('given row 1 (1 020.07, due 2024-02-15, 2 grace days) unpaid and a 25.00 penalty charged by the close of 02-18, when 1 020.07 dated 02-18 is recorded after that close, then the penalty stands and is paid first, as if recorded before the close', () => {
    const loan = new ServicedLoan('D1', terms);
    let today = DISBURSED;
    while (today < '2024-02-18') loan.close((today = addDays(today, 1)));
    expect(loan.state.penalties.map((p) => [p.date, p.amount])).toEqual([['2024-02-18', '25.00']]);
    // The quote for 02-18 is the one the repayment cap enforces: 3 000.00 + 30.00 due + row 2's 20.10 × 3/29 = 2.08,
    // and the penalty: row 1 was still unpaid at the end of its last grace day (02-17). A cent more is refused.
    const quote = payoffQuote(loan.state, '2024-02-18');
    expect(quote).toMatchObject({ principal: '3000.00', interest: '32.08', penalties: '25.00', total: '3057.08' });
    const keyed = (amount: string) => ({ type: 'ReceiveRepayment' as const, data: { amount, channel: 'online' as const, reference: 'payoff', effectiveDate: '2024-02-18', keyed: { overpaymentConfirmed: false } } });
    expect(() => decideLoan(keyed(formatMinor(minorOf(quote.total, 2) + 1n, 2)), loan.state)).toThrow(expect.objectContaining({ code: 'AMOUNT_EXCEEDS_PAYOFF' }));
    const [received] = loan.repay('1020.07', 'p1', '2024-02-18');
    // By hand: the penalty is charged at the start of 02-18 (the first day after the grace), so the payment that
    // day finds row 1 owing 25.00 + 30.00 + 990.07: penalty first, then interest, and 965.07 of principal,
    // leaving 25.00 of row 1's principal owed. (Before the fix the payment voided the penalty: an extra grace day.)
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '25.00', fee: '0.00', interest: '30.00', principal: '965.07', excess: '0.00' });
    expect(loan.figures().outstanding).toMatchObject({ penalties: '0.00', principal: '2034.93' });
    // Recorded before the close of 02-18, the close still charges it (row 1 was settled only after its grace).
    const before = new ServicedLoan('D2', terms);
    today = DISBURSED;
    while (today < '2024-02-17') before.close((today = addDays(today, 1)));
    before.repay('1020.07', 'p1', '2024-02-18');
    before.close('2024-02-18');
    expect(before.figures()).toEqual(loan.figures());
    // Paid on its last grace day instead, no penalty stands.
    const inTime = new ServicedLoan('D3', terms);
    today = DISBURSED;
    while (today < '2024-02-18') inTime.close((today = addDays(today, 1)));
    inTime.repay('1020.07', 'p1', '2024-02-17');
    expect(inTime.figures().outstanding).toMatchObject({ penalties: '0.00', principal: '2009.93' });
  });

  it('permuting the recording order of a close\'s penalties and the other facts of its date does not change the loan\'s figures, and the state folded fact by fact equals the full replay (random histories)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), (steps, penalty) => {
      const loan = new ServicedLoan('D1', servicingTerms({
        penalty: penalty === 'fixed' ? { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } : { type: 'percent', value: '5', cap: '60.00', graceDays: 1 },
      }));
      runHistory(loan, steps, {
        // Payments dated today are recorded after today's close (the close on arrival ran first).
        reshape: (s) => (s.op === 'repay' ? { ...s, back: s.back % 3 } : s),
        onStep: () => {
          const state = loan.state;
          if (state.status === 'written_off' || state.contract.length === 0) return;
          const replayed = withCloseRecorded(state, 0);
          expect(rows(replayed), 'folded = replayed').toEqual(rows(state));
          expect(replayed.creditBalance).toBe(state.creditBalance);
          const facts = paymentRecords(state.payments).length + state.waivers.length + state.charges.length + state.penalties.length;
          for (const shift of [-(facts + state.eventsFolded + 1), facts + state.eventsFolded + 1]) {
            expect(figures(withCloseRecorded(state, shift)), `close recorded ${shift < 0 ? 'first' : 'last'} on its day`).toEqual(figures(state));
          }
        },
      });
    }), { numRuns: Number(process.env.SAME_DAY_RUNS ?? 200) });
  });
});
