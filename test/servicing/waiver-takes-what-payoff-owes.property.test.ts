import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { decideLoan } from '../../src/domain/loan/decider.js';
import { DomainError } from '../../src/domain/errors.js';
import type { ChargeKind } from '../../src/domain/loan/events.js';
import { payoffOwedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { minorOf, minorUnits } from '../../src/domain/money.js';
import { requireLoan } from '../../src/domain/loan/guards.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { rowsBefore } from './rows-before.js';
import { runHistory } from './run-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { DISBURSED, step, type Step } from './servicing-history.js';

/**
 * QA 12 Q3: what a waiver of a kind dated D may take is what the payoff quote for D counts owed of
 * that kind, the loan as its facts dated by D leave it. The quote nets two credits out of what is owed, so the exact relation is:
 * - penalty: waivable = quote.penalties;
 * - fee: waivable = quote.fees + the fees paid on rows not yet due at D (a payoff credits them back: such a fee
 *   is not owed, and neither may a waiver take the fee still unpaid on such a row);
 * - interest: waivable = quote.interest + the interest paid ahead on rows not yet due beyond what they earned
 *   (the payoff's interest credit); equal to it when no row due after D has interest paid.
 * Fees paid ahead and interest paid ahead are read from the rows as of D (rowsBefore), apart from the code under test.
 */

/**
 * The loan as its facts dated by `date` leave it, for a quote: stateAsOf (the close's view) cuts the payments dated
 * later but keeps the credit balance as it stands, and the quote reads what is owed back (a refund paid out against a
 * payment since reversed) from that balance while its replay counts only the excess of the payments it keeps. The
 * balance is re-derived as the loan's own is (every payment's excess less what was refunded) from the kept payments:
 * seed 1367234117, overpaid by 0.02 with payments dated 01-16 among them, refunded, then a 01-15 payment of 0.01
 * bounced, quoted 01-15 with 0.01 of "penalties", the two bases' difference, where no penalty exists.
 */
function asOfForQuote(state: LoanState, date: string): LoanState {
  const asOf = stateAsOf(state, date);
  if (asOf === state) return state;
  const places = minorUnits(state.currency);
  const excess = replayServicing(asOf, requireLoan(asOf).allocationOrder, loanContext(asOf)).excessMinor;
  return { ...asOf, creditBalance: formatMinor(excess - minorOf(asOf.refunded, places), places) };
}

const SERVICE_FEE = { kind: 'service' as const, type: 'fixed' as const, value: '10.00' };
const cents = (v: string) => minorOf(v, 2);
// The quote nets credits out of what is owed (interest paid ahead beyond what it earned, fees paid ahead), so a part
// can be negative; what a waiver may take never is.
const atLeastZero = (v: bigint) => (v < 0n ? 0n : v);

/** What a waiver of `kind` with no amount dated `date` would take, decided on `state` and not recorded; null when refused for another reason than nothing owed. */
function waivable(state: LoanState, kind: ChargeKind, date: string): bigint | null {
  try {
    const events = decideLoan({ type: 'WaiveCharge', data: { kind, amount: null, reason: 'probe', effectiveDate: date } }, state, {});
    const waived = events.find((e) => e.type === 'ChargeWaived');
    return waived?.type === 'ChargeWaived' ? cents(waived.data.amount) : null;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOTHING_TO_WAIVE') return 0n;
    if (error instanceof DomainError) return null;
    throw error;
  }
}

const paidAheadFees = (rows: readonly Installment[], date: string) => rows.reduce((sum, row) => sum + (row.dueDate > date ? cents(row.paid.fee) : 0n), 0n);
const interestPaidAhead = (rows: readonly Installment[], date: string) => rows.some((row) => row.dueDate > date && cents(row.paid.interest) > 0n);

describe('a waiver dated D takes what the payoff quote for D counts owed (QA 12 Q3)', () => {
  function feeLoan(): ServicedLoan {
    // 12 000.00, 12 %, 12 monthly, service fee 10.00 a row, disbursed 2026-10-01: EMI 1 066.19 + fee 10.00.
    return new ServicedLoan('Q3', servicingTerms({ fees: [SERVICE_FEE] }), '12000.00', 12, '2026-10-01');
  }

  it('given row 1 (fee 10.00) paid on 11-01 and no fee owed on 11-15 (payoff fees 0.00), when a fee waiver dated 11-15 asks all, then it is NOTHING_TO_WAIVE, not the 110.00 of rows 2-12', () => {
    const loan = feeLoan();
    loan.repay('1076.19', 'p1', '2026-11-01');
    expect(loan.payoff('2026-11-15').fees).toBe('0.00');
    expect(() => loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: null, reason: 'x', effectiveDate: '2026-11-15' } }, '2026-12-01'))
      .toThrow(expect.objectContaining({ code: 'NOTHING_TO_WAIVE' }));
    expect(() => loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: '30.00', reason: 'x', effectiveDate: '2026-11-15' } }, '2026-12-01'))
      .toThrow(expect.objectContaining({ code: 'NOTHING_TO_WAIVE' }));
    expect(loan.state.installments.map((row) => row.due.fee)).toEqual(Array(12).fill('10.00'));
  });

  it('given the same loan, when a fee waiver is dated 12-01 (row 2\'s fee falls due), then it takes at most 10.00, and 10.01 is AMOUNT_OUT_OF_RANGE naming 10.00', () => {
    const loan = feeLoan();
    loan.repay('1076.19', 'p1', '2026-11-01');
    expect(loan.payoff('2026-12-01').fees).toBe('10.00');
    expect(() => loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: '10.01', reason: 'x', effectiveDate: '2026-12-01' } }, '2026-12-01'))
      .toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE', details: { waivable: '10.00', effectiveDate: '2026-12-01' } }));
    const [waived] = loan.run({ type: 'WaiveCharge', data: { kind: 'fee', amount: null, reason: 'x', effectiveDate: '2026-12-01' } }, '2026-12-01');
    expect(waived?.data).toMatchObject({ kind: 'fee', amount: '10.00', installments: [{ number: 2, amount: '10.00' }] });
    expect(loan.state.installments.slice(2).every((row) => row.waived.fee === '0.00')).toBe(true);
  });

  it('seed 1367234117: overpaid by 0.02 (payments dated 01-15 and 01-16), refunded on 01-16, then the 01-15 payment of 0.01 bounces: a penalty waiver dated 01-15 takes nothing, and the quote for 01-15 counts no penalty', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, fees: [], penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } }), '3000.00', 4, DISBURSED);
    const steps: Step[] = [
      { op: 'repay', cents: 1, back: 0, prepayment: null }, { op: 'advance', days: 1 }, { op: 'repay', cents: 1, back: 0, prepayment: null },
      { op: 'repay', cents: 139100, back: 1, prepayment: null }, { op: 'repay', cents: 33288, back: 0, prepayment: null },
      { op: 'repay', cents: 127623, back: 1, prepayment: null }, { op: 'refund', cents: null, reference: 1 }, { op: 'reverse', pick: 0 },
    ];
    runHistory(loan, steps, {});
    expect(loan.state.status).toBe('active');
    expect(waivable(loan.state, 'penalty', DISBURSED)).toBe(0n);
    expect(payoffOwedOn(asOfForQuote(loan.state, DISBURSED), DISBURSED).penalties).toBe('0.00');
  });

  it('for any history and any date D, a waiver of each kind dated D may take exactly what the payoff quote for D counts owed of it (random histories)', () => {
    const probe = fc.record({ back: fc.integer({ min: 0, max: 70 }), kind: fc.constantFrom<ChargeKind>('fee', 'penalty', 'interest') });
    const steps = fc.array(fc.tuple(step, probe), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(steps, fc.boolean(), (history, fee) => {
      const loan = new ServicedLoan('L1', servicingTerms({
        writeOffDpd: 30, fees: fee ? [SERVICE_FEE] : [], penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 },
      }), '3000.00', 4, DISBURSED);
      runHistory(loan, history.map(([s]) => s as Step), {
        onStep: ({ n, today }) => {
          const state = loan.state;
          if (state.status !== 'active' && state.status !== 'overdue') return;
          const { back, kind } = (history[n] as [Step, { back: number; kind: ChargeKind }])[1];
          const floor = state.rescheduledOn ?? DISBURSED;
          const date = addDays(today, -back) < floor ? floor : addDays(today, -back);
          // A waiver of the kind already dated later would be replayed after this one (it adds less): not this relation.
          if (state.waivers.some((w) => w.kind === kind && w.date > date)) return;
          const took = waivable(state, kind, date);
          if (took === null) return;
          // The payoff for D as the loan stood on D (the facts dated by then): a quote for a past date asked today
          // prices a payment dated D among the later facts, whose later payments it nets out.
          const quote = payoffOwedOn(asOfForQuote(state, date), date);
          const rows = rowsBefore(state, date, Number.MAX_SAFE_INTEGER);
          const label = `${kind} waiver dated ${date} on ${today}, quote ${JSON.stringify(quote)}`;
          if (kind === 'penalty') expect(took, label).toBe(atLeastZero(cents(quote.penalties)));
          const principalOwed = cents(quote.principal) > 0n;
          if (kind === 'fee') expect(took, label).toBe(atLeastZero(cents(quote.fees) + (principalOwed ? paidAheadFees(rows, date) : 0n)));
          if (kind === 'interest') {
            if (!principalOwed || !interestPaidAhead(rows, date)) expect(took, label).toBe(atLeastZero(cents(quote.interest)));
            else expect(took >= cents(quote.interest), label).toBe(true);
          }
        },
      });
    }), { numRuns: 150 });
  });
});
