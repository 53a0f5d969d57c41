import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import { allocateRepayment } from '../../../src/domain/loan/allocation.js';
import { COMPONENTS, isSettled, owed } from '../../../src/domain/loan/installment.js';
import type { Component, Installment } from '../../../src/domain/loan/state.js';
import type { AllocationOrder } from '../../../src/domain/product/events.js';

const ctx = { currency: 'CNY', dayCount: 'ACT/365' as const, anchor: '2026-01-15', prepayment: 'last-installments' as const };
const cents = (n: number) => new Dec(n).dividedBy(100).toFixed(2);
const start = '2026-01-15';

function installment(number: number, due: Record<Component, number>, paid: Record<Component, number> = { penalty: 0, fee: 0, interest: 0, principal: 0 }): Installment {
  const map = (r: Record<Component, number>) => ({ penalty: cents(r.penalty), fee: cents(r.fee), interest: cents(r.interest), principal: cents(r.principal) });
  const inst: Installment = {
    number, fromDate: addMonthsClamped(start, number - 1), dueDate: addMonthsClamped(start, number),
    due: map(due), paid: map(paid), waived: map({ penalty: 0, fee: 0, interest: 0, principal: 0 }), settled: false, overdueSince: null, settledOn: null,
  };
  return { ...inst, settled: isSettled(inst, 'CNY') };
}

const row = (penalty: number, fee: number, interest: number, principal: number) => ({ penalty, fee, interest, principal });

