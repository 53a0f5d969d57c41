import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { lastDayOfGrace, replayServicing, stillUnpaid } from '../../src/domain/loan/servicing-replay.js';
import { daysPastDue, penaltyAmount } from '../../src/domain/loan/delinquency.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { step, type Step } from './servicing-history.js';

const GRACE = 2;
const penaltyTerms = (type: 'fixed' | 'percent') => servicingTerms({
  penalty: type === 'fixed' ? { type, value: '25.00', cap: null, graceDays: GRACE } : { type, value: '5', cap: '60.00', graceDays: GRACE },
});

/**
 * The rule (README, "Effective-date order"), checked on the loan as the last close left it (`lastClose`): each
 * installment whose grace ended before that close has exactly one standing penalty, dated the first day after its
 * grace, iff it was unpaid (principal, interest or fees) at the end of its last grace day with every fact dated up to
 * then replayed and its penalty priced then is above zero, and none otherwise; no installment has more than one penalty fact; none is dated after the close.
 */
function penaltiesFollowTheRule(state: LoanState, lastClose: string): void {
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const ctx = loanContext(state);
  const replay = replayServicing(state, order, ctx);
  for (const p of state.penalties) expect(p.date <= lastClose, `penalty on row ${p.number} dated ${p.date} after the close of ${lastClose}`).toBe(true);
  for (const row of state.contract) {
    const facts = state.penalties.filter((p) => p.number === row.number);
    expect(facts.length, `penalty facts on row ${row.number}`).toBeLessThanOrEqual(1);
    const lastGrace = lastDayOfGrace(state, row.number) as string;
    if (lastGrace >= lastClose) continue;
    const then = replayServicing(state, order, ctx, [], lastGrace).installments;
    const terms = state.terms?.penalty ?? null;
    // Unpaid then, and priced above zero on what it owed (5 % of 0.10 rounds to nothing: no penalty).
    // An officer fee applied after the row fell due is no penalty's cause (QA 12 Q5; seedhunt13 F5, seedhunt14).
    const late = terms !== null && stillUnpaid(then, row.number, state.currency, state.charges, lastGrace) && penaltyAmount(then[row.number - 1] as Installment, terms, state.currency, 'HALF_EVEN').gt(0);
    const standing = facts.filter((p) => !replay.voidedPenalties.has(p.sequence));
    expect(standing.map((p) => p.date), `row ${row.number} (due ${row.dueDate}) unpaid at the end of ${lastGrace}: ${late}`).toEqual(late ? [addDays(lastGrace, 1)] : []);
  }
}

/** Histories that change what was paid when: closes, back-dated payments, reversals, waivers, refunds and officer charges (no reschedule or write-off: their own rules). */
const historyStep = step.filter((s): s is Exclude<Step, { op: 'reschedule' | 'writeOff' | 'recover' }> => s.op !== 'reschedule' && s.op !== 'writeOff' && s.op !== 'recover');

describe('penalties after a reversal, a back-dated payment or a waiver recorded after later closes (QA 6 #4)', () => {
  it('over random histories with a close every day: after every step the penalties are exactly those the rule gives for the replayed history up to the last close (none missing, none twice, none for an installment paid in time), and the ledger balances and equals the loan\'s figures', async () => {
    await fc.assert(fc.asyncProperty(fc.array(historyStep, { minLength: 1, maxLength: 30 }), fc.constantFrom('fixed' as const, 'percent' as const), async (steps, type) => {
      const loan = new ServicedLoan('P1', penaltyTerms(type));
      // The pipeline tells the decider the last close, as the server does: a history change then
      // records the overdue rows and the class in its own append (reclassification.ts), which must not
      // pass for a close that judged the penalties (QA 8 N1).
      loan.context = { lastClose: null };
      await runHistory(loan, steps, {
        tellLastClose: true,
        onStep: async ({ today }) => {
          // A fact recorded after today's close is seen by the next one: close the day again, as the night's run would.
          loan.close(today);
          loan.context = { lastClose: today };
          const state = loan.state;
          // A loan that stopped owing closes no more days (a row settled late after that has nothing charged: README).
          if (state.status === 'active' || state.status === 'overdue') {
            penaltiesFollowTheRule(state, today);
            // A penalty that re-allocates later payments can leave a row past due: the close records it (QA 8 N6).
            expect(state.status, `status after the close of ${today}`).toBe(daysPastDue(state.installments, state.firstUnsettled, today, state.charges, state.currency) > 0 ? 'overdue' : 'active');
          }
          const ledger = await loan.ledger();
          expect(ledger.balanced).toBe(true);
          const figures = loan.figures();
          for (const account of LEDGER_ACCOUNTS) expect(ledger.balances[account], account).toBe(figures.ledger[account]);
        },
      });
    }), { numRuns: Number(process.env.PENALTY_RULE_RUNS ?? 150) });
  }, 600_000);
});
