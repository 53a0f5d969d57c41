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
 * fact dated up to then replayed, with a penalty priced then above zero (5 % of 0.10 rounds to nothing: none)?
 */
function unpaidAtEndOfGrace(state: LoanState, number: number): boolean {
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const rows = replayServicing(state, order, loanContext(state), [], lastDayOfGrace(state, number)).installments;
  const penalty = state.terms?.penalty ?? null;
  return penalty !== null && stillUnpaid(rows, number, state.currency) && penaltyAmount(rows[number - 1] as Installment, penalty, state.currency, 'HALF_EVEN').gt(0);
}

/** Histories a same-day recording order cannot change the meaning of: closes, payments, officer charges. */
const servicingStep = step.filter((s): s is Extract<Step, { op: 'advance' | 'repay' | 'charge' }> => s.op === 'advance' || s.op === 'repay' || s.op === 'charge');

describe('a penalty stands iff its installment was unpaid at the end of its last grace day', () => {
  it('over random histories of daily closes, back-dated payments and officer charges: each installment whose grace ended has a standing penalty exactly when it was unpaid at the end of its last grace day, and at most one', () => {
    fc.assert(fc.property(fc.array(servicingStep, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), fc.boolean(), (steps, type, payBeforeClose) => {
      const loan = new ServicedLoan('G1', penaltyTerms(type));
      let today = DISBURSED;
      let pending: string | null = null;
      const flush = () => {
        if (pending !== null) loan.close(pending);
        pending = null;
      };
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          flush();
          for (let d = 0; d < s.days; d++) {
            today = addDays(today, 1);
            // Recorded before its day's close: the close of `today` runs after the next step.
            if (payBeforeClose && d === s.days - 1) pending = today;
            else loan.close(today);
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
