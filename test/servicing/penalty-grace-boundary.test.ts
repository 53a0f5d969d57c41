import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { lastDayOfGrace, replayServicing, stillUnpaid } from '../../src/domain/loan/servicing-replay.js';
import { penaltyAmount } from '../../src/domain/loan/delinquency.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step, type Step } from './servicing-history.js';

const GRACE = 3;
const penaltyTerms = (type: 'fixed' | 'percent') => servicingTerms({
  penalty: type === 'fixed' ? { type, value: '25.00', cap: null, graceDays: GRACE } : { type, value: '5', cap: '60.00', graceDays: GRACE },
});

/**
 * Per installment number: was it unpaid (principal, interest or fees owed) at the end of its last grace day, every
 * fact dated up to then replayed, with a penalty priced then above zero (5 % of 0.10 rounds to nothing: none)? An
 * officer fee applied after the row fell due is not what makes it late (it was never owed on the due date; QA 12 Q5,
 * seedhunt13 F5): a row paid in full whose only debt is such a fee owes no penalty.
 */
function unpaidAtEndOfGrace(state: LoanState, number: number): boolean {
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const lastGrace = lastDayOfGrace(state, number);
  const rows = replayServicing(state, order, loanContext(state), [], lastGrace).installments;
  const penalty = state.terms?.penalty ?? null;
  return penalty !== null && stillUnpaid(rows, number, state.currency, state.charges, lastGrace ?? undefined) && penaltyAmount(rows[number - 1] as Installment, penalty, state.currency, 'HALF_EVEN').gt(0);
}

/** Histories a same-day recording order cannot change the meaning of: closes, payments, officer charges. */
const servicingStep = step.filter((s): s is Extract<Step, { op: 'advance' | 'repay' | 'charge' }> => s.op === 'advance' || s.op === 'repay' || s.op === 'charge');

describe('a penalty stands iff its installment was unpaid at the end of its last grace day', () => {
  it('over random histories of daily closes, back-dated payments and officer charges: each installment whose grace ended has a standing penalty exactly when it was unpaid at the end of its last grace day, and at most one', () => {
    fc.assert(fc.property(fc.array(servicingStep, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), fc.boolean(), (steps, type, payBeforeClose) => {
      const loan = new ServicedLoan('G1', penaltyTerms(type));
      let today = DISBURSED;
      let pending: string | null = null;
      // Each close, then the pipeline tells later commands it ran (the penalties a back-dated fact leaves owed by it are recorded at once).
      const close = (date: string) => {
        loan.close(date);
        loan.context = { lastClose: date };
      };
      const flush = () => {
        if (pending !== null) close(pending);
        pending = null;
      };
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          flush();
          for (let d = 0; d < s.days; d++) {
            today = addDays(today, 1);
            // Recorded before its day's close: the close of `today` runs after the next step.
            if (payBeforeClose && d === s.days - 1) pending = today;
            else close(today);
          }
          continue;
        }
        const command = commandFor(s, today, n, loan.state);
        if (command) attempt(loan, command, today);
        flush();
      }
      flush();
      const state = loan.state;
      if (state.status !== 'active' && state.status !== 'overdue' && state.status !== 'closed' && state.status !== 'overpaid') return;
      const replay = replayServicing(state, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(state));
      for (const row of state.contract) {
        const lastGrace = lastDayOfGrace(state, row.number) as string;
        // Its grace ended before the last close ran (closes run through `today`).
        if (lastGrace >= today) continue;
        const standing = state.penalties.filter((p) => p.number === row.number && !replay.voidedPenalties.has(p.sequence));
        const late = unpaidAtEndOfGrace(state, row.number);
        // A loan that stopped owing closes no more days, so a row settled late after that has nothing charged.
        if (state.status === 'closed' || state.status === 'overpaid') {
          expect(standing.length <= (late ? 1 : 0), `row ${row.number}`).toBe(true);
          continue;
        }
        expect(standing.length, `row ${row.number} (due ${row.dueDate}) unpaid at the end of ${lastGrace}: ${late}`).toBe(late ? 1 : 0);
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 200) });
  });

  it('a payment dated the first day after the grace gives the same figures recorded before or after that day\'s close (random amounts)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120_000 }), fc.constantFrom('fixed' as const, 'percent' as const), (cents, type) => {
      const amount = (cents / 100).toFixed(2);
      const day = addDays('2024-02-15', GRACE + 1);
      const after = new ServicedLoan('A', penaltyTerms(type));
      const before = new ServicedLoan('B', penaltyTerms(type));
      for (let d = addDays(DISBURSED, 1); d < day; d = addDays(d, 1)) {
        after.close(d);
        before.close(d);
      }
      after.close(day);
      after.repay(amount, 'p1', day);
      before.repay(amount, 'p1', day);
      before.close(day);
      expect(loanFigures(before.state)).toEqual(loanFigures(after.state));
      expect(after.state.installments[0]?.due.penalty).toBe(type === 'fixed' ? '25.00' : '51.00');
    }), { numRuns: 50 });
  });
});

