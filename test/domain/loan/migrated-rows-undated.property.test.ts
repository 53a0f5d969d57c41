import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../src/demo/demo-products.js';
import { addDays } from '../../../src/domain/calendar.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { decideLoan } from '../../../src/domain/loan/decider.js';
import { DomainError } from '../../../src/domain/errors.js';
import { evolveLoan } from '../../../src/domain/loan/evolve.js';
import type { MigratedRow } from '../../../src/domain/loan/events.js';
import { initialLoanState, type Installment, type LoanState } from '../../../src/domain/loan/state.js';
import { formatMinor } from '../../../src/domain/schedule/minor-units.js';

const product = DEMO_PRODUCTS[0]!;
const CUTOVER = '2026-10-31';
const cents = (minor: number) => formatMinor(BigInt(minor), 2);
const zero = { principal: '0.00', interest: '0.00', fee: '0.00', penalty: '0.00' };
const firstOf = (month: number) => (month <= 12 ? `2026-${String(month).padStart(2, '0')}-01` : `2027-${String(month - 12).padStart(2, '0')}-01`);
const monthEnd = (month: number) => addDays(firstOf(month + 1), -1);

/** A legacy book's loan: `paid[i]` says whether row i+1 (due before the cut-over) was paid there. */
const legacyLoan = fc.record({
  rows: fc.integer({ min: 3, max: 9 }),
  paid: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  interest: fc.array(fc.integer({ min: 100, max: 30_000 }), { minLength: 9, maxLength: 9 }),
});

/** What is done after the cut-over: days pass (each closed), a repayment (maybe dated back), a waiver of penalties. */
const step = fc.oneof(
  fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ op: fc.constant('repay' as const), minor: fc.integer({ min: 1, max: 250_000 }), back: fc.integer({ min: 0, max: 20 }) }),
);

function migrate({ rows, paid, interest }: { rows: number; paid: boolean[]; interest: number[] }): LoanState {
  // Rows due at month ends from April; those due before the cut-over (April–October, at most 7) are legacy.
  const schedule: MigratedRow[] = Array.from({ length: rows }, (_, i) => {
    const dueDate = monthEnd(4 + i);
    const due = { principal: '1000.00', interest: cents(interest[i] ?? 100), fee: '0.00', penalty: '0.00' };
    const legacyPaid = dueDate < CUTOVER && (paid[i] ?? false);
    return { number: i + 1, dueDate, due, paid: legacyPaid ? { ...due } : zero, waived: { interest: '0.00', fee: '0.00', penalty: '0.00' } };
  });
  const payments = schedule.filter((row) => row.paid.principal !== '0.00')
    .map((row) => ({ reference: `legacy:${row.number}`, amount: cents(100_000 + Number(row.due.interest.replace('.', ''))), effectiveDate: row.dueDate }));
  const principal = cents(rows * 100_000);
  let state = initialLoanState();
  const events = decideLoan({
    type: 'MigrateLoan',
    data: {
      loanId: 'L1', customerId: 'C1', customer: { exists: true, erased: false },
      product: { productId: product.productId, version: 1, terms: product.terms },
      source: { system: 'legacy', loanId: 'OLD-1' }, cutoverDate: CUTOVER, annualRate: '14.4', term: rows, purpose: 'test',
      disbursement: { amount: principal, netAmount: principal, fees: [], date: '2026-03-31', channel: 'online' },
      schedule, payments, migratedBy: 'lendcore-import',
    },
  }, state);
  for (const event of events) state = evolveLoan(state, event);
  return state;
}

const sameColumns = (a: Installment, b: Installment) => JSON.stringify([a.due, a.paid, a.waived]) === JSON.stringify([b.due, b.paid, b.waived]);

/**
 * qa18 D3: the first fact after a migrated loan's cut-over dated every row the legacy book had
 * paid (settledOn), so a row paid on time in the legacy book read as owed until that fact, and a
 * close suspended a performing loan's interest as non-performing. When a legacy row was settled is
 * not known, and it counts as never late. The invariant, over random legacy books (rows paid or
 * not) and random servicing after the cut-over (repayments, some dated back, and a close of every
 * day that passes): a row settled at the migration that no fact has touched since stays undated.
 */
describe('a migrated loan\'s legacy rows stay undated until a fact touches them (qa18 D3)', () => {
  it('over random legacy books and servicing after the cut-over, every untouched legacy row settled at the migration has no settledOn', () => {
    fc.assert(fc.property(legacyLoan, fc.array(step, { minLength: 1, maxLength: 12 }), (book, steps) => {
      let state = migrate(book);
      const legacy = state.installments.filter((row) => row.settled).map((row) => ({ ...row }));
      let today = CUTOVER;
      let n = 0;
      const run = (command: LoanCommand) => {
        try {
          for (const event of decideLoan(command, state)) state = evolveLoan(state, event);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      };
      for (const s of steps) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days; d++) {
            today = addDays(today, 1);
            run({ type: 'CloseBusinessDay', data: { date: today } });
          }
        } else {
          const back = addDays(today, -s.back);
          const effectiveDate = back > CUTOVER ? back : addDays(CUTOVER, 1) <= today ? addDays(CUTOVER, 1) : today;
          run({ type: 'ReceiveRepayment', data: { amount: cents(s.minor), channel: 'online', reference: `r${n++}`, effectiveDate } });
        }
        for (const before of legacy) {
          const now = state.installments.find((row) => row.number === before.number);
          if (now === undefined || !now.settled || !sameColumns(now, before)) continue;
          expect(now.settledOn, `row ${before.number} after ${JSON.stringify(s)} on ${today}`).toBeNull();
        }
      }
    }), { numRuns: Number(process.env.MIGRATED_ROWS_RUNS ?? 60) });
  }, 240_000);
});
