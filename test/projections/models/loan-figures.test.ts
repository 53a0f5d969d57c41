import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, owed, owedTotal } from '../../../src/domain/loan/installment.js';
import { initialLoanState, type Components, type Installment, type LoanState } from '../../../src/domain/loan/state.js';
import { loanFigures } from '../../../src/projections/models/loan-summary/loan-figures.js';

// The decimal.js computation loanFigures replaced: the oracle its integer sums must match.
function referenceFigures(state: LoanState) {
  const sums = { principal: new Decimal(0), interest: new Decimal(0), fee: new Decimal(0), penalty: new Decimal(0) };
  const booked = state.status !== 'written_off' && state.status !== 'closed';
  let nextDue: { date: string; amount: string } | null = null;
  for (let i = booked ? state.firstUnsettled : state.installments.length; i < state.installments.length; i++) {
    const inst = state.installments[i]!;
    if (inst.settled) continue;
    for (const c of COMPONENTS) sums[c] = sums[c].plus(owed(inst, c));
    nextDue ??= { date: inst.dueDate, amount: owedTotal(inst).toFixed(2) };
  }
  const total = COMPONENTS.reduce((t, c) => t.plus(sums[c]), new Decimal(0));
  return {
    outstanding: { principal: sums.principal.toFixed(2), interest: sums.interest.toFixed(2), fees: sums.fee.toFixed(2), penalties: sums.penalty.toFixed(2), total: total.toFixed(2) },
    nextDue,
  };
}

const cents = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 9n }));
const text = (value: bigint) => new Decimal(value.toString()).div(100).toFixed(2);
const components = fc.record({ penalty: cents, fee: cents, interest: cents, principal: cents });
const asText = (c: Record<keyof Components, bigint>): Components => ({ penalty: text(c.penalty), fee: text(c.fee), interest: text(c.interest), principal: text(c.principal) });

const installment = fc
  .record({ due: components, paidShare: fc.constantFrom('none', 'all', 'some'), waived: fc.oneof(fc.constant(null), components), settled: fc.boolean() })
  .map(({ due, paidShare, waived, settled }): Omit<Installment, 'number' | 'dueDate' | 'fromDate'> => {
    const paid = { ...due };
    for (const c of COMPONENTS) paid[c] = paidShare === 'all' ? due[c] : paidShare === 'none' ? 0n : due[c] / 3n;
    return { due: asText(due), paid: asText(paid), waived: asText(waived ?? { penalty: 0n, fee: 0n, interest: 0n, principal: 0n }), settled, overdueSince: null };
  });

const loan = fc.record({
  rows: fc.array(installment, { maxLength: 14 }),
  firstUnsettled: fc.nat({ max: 14 }),
  status: fc.constantFrom('active', 'overdue', 'closed', 'written_off') as fc.Arbitrary<LoanState['status']>,
}).map(({ rows, firstUnsettled, status }): LoanState => ({
  ...initialLoanState(),
  status,
  firstUnsettled: Math.min(firstUnsettled, rows.length),
  installments: rows.map((row, i) => ({ ...row, number: i + 1, fromDate: `2024-${String(i + 1).padStart(2, '0')}-01`, dueDate: `2024-${String(i + 2).padStart(2, '0')}-01` })),
}));

describe('loanFigures', () => {
  it('sums in minor units to exactly what decimal.js gives, over paid, part-paid, waived and settled rows', () => {
    fc.assert(fc.property(loan, (state) => {
      expect(loanFigures(state)).toEqual(referenceFigures(state));
    }), { numRuns: 300 });
  });

  it('stops on an amount finer than the currency rather than rounding it', () => {
    const state = fc.sample(loan.filter((s) => s.status === 'active' && s.installments.some((r, i) => i >= s.firstUnsettled && !r.settled)), 1)[0]!;
    const row = state.installments.find((r, i) => i >= state.firstUnsettled && !r.settled)!;
    row.due.interest = '1.005';
    expect(() => loanFigures(state)).toThrow(/more than 2 decimal places/);
  });
});
