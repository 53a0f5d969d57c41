import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { DomainError } from '../../src/domain/errors.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { DISBURSED, step, type Step } from './servicing-history.js';

const waive = (amount: string | null, effectiveDate: string) => ({ type: 'WaiveCharge' as const, data: { kind: 'interest' as const, amount, reason: 'goodwill', effectiveDate } });

describe('an interest waiver waives only interest due or accrued on its date (QA)', () => {
  it('given 3 000.00 from 2024-01-15 (row 1: 30.00 interest due 02-15), when 30.00 of interest is waived on 01-20, then it is refused: only 30.00 × 5/31 = 4.84 has accrued', () => {
    const loan = new ServicedLoan();
    let refused: unknown;
    try {
      loan.run(waive('30.00', '2024-01-20'), '2024-01-20');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'WAIVER_EXCEEDS_INTEREST_DUE', kind: 'rule', details: { waivable: '4.84', effectiveDate: '2024-01-20' } });
    expect(loan.state.waivers).toEqual([]);
    // On 02-20 row 1's 30.00 is due and row 2 has earned 20.10 × 5/29 = 3.47: 33.47 in all, and no more.
    expect(() => loan.run(waive('33.48', '2024-02-20'), '2024-02-20')).toThrow(expect.objectContaining({ code: 'WAIVER_EXCEEDS_INTEREST_DUE' }));
    expect(loan.run(waive(null, '2024-02-20'), '2024-02-20')[0]?.data).toMatchObject({ amount: '33.47', installments: [{ number: 1, amount: '30.00' }, { number: 2, amount: '3.47' }] });
  });

  it('whatever the history, an interest waiver never waives on a row not yet due more than that row earned by the waiver\'s date (random histories)', () => {
    const waiveInterest: fc.Arbitrary<Step> = fc.record({ op: fc.constant('waive' as const), kind: fc.constant('interest' as const), cents: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }), back: fc.integer({ min: 0, max: 10 }) });
    const steps = fc.array(fc.oneof({ weight: 3, arbitrary: step }, { weight: 2, arbitrary: waiveInterest }), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(steps, fc.constantFrom(0, 0, 1, 2), (history, graceOnInterest) => {
      const loan = new ServicedLoan('L1', servicingTerms({ graceOnInterest, writeOffDpd: 30 }), '3000.00', 3, DISBURSED);
      runHistory(loan, history, {
        onStep: ({ command, recorded, events }) => {
          const waived = events.find((e) => e.type === 'ChargeWaived');
          if (!recorded || !waived || command?.type !== 'WaiveCharge' || command.data.kind !== 'interest') return;
          const date = command.data.effectiveDate;
          const ctx = loanContext(loan.state);
          // The rows as the facts dated up to the waiver leave them: a later-dated prepayment may lower a row's
          // interest since (the row collecting deferred interest earns it evenly, so its earned-by-then moves too).
          const later = paymentRecords(loan.state.payments).filter((p) => p.effectiveDate > date).map((p) => p.reference);
          const upTo: LoanState = {
            ...loan.state, reversed: [...loan.state.reversed, ...later], waivers: loan.state.waivers.filter((w) => w.date < date),
            penalties: loan.state.penalties.filter((p) => p.date <= date), charges: loan.state.charges.filter((c) => c.date <= date),
          };
          const rows = replayServicing(upTo, upTo.terms?.allocationOrder ?? 'penalty-fee-interest-principal', ctx).installments;
          const parts = (waived.data as { installments: { number: number; amount: string }[] }).installments;
          for (const part of parts) {
            const row = rows[part.number - 1];
            if (!row || row.dueDate <= date) continue;
            // Earned by the date: the row's scheduled interest pro rata of its period's days (from the disbursement for the row collecting deferred interest).
            expect(minorOf(part.amount, 2), `row ${part.number} waived on ${date}`).toBeLessThanOrEqual(earnedMinor(row, date, ctx, 2));
          }
        },
      });
    }), { numRuns: 300 });
  });
});
