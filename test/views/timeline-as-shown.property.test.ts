import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanStateAfter } from '../../src/app/queries/loan-time-travel.js';
import { owedNowOf } from '../../src/app/queries/owed-now.js';
import { addDays } from '../../src/domain/calendar.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { scheduleView } from '../../src/domain/loan/schedule-view.js';
import type { EventStore, ReadStreamOptions } from '../../src/eventstore/port.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from '../servicing/servicing-history.js';

/** The loan's log as an event store: each event recorded when it occurred (the fixture's `recordedAt`), business dates in UTC. */
function storeOf(loan: ServicedLoan): EventStore {
  const events = [...loan.log.events];
  const readStream = async (_id: string, options?: ReadStreamOptions) => events.slice(0, options?.maxCount ?? events.length);
  return { readStream } as unknown as EventStore;
}

/**
 * QA 11 S9, the timeline's part: a compliance officer stepping through a loan's history
 * (`GET /v1/loans/:id/state?revision=N`) saw, after each event, only the penalties recorded by then,
 * where the loan's view that day (GET /v1/loans/:id, its schedule and payoff, all read through owedOn)
 * also showed the penalties owed that no close had charged yet. The invariant: right after the
 * latest event recorded on a business date, the timeline's outstanding, next due and schedule are
 * what the loan's view showed that date (owedNowOf, the view's own reading, and the schedule route's
 * owedOn) — whatever history came before, between closes or with closes lagging.
 */
describe('the timeline after an event shows what the loan\'s view showed that business date', () => {
  it('over random servicing histories with a penalty after a 3-day grace, recorded between nightly closes or with the closes stopped', async () => {
    const penalty = { type: 'fixed' as const, value: '50.00', cap: null, graceDays: 3 };
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.boolean(), async (steps, nightly) => {
      const loan = new ServicedLoan('L1', servicingTerms({ penalty, writeOffDpd: 400 }), '6000.00', 6, DISBURSED);
      let today = addDays(DISBURSED, 1);
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days; d++) {
            if (nightly) loan.close(today);
            today = addDays(today, 1);
          }
          loan.context = nightly ? { lastClose: addDays(today, -1) } : {};
        }
        const command = commandFor(s, today, n, loan.state);
        const before = loan.log.events.length;
        // A refused command or an idempotent replay records nothing: no new revision to read.
        if (command === null || !attempt(loan, command, today) || loan.log.events.length === before) continue;
        const revision = BigInt(loan.log.events.length - 1);
        const after = await loanStateAfter(storeOf(loan), 'L1', revision, 'UTC');
        const view = owedNowOf(loan.state, today);
        const at = `${command.type} on ${today} (revision ${revision})`;
        expect(after?.summary.outstanding, at).toEqual(view.figures?.outstanding ?? loan.figures().outstanding);
        expect(after?.summary.nextDue, at).toEqual(view.figures?.nextDue ?? loan.figures().nextDue);
        expect(after?.schedule, at).toEqual(scheduleView(owedOn(loan.state, today)));
      }
    }), { numRuns: Number(process.env.VIEWS_RUNS ?? 60) });
  }, 600_000);
});
