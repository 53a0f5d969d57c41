import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { ChargeKind } from '../../src/domain/loan/events.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { waivableInterest } from '../../src/domain/loan/waivable-interest.js';
import { owedMinor } from '../../src/domain/loan/installment.js';
import { minorOf } from '../../src/domain/money.js';
import { rowsBefore } from './rows-before.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const waive = (kind: ChargeKind, amount: string, effectiveDate: string) => ({ type: 'WaiveCharge' as const, data: { kind, amount, reason: 'hardship', effectiveDate } });

/** What a waiver of `kind` dated `date` may take from `rows`, in minor units: fees and penalties owed; interest due or earned by then. */
function waivableThere(state: LoanState, rows: readonly Installment[], kind: ChargeKind, date: string): bigint {
  if (kind === 'interest') return waivableInterest(rows, date, loanContext(state)).reduce((sum, row) => sum + minorOf(row.owed.toFixed(2), 2), 0n);
  return rows.reduce((sum, row) => sum + (row.settled ? 0n : owedMinor(row, kind, 2)), 0n);
}

const waivedOf = (rows: readonly Installment[], kind: ChargeKind) => rows.reduce((sum, row) => sum + minorOf(row.waived[kind], 2), 0n);

describe('a waiver keeps its amount when a payment is back-dated before it (QA 5 #1; Fineract re-applies waivers on reprocessing)', () => {
  it('given 12 000.00 over 12 months from 2026-06-01 and 100.00 of interest waived on 2026-11-30, when row 1 (1 066.19) is paid back-dated on 2026-07-01, then the payoff on 11-30 owes 353.77 interest, not 453.77', () => {
    const loan = new ServicedLoan('Q1', servicingTerms(), '12000.00', 12, '2026-06-01');
    expect(loan.payoff('2026-11-30')).toMatchObject({ principal: '12000.00', interest: '573.77' });
    loan.run(waive('interest', '100.00', '2026-11-30'), '2026-11-30');
    expect(loan.payoff('2026-11-30')).toMatchObject({ interest: '473.77', total: '12473.77' });
    loan.repay('1066.19', 'R-1', '2026-07-01');
    // Row 1's 120.00 of interest is now paid by the payment; the waiver, split again at its place, takes 100.00 of
    // the interest due after it (rows 2 to 5 and the running period's earned interest), so it still waives 100.00.
    expect(loan.payoff('2026-11-30')).toMatchObject({ principal: '11053.81', interest: '353.77', total: '11407.58' });
    expect(loan.state.installments.reduce((sum, row) => sum + minorOf(row.waived.interest, 2), 0n)).toBe(10_000n);
  });

  it('given a 25.00 penalty on row 1 and one on row 2, and a 25.00 penalty waiver dated after both, when a back-dated payment pays row 1 with its penalty, then the waiver takes row 2\'s penalty instead', () => {
    const loan = new ServicedLoan('Q2', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }));
    let today = '2024-01-15';
    while (today < '2024-03-20') loan.close((today = addDays(today, 1)));
    loan.run(waive('penalty', '25.00', '2024-03-20'), '2024-03-20');
    expect(loan.figures().outstanding.penalties).toBe('25.00');
    loan.repay('1045.07', 'p1', '2024-03-19');
    expect(loan.state.installments.map((row) => [row.waived.penalty, row.paid.penalty])).toEqual([['0.00', '25.00'], ['25.00', '0.00'], ['0.00', '0.00']]);
    expect(loan.figures().outstanding.penalties).toBe('0.00');
  });

  it('whatever payments are back-dated before it, each waiver waives at its place what it recorded, or all that is still waivable there when that is less (random histories)', () => {
    const payment = fc.record({ cents: fc.integer({ min: 1, max: 150_000 }), back: fc.integer({ min: 0, max: 120 }) });
    const waiver = fc.record({ kind: fc.constantFrom<ChargeKind>('interest', 'penalty'), share: fc.integer({ min: 1, max: 100 }), back: fc.integer({ min: 0, max: 60 }) });
    const day = fc.record({ advance: fc.integer({ min: 1, max: 25 }), payment: fc.option(payment, { nil: null }), waiver: fc.option(waiver, { nil: null }) });
    fc.assert(fc.property(fc.array(day, { minLength: 1, maxLength: 14 }), (days) => {
      const loan = new ServicedLoan('P1', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } }), '6000.00', 6, '2024-01-15');
      let today = '2024-01-15';
      for (const [n, d] of days.entries()) {
        for (let i = 0; i < d.advance; i++) loan.close((today = addDays(today, 1)));
        if (loan.state.status !== 'active' && loan.state.status !== 'overdue') break;
        const back = (b: number) => { const date = addDays(today, -b); return date < '2024-01-15' ? '2024-01-15' : date; };
        if (d.payment) {
          const date = back(d.payment.back);
          try { loan.repay((d.payment.cents / 100).toFixed(2), `p${n}`, date); } catch { /* a refusal (over the payoff, before a reschedule) records nothing */ }
        }
        if (d.waiver && (loan.state.status === 'active' || loan.state.status === 'overdue')) {
          const date = back(d.waiver.back);
          const open = waivableThere(loan.state, rowsBefore(loan.state, date, Number.MAX_SAFE_INTEGER), d.waiver.kind, date);
          const asked = (open * BigInt(d.waiver.share)) / 100n;
          if (asked > 0n) {
            try { loan.run(waive(d.waiver.kind, (Number(asked) / 100).toFixed(2), date), today); } catch { /* refused: a later waiver already waives it */ }
          }
        }
      }
      for (const w of loan.state.waivers) {
        const before = rowsBefore(loan.state, w.date, w.sequence);
        const after = rowsBefore(loan.state, w.date, w.sequence + 1);
        const recorded = w.parts.reduce((sum, part) => sum + minorOf(part.amount, 2), 0n);
        const waivable = waivableThere(loan.state, before, w.kind, w.date);
        const took = waivedOf(after, w.kind) - waivedOf(before, w.kind);
        expect(took, `${w.kind} waiver ${w.sequence} of ${recorded} on ${w.date}, ${waivable} waivable there`).toBe(recorded < waivable ? recorded : waivable);
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 150) });
  }, 300_000);
});