describe('a row paid in full owes no penalty for an officer fee applied after its due date', () => {
  it('seedhunt14 (seed 2061201599, a test defect): 1 010.17 paid on the disbursement day settles row 1 (990.07 + its interest cut to 20.10), a 0.01 document fee due 02-15 is applied on 02-16, closed through 02-19: the row is overdue for the 0.01 from the close of 02-17 (1 day, 关注) but charged no penalty at the end of its grace (02-18)', () => {
    const loan = new ServicedLoan('G2', penaltyTerms('fixed'));
    loan.repay('1010.17', 'p0', DISBURSED);
    for (let day = addDays(DISBURSED, 1); day <= '2024-02-19'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
      if (day === '2024-02-16') loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '0.01', dueDate: '2024-02-15', reason: 'courier', date: day, appliedBy: 'officer-1' } }, day);
    }
    expect(loan.state.penalties).toEqual([]);
    expect(loan.figures().outstanding).toMatchObject({ fees: '0.01', penalties: '0.00' });
    expect([loan.state.status, loan.state.classification]).toEqual(['overdue', 'special-mention']);
  });
});

describe('a payment recorded after a close that leaves a row unpaid past its grace records the penalty that close would have charged', () => {
  it('seedhunt13 F2 (seed -26109218): 3 000.00 from 2024-01-15, 25.00 after 3 grace days; 18.62 and 1 418.81 paid on 01-22 (row 1\'s interest, then principal ahead); closed through 02-19; then 1 562.57 dated 02-14, short of the payoff by no more than earned interest, is allocated principal first and takes back row 1\'s 19.02 of interest paid ahead, leaving it owing 18.51 past its grace (02-18): the payment records row 1\'s penalty dated 02-19, the row overdue and the class (before: nothing until the next close)', () => {
    const loan = new ServicedLoan('F2', penaltyTerms('fixed'));
    const closeThrough = (last: string) => {
      for (let day = addDays(loan.state.lastEodDate ?? DISBURSED, 1); day <= last; day = addDays(day, 1)) {
        loan.close(day);
        loan.context = { lastClose: day };
      }
    };
    closeThrough('2024-01-22');
    loan.repay('18.62', 'p1', '2024-01-22');
    loan.repay('1418.81', 'p2', '2024-01-22');
    for (let day = '2024-01-23'; day <= '2024-02-19'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
    }
    expect(loan.state.penalties).toEqual([]);
    const events = loan.run({ type: 'ReceiveRepayment', data: { amount: '1562.57', channel: 'online', reference: 'p3', effectiveDate: '2024-02-14' } }, '2024-02-19');
    expect(events.slice(1)).toEqual([
      { type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-19', reason: 'RepaymentReceived' } },
      { type: 'InstallmentOverdue', data: { number: 1, dueDate: '2024-02-15', amountDue: '43.51', date: '2024-02-19', reason: 'RepaymentReceived' } },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 4, date: '2024-02-19', reason: 'RepaymentReceived' } },
    ]);
    // Row 1 owes the 18.51 of interest it earned to 02-14 (3 000.00 × 1 % × 7/31 + 1 581.59 × 1 % × 23/31) and the penalty.
    expect(loan.figures().outstanding).toEqual({ principal: '0.00', interest: '18.51', fees: '0.00', penalties: '25.00', total: '43.51' });
    expect([loan.state.status, loan.state.daysPastDue, loan.state.classification]).toEqual(['overdue', 4, 'special-mention']);
    expect(loan.close('2024-02-20').filter((e) => e.type === 'PenaltyCharged'), 'the next close charges nothing again').toEqual([]);
  });
});
