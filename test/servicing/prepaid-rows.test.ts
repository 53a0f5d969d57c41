import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { minorOf } from '../../src/domain/money.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from './servicing-history.js';

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
  it('last-installments: 2 030.03 on 2024-02-15 pays row 1 and row 3\'s principal; row 3 owes no interest and row 2 owes 1 % of 999.97 = 10.00 (was 20.10 + 10.10)', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'last-installments' }));
    loan.repay('2030.03', 'p1', '2024-02-15');
    const [, second, third] = loan.state.installments;
    expect(third).toMatchObject({ due: { interest: '0.00', principal: '1009.96' }, settled: true });
    expect(second?.due).toMatchObject({ interest: '10.00', principal: '999.97' });
    expect(loan.payoff('2024-03-15').total).toBe('1009.97');
    expect(loan.repay('1009.97', 'p2', '2024-03-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
  });

  it('last-installments with a 5.00 service fee a row: a row whose principal is all prepaid loses its fee with its interest', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'last-installments', fees: [SERVICE_FEE] }));
    // Row 1 is 990.07 + 30.00 + 5.00 fee; the rest prepays row 3 (1 009.96) and 500.00 of row 2.
    loan.repay('2535.03', 'p1', '2024-02-15');
    const [, second, third] = loan.state.installments;
    expect(third).toMatchObject({ due: { interest: '0.00', fee: '0.00' }, settled: true });
    // Row 2's period starts that day on 499.97 left: 20.10 × 499.97 / 2 009.93 = 5.00.
    expect(second?.due).toMatchObject({ interest: '5.00', fee: '5.00' });
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
        prepaidRowsOweNothingForGonePrincipal(loan.state);
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 300) });
  }, 300_000);
});
