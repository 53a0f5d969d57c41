import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorOf } from '../../src/domain/money.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { runHistory } from './run-history.js';
import { DISBURSED, step } from './servicing-history.js';

const SERVICE_FEE = { kind: 'service' as const, type: 'fixed' as const, value: '5.00' };
const cents = (v: string) => minorOf(v, 2);
const owedCents = (row: Installment, c: 'interest' | 'fee' | 'principal') => cents(row.due[c]) - cents(row.paid[c]) - cents(row.waived[c]);

/**
 * Rows whose period had not started by the latest payment owe nothing for principal paid off them
 * and every later row: no interest, and no scheduled service fee (an officer's fee charge stays).
 * Under last-installments, such a row with no interest paid or waived owes no more interest than its contract interest
 * in proportion to the principal still outstanding over its period (a cent of rounding per payment)
 * when no payment overrode the strategy.
 */
function prepaidRowsOweNothingForGonePrincipal(state: LoanState): void {
  if ((state.status !== 'active' && state.status !== 'overdue') || state.lastPaymentDate === null) return;
  const rows = state.installments;
  const contract = state.contract;
  const payments = BigInt(state.payments.length);
  // A payment's own reduce-installment / reduce-term re-amortises instead (re-amortise.ts), which leaves rows already holding a payment as they are.
  const noOverrides = Object.keys(state.prepaymentOverrides).length === 0;
  let suffixNow = 0n;
  let suffixContract = 0n;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as Installment;
    if (row.fromDate < state.lastPaymentDate) break;
    suffixNow += owedCents(row, 'principal');
    const scheduled = contract[i];
    suffixContract += scheduled ? cents(scheduled.due.principal) : 0n;
    if (suffixNow === 0n) {
      const officerFees = state.charges.filter((c) => c.component === 'fee' && c.number === row.number).reduce((sum, c) => sum + cents(c.amount), 0n);
      expect(owedCents(row, 'interest'), `row ${row.number} interest`).toBe(0n);
      expect(owedCents(row, 'fee') <= officerFees, `row ${row.number} fee`).toBe(true);
    }
    const untouched = cents(row.paid.interest) === 0n && cents(row.waived.interest) === 0n;
    if (state.terms?.prepaymentStrategy === 'last-installments' && scheduled && untouched && suffixContract > 0n && state.rescheduledOn === null && state.terms.graceOnInterest === 0 && noOverrides) {
      expect(cents(row.due.interest) * suffixContract <= (cents(scheduled.due.interest) * suffixNow) + (payments * suffixContract), `row ${row.number} interest in proportion`).toBe(true);
    }
  }
}

describe('rows prepaid off the end', () => {
  it('last-installments: on 4 000.00 over 4 rows, 3 045.13 on 2024-02-15 pays row 1, then the bill of 03-15 (row 2), then row 4\'s principal; row 4 owes no interest and rows 2 and 3 owe 1 % of the 1 004.92 left = 10.05', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'last-installments' }), '4000.00', 4);
    // By hand: row 1 is 985.12 + 40.00; row 2 (the installment falling due next, whatever the strategy) 994.97 and its
    // interest; row 4's principal 1 014.99 off the end. Row 2's period starts that day on 1 004.92 left: 30.15 × 1 004.92 ÷
    // 3 014.88 = 10.05; row 3's 20.20 × 1 004.92 ÷ 2 019.91 = 10.05; 1 025.12 + 994.97 + 10.05 + 1 014.99 = 3 045.13.
    loan.repay('3045.13', 'p1', '2024-02-15');
    const [, second, third, fourth] = loan.state.installments;
    expect(fourth).toMatchObject({ due: { interest: '0.00', principal: '1014.99' }, settled: true });
    expect(second).toMatchObject({ due: { interest: '10.05', principal: '994.97' }, settled: true });
    expect(third?.due).toMatchObject({ interest: '10.05', principal: '1004.92' });
    expect(loan.payoff('2024-03-15').total).toBe('1004.92');
    expect(loan.repay('1004.92', 'p2', '2024-03-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
  });

  it('last-installments with a 5.00 service fee a row: a row whose principal is all prepaid loses its fee with its interest', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'last-installments', fees: [SERVICE_FEE] }), '4000.00', 4);
    // Row 1 is 985.12 + 40.00 + 5.00 fee, row 2 (the bill of 03-15) 994.97 + its interest + 5.00; the rest prepays
    // row 4 (1 014.99) and 500.00 of row 3.
    loan.repay('3550.13', 'p1', '2024-02-15');
    const [, second, third, fourth] = loan.state.installments;
    expect(fourth).toMatchObject({ due: { interest: '0.00', fee: '0.00' }, settled: true });
    // Rows 2 and 3 run on the 504.92 left: 30.15 × 504.92 ÷ 3 014.88 = 5.05 and 20.20 × 504.92 ÷ 2 019.91 = 5.05.
    expect(second).toMatchObject({ due: { interest: '5.05', fee: '5.00' }, settled: true });
    expect(third?.due).toMatchObject({ interest: '5.05', fee: '5.00' });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('reduce-term with a service fee: the dropped rows owe no fee', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ fees: [SERVICE_FEE] }));
    // Row 1 (with its 5.00 fee) is paid first; the rest prepays enough for one row to carry what is left (as in
    // prepayment-options' reduce-term example): row 3 carries no principal and owes no fee.
    loan.run({ type: 'ReceiveRepayment', data: { amount: '2125.07', channel: 'online', reference: 'p1', effectiveDate: '2024-01-25', prepayment: 'reduce-term' } }, '2024-01-25');
    expect(loan.state.installments[2]?.due.principal ?? '0.00').toBe('0.00');
    expect(loan.state.installments.slice(2).every((row) => owedCents(row, 'fee') === 0n)).toBe(true);
  });

  it('over random histories with every strategy and a service fee, no row not yet started owes for principal that no longer exists', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), fc.constantFrom('next-installment' as const, 'last-installments' as const, 're-amortise' as const), fc.boolean(), (steps, prepaymentStrategy, fee) => {
      const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy, writeOffDpd: 30, fees: fee ? [SERVICE_FEE] : [] }), '3000.00', 3, DISBURSED);
      runHistory(loan, steps, { onStep: () => prepaidRowsOweNothingForGonePrincipal(loan.state) });
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 300) });
  }, 300_000);
});