describe('allocateRepayment', () => {
  const two = [installment(1, row(50_00, 10_00, 100_00, 900_00)), installment(2, row(0, 10_00, 90_00, 910_00))];

  it('default order pays penalty, fee, interest, principal of the oldest installment first', () => {
    const result = allocateRepayment(two, '1100.00', '2026-03-15', 'penalty-fee-interest-principal', ctx);
    expect(result.installments).toEqual([
      { number: 1, penalty: '50.00', fee: '10.00', interest: '100.00', principal: '900.00' },
      { number: 2, penalty: '0.00', fee: '10.00', interest: '30.00', principal: '0.00' },
    ]);
    expect(result.totals).toEqual({ penalty: '50.00', fee: '20.00', interest: '130.00', principal: '900.00', excess: '0.00' });
  });

  it('interest-principal-penalty-fee leaves charges for last within each installment', () => {
    const result = allocateRepayment(two, '1000.00', '2026-03-15', 'interest-principal-penalty-fee', ctx);
    expect(result.installments).toEqual([{ number: 1, penalty: '0.00', fee: '0.00', interest: '100.00', principal: '900.00' }]);
  });

  it('due-first pays every due charge and interest before any principal', () => {
    const result = allocateRepayment(two, '260.00', '2026-03-15', 'due-first-then-principal', ctx);
    expect(result.totals).toEqual({ penalty: '50.00', fee: '20.00', interest: '190.00', principal: '0.00', excess: '0.00' });
  });

  it('sends in-advance money to the principal of the last installments, then to excess', () => {
    const three = [installment(1, row(0, 0, 100_00, 900_00)), installment(2, row(0, 0, 90_00, 910_00)), installment(3, row(0, 0, 80_00, 920_00))];
    // Paid on the first due date: installment 1 is due, 2 and 3 are in advance (2's period starts today: no interest earned).
    const result = allocateRepayment(three, '3000.00', '2026-02-15', 'penalty-fee-interest-principal', ctx);
    expect(result.installments).toEqual([
      { number: 1, penalty: '0.00', fee: '0.00', interest: '100.00', principal: '900.00' },
      { number: 2, penalty: '0.00', fee: '0.00', interest: '0.00', principal: '910.00' },
      { number: 3, penalty: '0.00', fee: '0.00', interest: '0.00', principal: '920.00' },
    ]);
    expect(result.totals.excess).toBe('170.00');
  });

  it('under last-installments pays the installment falling due next in full first (what is due comes first), then principal of the last rows', () => {
    const two = [installment(1, row(0, 0, 310_00, 1000_00)), installment(2, row(0, 0, 310_00, 1000_00))];
    // Row 1 (due 02-15) is the bill: paid first in full. Row 2's period has not started on 01-25: no interest earned,
    // so the rest prepays its principal.
    const result = allocateRepayment(two, '1500.00', '2026-01-25', 'penalty-fee-interest-principal', ctx);
    expect(result.installments).toEqual([
      { number: 1, penalty: '0.00', fee: '0.00', interest: '310.00', principal: '1000.00' },
      { number: 2, penalty: '0.00', fee: '0.00', interest: '0.00', principal: '190.00' },
    ]);
  });

  it('counts in whole yen where the currency has no minor unit', () => {
    const yen = { ...ctx, currency: 'JPY' };
    const rows: Installment[] = [1, 2].map((number) => ({
      number, fromDate: addMonthsClamped(start, number - 1), dueDate: addMonthsClamped(start, number),
      due: { penalty: number === 1 ? '500' : '0', fee: '0', interest: '1234', principal: '10000' },
      paid: { penalty: '0', fee: '0', interest: '0', principal: '0' },
      waived: { penalty: '0', fee: '0', interest: '0', principal: '0' },
      settled: false, overdueSince: null, settledOn: null,
    }));
    // Row 1 (due 02-15) is past due; row 2 falls due next and its period starts on the payment's date.
    const result = allocateRepayment(rows, '13000', '2026-02-15', 'penalty-fee-interest-principal', yen);
    expect(result.installments).toEqual([
      { number: 1, penalty: '500', fee: '0', interest: '1234', principal: '10000' },
      { number: 2, penalty: '0', fee: '0', interest: '1234', principal: '32' },
    ]);
    expect(result.totals).toEqual({ penalty: '500', fee: '0', interest: '2468', principal: '10032', excess: '0' });
  });

  it('keeps every cent of amounts beyond what a double holds exactly (15 integer digits: more than 2^53 cents)', () => {
    const huge = (number: number, interest: string, principal: string): Installment => ({
      number, fromDate: addMonthsClamped(start, number - 1), dueDate: addMonthsClamped(start, number),
      due: { penalty: '0.00', fee: '0.00', interest, principal },
      paid: { penalty: '0.00', fee: '0.00', interest: '0.00', principal: '0.00' },
      waived: { penalty: '0.00', fee: '0.00', interest: '0.00', principal: '0.00' },
      settled: false, overdueSince: null, settledOn: null,
    });
    const rows = [huge(1, '0.01', '500000000000000.00'), huge(2, '0.00', '499999999999999.98')];
    // 90 000 000 000 000 003 cents: a double's nearest is a multiple of 16.
    const result = allocateRepayment(rows, '900000000000000.03', '2026-02-15', 'penalty-fee-interest-principal', ctx);
    expect(result.installments).toEqual([
      { number: 1, penalty: '0.00', fee: '0.00', interest: '0.01', principal: '500000000000000.00' },
      { number: 2, penalty: '0.00', fee: '0.00', interest: '0.00', principal: '400000000000000.02' },
    ]);
    expect(result.totals).toEqual({ penalty: '0.00', fee: '0.00', interest: '0.01', principal: '900000000000000.02', excess: '0.00' });
  });

  const orders: AllocationOrder[] = ['penalty-fee-interest-principal', 'interest-principal-penalty-fee', 'due-first-then-principal'];
  const amount = fc.integer({ min: 0, max: 500_000 });
  const component = fc.record({ penalty: fc.integer({ min: 0, max: 5_000 }), fee: amount, interest: amount, principal: amount });
  const installments = fc.array(fc.tuple(component, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }).map((rows) =>
    rows.map(([due, share], i) => {
      const paid = { penalty: Math.floor(due.penalty * share), fee: Math.floor(due.fee * share), interest: Math.floor(due.interest * share), principal: Math.floor(due.principal * share) };
      return installment(i + 1, due, paid);
    }),
  );

  it('allocates the amount exactly, never beyond what is owed, never negative but for interest or fees paid ahead that a payoff takes back', () => {
    fc.assert(
      fc.property(installments, fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 300 }), fc.constantFrom(...orders), (rows, pay, day, order) => {
        const date = addMonthsClamped(start, Math.floor(day / 30));
        const result = allocateRepayment(rows, cents(pay), date, order, ctx);
        const t = result.totals;
        const total = new Dec(t.penalty).plus(t.fee).plus(t.interest).plus(t.principal).plus(t.excess);
        expect(total.toFixed(2)).toBe(cents(pay));
        expect(new Dec(t.excess).isNegative()).toBe(false);
        const principalOwed = rows.reduce((sum, inst) => sum.plus(owed(inst, 'principal')), new Dec(0));
        for (const part of result.installments) {
          const inst = rows[part.number - 1] as Installment;
          for (const c of COMPONENTS) {
            expect(new Dec(part[c]).lte(owed(inst, c))).toBe(true);
            if (!new Dec(part[c]).isNegative()) continue;
            // Only a payoff takes interest or fees back, only from a row not yet due, never more than it was paid.
            expect(['interest', 'fee']).toContain(c);
            expect(inst.dueDate > date).toBe(true);
            expect(new Dec(t.principal).eq(principalOwed)).toBe(true);
            expect(new Dec(part[c]).plus(inst.paid[c]).isNegative()).toBe(false);
          }
        }
        // Excess only once every principal is paid: nothing owed is left behind while money is spare.
        if (new Dec(t.excess).gt(0)) {
          expect(new Dec(t.principal).eq(principalOwed)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
