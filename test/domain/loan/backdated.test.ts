import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import { disbursedLoan, repay } from './fixtures.js';

const payment = fc.record({ cents: fc.integer({ min: 1, max: 900_000 }), day: fc.integer({ min: 0, max: 160 }) });

describe('backdated repayments', () => {
  it('leave the loan as if every payment had arrived in date order', () => {
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 6 }), (payments) => {
        const asArrived = disbursedLoan();
        const inDateOrder = disbursedLoan();
        const commands = payments.map((p, i) => repay(new Dec(p.cents).dividedBy(100).toFixed(2), `r${i}`, addDays('2026-01-15', p.day)));
        for (const command of commands) asArrived.run(command);
        const sorted = commands
          .map((command, i) => ({ command, i, date: command.type === 'ReceiveRepayment' ? command.data.effectiveDate : '' }))
          .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? -1 : 1));
        for (const { command } of sorted) inDateOrder.run(command);
        expect(asArrived.state.installments).toEqual(inDateOrder.state.installments);
        expect(asArrived.state.principalOutstanding).toBe(inDateOrder.state.principalOutstanding);
        expect(new Dec(asArrived.state.creditBalance).toFixed(2)).toBe(new Dec(inDateOrder.state.creditBalance).toFixed(2));
        expect(asArrived.state.status).toBe(inDateOrder.state.status);
      }),
      { numRuns: 60 },
    );
  });
});
