import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayOweUnchargedPenalty } from '../../src/app/queries/owed-today.js';
import { owedNowOf } from '../../src/app/queries/owed-now.js';
import { addDays } from '../../src/domain/calendar.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { owedOn, penaltiesOwedBy } from '../../src/domain/loan/penalties-owed-by.js';
import { scheduleView } from '../../src/domain/loan/schedule-view.js';
import { latePenaltyFrom, unchargedPenaltyFrom } from '../../src/domain/loan/late-paid-penalty.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { runHistory } from '../servicing/run-history.js';
import { step, type Step } from '../servicing/servicing-history.js';

/** QA 10's product: 12 000.00 × 12 monthly at 12 %, a fixed 50.00 penalty after 3 grace days (cap 500.00 a row). */
const qaTerms = () => servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } });

/** The summary's figures on `date` as the query serves them: the document's (loanFigures) unless a penalty is owed uncharged. */
function shownOn(loan: ServicedLoan, date: string) {
  const figures = loanFigures(loan.state);
  const doc = { status: loan.state.status, nextDue: figures.nextDue, latePenaltyFrom: latePenaltyFrom(loan.state), unchargedPenaltyFrom: unchargedPenaltyFrom(loan.state) };
  const owed = mayOweUnchargedPenalty(doc as never, date) ? owedNowOf(loan.state, date).figures : null;
  return owed ?? { outstanding: figures.outstanding, nextDue: figures.nextDue };
}

describe('what the summary, schedule and waiver show as owed on a business date is what a payment that day finds (QA 10 R1)', () => {
  /**
   * QA 10 R1 repro A (s16c). 12 000.00 disbursed 2026-07-26, rows 1–3 (08-26, 09-26, 10-26) paid
   * on their due dates with the EMI 1 066.19, closes run through 2026-11-29. Row 4 is due 11-26;
   * its grace (3 days) ends 11-29, so its 50.00 penalty is owed from 11-30. On 11-30 before that
   * night's close: by hand row 4 owes 1 066.19 + 50.00 = 1 116.19, penalties outstanding 50.00.
   */
  it('QA example: on the first day after the grace, before the close, next due is 1 116.19 with 50.00 of penalties; paying it leaves nothing past due; a penalty waiver that day waives the 50.00', () => {
    const build = () => {
      const loan = new ServicedLoan('R1', qaTerms(), '12000.00', 12, '2026-07-26');
      loan.context = { lastClose: null };
      let day = '2026-07-26';
      for (const due of ['2026-08-26', '2026-09-26', '2026-10-26']) {
        while (day < due) { loan.close(day); day = addDays(day, 1); }
        loan.repay('1066.19', `EMI-${due}`, due);
      }
      while (day <= '2026-11-29') { loan.close(day); day = addDays(day, 1); }
      loan.context = { lastClose: '2026-11-29' };
      return loan;
    };
    const loan = build();
    // What the document holds (as of the last close): the penalty is not charged yet.
    expect(loanFigures(loan.state).nextDue).toEqual({ date: '2026-11-26', amount: '1066.19' });
    const shown = shownOn(loan, '2026-11-30');
    expect(shown.nextDue).toEqual({ date: '2026-11-26', amount: '1116.19' });
    expect(shown.outstanding.penalties).toBe('50.00');
    const row4 = scheduleView(owedOn(loan.state, '2026-11-30'), '2026-11-29').rows[3];
    expect(row4).toMatchObject({ number: 4, penalty: '50.00', total: '1116.19', status: 'overdue' });
    expect(loan.payoff('2026-11-30').penalties).toBe('50.00');
    // Paying the next due shown clears what is past due.
    loan.repay('1116.19', 'NEXT', '2026-11-30');
    expect(loan.state.status).toBe('active');
    expect(loanFigures(loan.state, '2026-11-30').daysPastDue).toBe(0);
    expect(loanFigures(loan.state).nextDue?.date).toBe('2026-12-26');
    // The same day a penalty waiver records the owed penalty, then waives it.
    const waived = build();
    const events = waived.run({ type: 'WaiveCharge', data: { kind: 'penalty', amount: null, reason: 'goodwill', effectiveDate: '2026-11-30' } }, '2026-11-30');
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(['PenaltyCharged', 'ChargeWaived']);
    expect(events[0]?.data).toMatchObject({ number: 4, amount: '50.00', date: '2026-11-30', reason: 'ChargeWaived' });
    expect(events[1]?.data).toMatchObject({ kind: 'penalty', amount: '50.00' });
    expect(shownOn(waived, '2026-11-30').nextDue).toEqual({ date: '2026-11-26', amount: '1066.19' });
    expect(waived.payoff('2026-11-30').penalties).toBe('0.00');
  });

  const historyStep = step.filter((s): s is Exclude<Step, { op: 'reschedule' | 'writeOff' | 'recover' }> => s.op !== 'reschedule' && s.op !== 'writeOff' && s.op !== 'recover');

  it('over random histories with nights missed: the outstanding shown equals the loan a payment that day decides on, its penalties are those the payment records, and paying the next due shown settles that row (random histories)', () => {
    fc.assert(fc.property(
      fc.array(historyStep, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 4 }), fc.boolean(),
      (steps, grace, closeNightly) => {
        const loan = new ServicedLoan('P', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: grace } }), '3000.00', 6);
        loan.context = { lastClose: null };
        const today = runHistory(loan, steps, { nights: closeNightly ? 'each-day-left' : 'none' });
        // The document's unchargedPenaltyFrom: no penalty is owed uncharged before it (so the query may keep the document's figures).
        const from = unchargedPenaltyFrom(loan.state);
        const quiet = from === null ? [today, addDays(today, 400)] : [addDays(from, -1), addDays(from, -30)];
        for (const day of quiet) expect(penaltiesOwedBy(loan.state, day, 'x'), `owed by ${day}, uncharged from ${from}`).toEqual([]);
        if (loan.state.status !== 'active' && loan.state.status !== 'overdue') return;
        const shown = shownOn(loan, today);
        // A tiny payment records the penalties owed by today first: the loan it decides on.
        const probe = new ServicedLoan('P', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: grace } }), '3000.00', 6);
        probe.state = structuredClone(loan.state);
        probe.context = loan.context;
        const recorded = probe.repay('0.01', 'PROBE', today).filter((e) => e.type === 'PenaltyCharged');
        const decided = owedOn(loan.state, today);
        expect(recorded.length, 'penalties shown = penalties the payment records').toBe(decided.penalties.length - loan.state.penalties.length);
        expect(shown.outstanding, 'outstanding shown = what the payment decides on').toEqual(loanFigures(decided).outstanding);
        expect(shown.nextDue).toEqual(loanFigures(decided).nextDue);
        if (shown.nextDue === null || shown.nextDue.date >= today) return;
        // Paying the past-due next due shown settles that row: nothing of it is left past due.
        const shownDue = shown.nextDue;
        loan.repay(shownDue.amount, 'NEXT', today);
        const after = loanFigures(loan.state).nextDue;
        expect(after === null || after.date > shownDue.date, `paid ${shownDue.amount} on ${today}, next due now ${JSON.stringify(after)}`).toBe(true);
      },
    ), { numRuns: Number(process.env.OWED_VIEW_RUNS ?? 150) });
  });
});
