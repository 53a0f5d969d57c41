import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import { earnedInterest } from '../../../src/domain/loan/accrual.js';
import type { Installment } from '../../../src/domain/loan/state.js';
import { roundToCurrency } from '../../../src/domain/money.js';

const zero = { penalty: '0.00', fee: '0.00', interest: '0.00', principal: '0.00' };

function installment(interest: string, days: number): Installment {
  const due = { ...zero, interest };
  return { number: 1, fromDate: '2026-01-15', dueDate: addDays('2026-01-15', days), due, paid: zero, waived: zero, settled: false, overdueSince: null, settledOn: null };
}

describe('earned interest', () => {
  it('is the scheduled interest pro rata of the days elapsed, exactly as decimal arithmetic rounds it (HALF_EVEN)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 366 }), fc.integer({ min: -3, max: 370 }), (cents, days, elapsed) => {
        const inst = installment(new Dec(cents).dividedBy(100).toFixed(2), days);
        const date = addDays(inst.fromDate, elapsed);
        const ratio = Math.min(Math.max(daysBetween(inst.fromDate, date), 0), days);
        const expected = roundToCurrency(new Dec(inst.due.interest).times(ratio).dividedBy(days), 'CNY');
        expect(earnedInterest(inst, date, { currency: 'CNY', dayCount: 'ACT/365', anchor: '2026-01-15', prepayment: 'last-installments' as const }).toFixed(2)).toBe(expected.toFixed(2));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds a half cent to even', () => {
    // 0.05 × 1/2 = 0.025 → 0.02; 0.07 × 1/2 = 0.035 → 0.04.
    expect(earnedInterest(installment('0.05', 2), '2026-01-16', { currency: 'CNY', dayCount: 'ACT/365', anchor: '2026-01-15', prepayment: 'last-installments' as const }).toFixed(2)).toBe('0.02');
    expect(earnedInterest(installment('0.07', 2), '2026-01-16', { currency: 'CNY', dayCount: 'ACT/365', anchor: '2026-01-15', prepayment: 'last-installments' as const }).toFixed(2)).toBe('0.04');
  });
});
