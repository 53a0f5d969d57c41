import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { amountDueOn, loanFigures } from '../../src/domain/loan/figures.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from './servicing-history.js';

describe('amount due now (QA 11 S2)', () => {
  it('paying exactly the amount due now on the business date leaves nothing past due (DPD 0), over random histories', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), fc.constantFrom(null, 'fixed' as const, 'percent' as const), fc.integer({ min: 0, max: 3 }), (steps, penalty, closeLag) => {
      const terms = servicingTerms({
        writeOffDpd: 30,
        penalty: penalty === null ? null : penalty === 'fixed' ? { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } : { type: 'percent', value: '5', cap: '60.00', graceDays: 2 },
      });
      const loan = new ServicedLoan('L1', terms, '3000.00', 3, DISBURSED);
      let today = DISBURSED;
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days; d++) {
            today = addDays(today, 1);
            loan.close(today);
          }
        }
        const command = commandFor(s, today, n, loan.state);
        if (command) attempt(loan, command, today);
      }
      // The business date runs ahead of the last close (a payment between closes, penalties owed that no close charged).
      today = addDays(today, closeLag);
      if (loan.state.status !== 'active' && loan.state.status !== 'overdue') return;
      const due = amountDueOn(owedOn(loan.state, today), today);
      if (due === '0.00') {
        expect(loanFigures(owedOn(loan.state, today), today).daysPastDue).toBe(0);
        return;
      }
      expect(attempt(loan, { type: 'ReceiveRepayment', data: { amount: due, channel: 'online', reference: 'due-now', effectiveDate: today } }, today), `paying ${due}`).toBe(true);
      const after = loanFigures(owedOn(loan.state, today), today);
      expect({ dpd: after.daysPastDue, dueNow: amountDueOn(owedOn(loan.state, today), today) }, `after paying ${due} on ${today}`).toEqual({ dpd: 0, dueNow: '0.00' });
      expect(loan.state.status).not.toBe('overdue');
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 300) });
  }, 300_000);
});
