import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanTransactions, servicingNow } from '../../src/app/queries/loan-transactions.js';
import { addDays } from '../../src/domain/calendar.js';
import { boundedReplayMemo } from '../../src/commands/bounded-replay-memo.js';
import { NO_REPLAY_MEMO, type ReplayMemo } from '../../src/domain/loan/replay-memo.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step, type Step } from './servicing-history.js';

const terms = servicingTerms({ penalty: { type: 'percent', value: '5', cap: '60.00', graceDays: 2 } });

/**
 * Drives `steps` through the real decider (closes every day an `advance` passes) and reads, after
 * every step, what the server shows: the events recorded, the figures, the payoff on the business
 * date and the transactions — with the loan as loaded (`loaded`: its state, as the route passes the
 * snapshot-loaded loan) or folded from its events — every replay through `memo`.
 */
function run(steps: readonly Step[], loaded: boolean, memo: ReplayMemo): unknown[] {
  const loan = new ServicedLoan('M1', terms, '3000.00', 4);
  loan.memo = memo;
  let today = DISBURSED;
  const seen: unknown[] = [];
  for (const [n, s] of steps.entries()) {
    if (s.op === 'advance') for (let d = 0; d < s.days; d++) loan.close((today = addDays(today, 1)));
    const command = commandFor(s, today, n, loan.state);
    if (command) attempt(loan, command, today);
    const events = loan.log.events;
    const current = loaded ? servicingNow(events, loan.state, today, memo) : servicingNow(events, undefined, today, memo);
    seen.push({
      events: events.map((e) => ({ type: e.type, data: e.data })),
      figures: loan.figures(),
      payoff: loan.state.status === 'active' || loan.state.status === 'overdue' ? loan.payoff(today) : null,
      transactions: loanTransactions({ customerId: 'C1', events }, current),
      // Read again: remembered now, it must still be what the facts give.
      again: loanTransactions({ customerId: 'C1', events }, loaded ? servicingNow(events, loan.state, undefined, memo) : servicingNow(events, undefined, undefined, memo)),
    });
  }
  return seen;
}

describe('remembered replays and the loan as loaded give what replaying every fact gives (QA 10 R9)', () => {
  it('over random servicing histories (back-dated payments, reversals, waivers, charges, reschedules, write-offs, closes): the same events, figures, payoff and transactions after every step with every replay remembered and the transactions read off the loaded loan, as with none remembered and the stream folded', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
      // The application's bounded memo, keeping every history (these are shorter than MEMO_MIN_FACTS), against none.
      const fast = run(steps, true, boundedReplayMemo(1));
      const full = run(steps, false, NO_REPLAY_MEMO);
      expect(fast).toEqual(full);
    }), { numRuns: Number(process.env.REPLAY_MEMO_RUNS ?? 120) });
  }, 600_000);
});
